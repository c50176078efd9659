import Foundation
import PipelineEngine

/// Draws a pipeline's stage graph with boxes and arrows, upstream at the top, as `dvc dag`
/// does: stages in layers by depth, edges that skip a layer routed through it.
enum DagDrawing {
    /// One slot in a layer: a stage's box, or a pass-through for an edge that skips the layer.
    private enum Slot: Equatable {
        case stage(String)
        case through(from: String, to: String)
    }

    /// Directions a line leaves a cell in, combined into one box-drawing character.
    private struct Lines: OptionSet {
        let rawValue: UInt8
        static let up = Lines(rawValue: 1), down = Lines(rawValue: 2), left = Lines(rawValue: 4),
            right = Lines(rawValue: 8)

        var character: Character {
            switch self {
            case [.up], [.down], [.up, .down]: "│"
            case [.left], [.right], [.left, .right]: "─"
            case [.up, .right]: "└"
            case [.up, .left]: "┘"
            case [.down, .right]: "┌"
            case [.down, .left]: "┐"
            case [.up, .down, .right]: "├"
            case [.up, .down, .left]: "┤"
            case [.left, .right, .down]: "┬"
            case [.left, .right, .up]: "┴"
            default: "┼"
            }
        }
    }

    /// The drawing, or nil when it would be wider than `width` columns.
    static func draw(_ stages: [StageDefinition], label: (StageDefinition) -> String, width: Int) -> String? {
        let graph = PipelineGraph(stages)
        let byName = Dictionary(uniqueKeysWithValues: stages.map { ($0.name, $0) })
        var depth: [String: Int] = [:]
        let stageLayers = graph.layers
        for (index, layer) in stageLayers.enumerated() { for name in layer { depth[name] = index } }
        var layers = stageLayers.map { $0.map(Slot.stage) }
        // Every slot takes a column and two between slots: a layer with more cannot fit, and
        // giving up now keeps edges that skip many layers from filling memory with pass-throughs.
        let mostSlots = (width + 2) / 3
        guard layers.allSatisfy({ $0.count <= mostSlots }) else { return nil }
        // Pass-throughs for edges that skip layers.
        for name in graph.order {
            for parent in graph.upstream[name] ?? [] {
                guard let from = depth[parent], let to = depth[name], to - from > 1 else { continue }
                for layer in (from + 1)..<to {
                    layers[layer].append(.through(from: parent, to: name))
                    if layers[layer].count > mostSlots { return nil }
                }
            }
        }
        func text(_ slot: Slot) -> String {
            if case .stage(let name) = slot, let stage = byName[name] { return label(stage) }
            return ""
        }
        func slotWidth(_ slot: Slot) -> Int {
            if case .stage = slot { return displayWidth(text(slot)) + 4 } else { return 1 }
        }
        // Centres: each slot under the mean of what feeds it, kept apart by at least 2 columns.
        var centre: [Int: [Int]] = [:]  // layer → centre per slot
        func feeders(_ slot: Slot, layer: Int) -> [Int] {
            guard layer > 0 else { return [] }
            let above = layers[layer - 1]
            return above.indices.filter { index in
                switch (above[index], slot) {
                case (.stage(let a), .stage(let b)): (graph.upstream[b] ?? []).contains(a) && depth[b] == layer
                case (.stage(let a), .through(let from, _)): a == from
                case (.through(let from, let to), .stage(let b)): to == b && from != b
                case (.through(let f1, let t1), .through(let f2, let t2)): f1 == f2 && t1 == t2
                }
            }.compactMap { centre[layer - 1]?[$0] }
        }
        for layer in layers.indices {
            let desired = layers[layer].enumerated().map { index, slot -> (Int, Double) in
                let from = feeders(slot, layer: layer)
                return (index, from.isEmpty ? Double(index) * 1000 : Double(from.reduce(0, +)) / Double(from.count))
            }
            let order = desired.sorted { $0.1 == $1.1 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.0)
            layers[layer] = order.map { layers[layer][$0] }
            var centres: [Int] = []
            var nextFree = 0
            for slot in layers[layer] {
                let w = slotWidth(slot)
                let want = Int(
                    feeders(slot, layer: layer).map(Double.init).reduce(0, +)
                        / Double(max(1, feeders(slot, layer: layer).count)))
                let left = max(nextFree, want - w / 2)
                centres.append(left + w / 2)
                nextFree = left + w + 2
            }
            centre[layer] = centres
        }
        let columns =
            (layers.indices.flatMap { layer in
                layers[layer].indices.map { (centre[layer]?[$0] ?? 0) + slotWidth(layers[layer][$0]) }
            }.max() ?? 0) + 1
        guard columns <= width else { return nil }
        let rows = layers.count * 6 - 3
        var canvas = [[Character]](repeating: [Character](repeating: " ", count: columns), count: rows)
        var lines = [[Lines]](repeating: [Lines](repeating: [], count: columns), count: rows)
        for (layer, slots) in layers.enumerated() {
            let top = layer * 6
            for (index, slot) in slots.enumerated() {
                let x = centre[layer]?[index] ?? 0
                guard case .stage = slot else {
                    for row in top..<(top + 3) { lines[row][x].formUnion([.up, .down]) }
                    continue
                }
                let label = Array(text(slot))
                let w = slotWidth(slot)
                let left = x - w / 2
                canvas[top][left] = "┌"
                canvas[top][left + w - 1] = "┐"
                canvas[top + 2][left] = "└"
                canvas[top + 2][left + w - 1] = "┘"
                canvas[top + 1][left] = "│"
                canvas[top + 1][left + w - 1] = "│"
                for i in 1..<(w - 1) {
                    canvas[top][left + i] = "─"
                    canvas[top + 2][left + i] = "─"
                }
                for (i, character) in label.enumerated() { canvas[top + 1][left + 2 + i] = character }
            }
            guard layer + 1 < layers.count else { continue }
            // Edges from this layer to the next through three connector rows.
            for (index, slot) in layers[layer + 1].enumerated() {
                let to = centre[layer + 1]?[index] ?? 0
                for from in feeders(slot, layer: layer + 1) {
                    if canvas[top + 2][from] == "─" { canvas[top + 2][from] = "┬" }
                    lines[top + 3][from].formUnion([.up, .down])
                    if from == to {
                        lines[top + 4][from].formUnion([.up, .down])
                    } else {
                        lines[top + 4][from].formUnion([.up, to > from ? .right : .left])
                        for x in (min(from, to) + 1)..<max(from, to) { lines[top + 4][x].formUnion([.left, .right]) }
                        lines[top + 4][to].formUnion([.down, to > from ? .left : .right])
                    }
                    if case .stage = slot {
                        canvas[top + 5][to] = "▼"
                    } else {
                        lines[top + 5][to].formUnion([.up, .down])
                    }
                }
            }
        }
        return canvas.indices.map { row in
            var line = canvas[row].indices.map { x in lines[row][x].isEmpty ? canvas[row][x] : lines[row][x].character }
            while line.last == " " { line.removeLast() }
            return String(line)
        }.joined(separator: "\n")
    }
}
