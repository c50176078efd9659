/// The stages as a directed graph, upstream to downstream: order, cycles, ancestry and layers.
public struct PipelineGraph: Sendable {
    /// Stage names in file order.
    public let names: [String]
    /// Each stage's upstream stages, in the order they were named.
    public let upstream: [String: [String]]

    public init(_ stages: [StageDefinition]) {
        names = stages.map(\.name)
        upstream = Dictionary(uniqueKeysWithValues: stages.map { ($0.name, $0.upstream) })
    }

    /// Each stage's downstream stages, in file order.
    public var downstream: [String: [String]] {
        var result: [String: [String]] = [:]
        for name in names {
            for parent in upstream[name] ?? [] { result[parent, default: []].append(name) }
        }
        return result
    }

    /// The order stages run in: every stage after its upstream, otherwise file order.
    ///
    /// Stages in a cycle are left out (``cycle()`` finds them first).
    public var order: [String] {
        var done = Set<String>()
        var result: [String] = []
        var progress = true
        while progress {
            progress = false
            for name in names where !done.contains(name) {
                if (upstream[name] ?? []).allSatisfy(done.contains) {
                    done.insert(name)
                    result.append(name)
                    progress = true
                    break
                }
            }
        }
        return result
    }

    /// The stages of one cycle, in the order each needs the next, or nil when there is none.
    public func cycle() -> [String]? {
        var state: [String: Int] = [:]  // 1 on the current path, 2 finished
        var path: [String] = []
        func visit(_ name: String) -> [String]? {
            state[name] = 1
            path.append(name)
            for parent in upstream[name] ?? [] {
                if state[parent] == 1, let start = path.firstIndex(of: parent) {
                    // The path runs downstream → upstream; a cycle reads better as "needs" order reversed.
                    return Array(path[start...])
                }
                if state[parent] == nil, let found = visit(parent) { return found }
            }
            state[name] = 2
            path.removeLast()
            return nil
        }
        for name in names where state[name] == nil {
            if let found = visit(name) { return found }
        }
        return nil
    }

    /// Every stage `name` depends on, nearest first.
    public func ancestors(of name: String) -> [String] {
        var seen: Set<String> = [name]
        var queue = upstream[name] ?? []
        var result: [String] = []
        while !queue.isEmpty {
            let next = queue.removeFirst()
            guard seen.insert(next).inserted else { continue }
            result.append(next)
            queue += upstream[next] ?? []
        }
        return result
    }

    /// Every stage that depends on `name`, directly or not.
    public func descendants(of name: String) -> Set<String> {
        let down = downstream
        var seen = Set<String>()
        var queue = down[name] ?? []
        while !queue.isEmpty {
            let next = queue.removeFirst()
            if seen.insert(next).inserted { queue += down[next] ?? [] }
        }
        return seen
    }

    /// Stages by depth: a stage sits one layer below its deepest upstream stage.
    public var layers: [[String]] {
        var depth: [String: Int] = [:]
        for name in order {
            depth[name] = (upstream[name] ?? []).compactMap { depth[$0] }.max().map { $0 + 1 } ?? 0
        }
        let count = (depth.values.max() ?? -1) + 1
        return (0..<count).map { layer in order.filter { depth[$0] == layer } }
    }
}
