/// The stages as a directed graph, upstream to downstream: order, cycles, ancestry and layers.
///
/// Every walk is iterative and linear in stages plus edges, so a chain of any length neither
/// overflows the stack nor takes quadratic time.
package struct PipelineGraph: Sendable {
    /// Stage names in file order.
    package let names: [String]
    /// Each stage's upstream stages, in the order they were named.
    package let upstream: [String: [String]]

    package init(_ stages: [StageDefinition]) {
        names = stages.map(\.name)
        upstream = Dictionary(uniqueKeysWithValues: stages.map { ($0.name, $0.upstream) })
    }

    /// Each stage's downstream stages, in file order.
    package var downstream: [String: [String]] {
        var result: [String: [String]] = [:]
        for name in names {
            for parent in upstream[name] ?? [] { result[parent, default: []].append(name) }
        }
        return result
    }

    /// The order stages run in: every stage after its upstream, otherwise file order.
    ///
    /// Kahn's algorithm, always taking the first ready stage in file order. Stages in a cycle,
    /// or after an upstream stage that does not exist, are left out (``cycle()`` finds cycles).
    package var order: [String] {
        let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var waitingOn = names.map { name in (upstream[name] ?? []).count }
        let down = downstream
        var ready = MinimumHeap()
        for index in names.indices where waitingOn[index] == 0 { ready.insert(index) }
        var result: [String] = []
        result.reserveCapacity(names.count)
        while let index = ready.popMinimum() {
            result.append(names[index])
            for child in down[names[index]] ?? [] {
                guard let childIndex = position[child] else { continue }
                waitingOn[childIndex] -= 1
                if waitingOn[childIndex] == 0 { ready.insert(childIndex) }
            }
        }
        return result
    }

    /// The stages of one cycle, in the order each needs the next, or nil when there is none.
    ///
    /// A depth-first search along `upstream` with its own stack; the first cycle met, visiting
    /// stages in file order and each stage's upstream in the order named, is the one returned.
    package func cycle() -> [String]? {
        var finished = Set<String>()
        var onPath: [String: Int] = [:]  // stage → its index in `path`
        var path: [String] = []
        var nextParent: [Int] = []  // per path entry: the next of its upstream to look at
        for root in names where !finished.contains(root) {
            onPath[root] = 0
            path = [root]
            nextParent = [0]
            while let name = path.last {
                let parents = upstream[name] ?? []
                let index = nextParent[nextParent.count - 1]
                guard index < parents.count else {
                    finished.insert(name)
                    onPath[name] = nil
                    path.removeLast()
                    nextParent.removeLast()
                    continue
                }
                nextParent[nextParent.count - 1] = index + 1
                let parent = parents[index]
                // The path runs downstream → upstream; a cycle reads better as "needs" order.
                if let start = onPath[parent] { return Array(path[start...]) }
                if !finished.contains(parent) {
                    onPath[parent] = path.count
                    path.append(parent)
                    nextParent.append(0)
                }
            }
        }
        return nil
    }

    /// Every stage `name` depends on, nearest first.
    package func ancestors(of name: String) -> [String] {
        breadthFirst(from: name, along: upstream, countingStart: false)
    }

    /// Every stage that depends on `name`, directly or not.
    package func descendants(of name: String) -> Set<String> {
        Set(breadthFirst(from: name, along: downstream, countingStart: true))
    }

    /// Stages by depth: a stage sits one layer below its deepest upstream stage.
    package var layers: [[String]] {
        var depth: [String: Int] = [:]
        var result: [[String]] = []
        for name in order {
            let layer = (upstream[name] ?? []).compactMap { depth[$0] }.max().map { $0 + 1 } ?? 0
            depth[name] = layer
            if layer == result.count { result.append([]) }
            result[layer].append(name)
        }
        return result
    }

    /// The stages reachable from `start` along `edges`, nearest first; `start` itself only
    /// when `countingStart` and a cycle leads back to it.
    private func breadthFirst(from start: String, along edges: [String: [String]], countingStart: Bool) -> [String] {
        var seen: Set<String> = countingStart ? [] : [start]
        var queue = edges[start] ?? []
        var head = 0
        var result: [String] = []
        while head < queue.count {
            let next = queue[head]
            head += 1
            guard seen.insert(next).inserted else { continue }
            result.append(next)
            queue += edges[next] ?? []
        }
        return result
    }
}

/// A binary min-heap of stage positions: the ready stage earliest in the file comes out first.
private struct MinimumHeap {
    private var items: [Int] = []

    mutating func insert(_ item: Int) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popMinimum() -> Int? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return first }
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count, items[left] < items[smallest] { smallest = left }
            if right < items.count, items[right] < items[smallest] { smallest = right }
            guard smallest != parent else { return first }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
