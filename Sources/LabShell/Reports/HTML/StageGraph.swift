/// A pipeline's stage graph: stages in columns by depth (a stage sits right of everything it
/// needs), arrows along the `needs` edges, and each box marked with its status in words and symbol.
enum StageGraph {
    /// One stage to draw.
    struct Node {
        var name: String
        var needs: [String]
        /// `ran`, `cached`, `failed`, `skipped`, or nil when the run did not reach it.
        var status: String?
    }

    static func draw(_ nodes: [Node]) -> SVGCanvas {
        var depth: [String: Int] = [:]
        for node in nodes {  // nodes come in run order, so every need is placed first.
            depth[node.name] = (node.needs.compactMap { depth[$0] }.max() ?? -1) + 1
        }
        let columns = (depth.values.max() ?? 0) + 1
        var row: [Int: Int] = [:]
        var place: [String: (x: Double, y: Double)] = [:]
        let boxW = 150.0
        let boxH = 46.0
        let gapX = 46.0
        let gapY = 18.0
        for node in nodes {
            let d = depth[node.name] ?? 0
            let r = row[d, default: 0]
            row[d] = r + 1
            place[node.name] = (12 + Double(d) * (boxW + gapX), 12 + Double(r) * (boxH + gapY))
        }
        let rows = row.values.max() ?? 1
        var canvas = SVGCanvas(
            width: 24 + Double(columns) * boxW + Double(columns - 1) * gapX,
            height: 24 + Double(rows) * boxH + Double(rows - 1) * gapY)
        canvas.add(
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"var(--muted)\"/>"
                + "</marker></defs>")
        for node in nodes {
            guard let to = place[node.name] else { continue }
            for need in node.needs {
                guard let from = place[need] else { continue }
                canvas.add(
                    "<line x1=\"\(f(from.x + boxW))\" y1=\"\(f(from.y + boxH / 2))\" x2=\"\(f(to.x))\" "
                        + "y2=\"\(f(to.y + boxH / 2))\" class=\"axis\" marker-end=\"url(#arrow)\"/>")
            }
        }
        for node in nodes {
            guard let at = place[node.name] else { continue }
            let tone = tone(node.status)
            canvas.add(
                "<rect x=\"\(f(at.x))\" y=\"\(f(at.y))\" width=\"\(f(boxW))\" height=\"\(f(boxH))\" rx=\"7\" "
                    + "fill=\"var(--bg)\" stroke=\"var(--\(tone == .neutral ? "line" : tone.rawValue))\" "
                    + "stroke-width=\"2\" data-stage=\"\(HTML.escape(node.name))\"/>")
            canvas.text(at.x + 10, at.y + 19, PairedBars.shorten(node.name))
            canvas.text(at.x + 10, at.y + 36, "\(tone.symbol) \(node.status ?? "not run")", className: tone.rawValue)
        }
        return canvas
    }

    /// How a stage status reads: failed is bad, ran and cached are good, the rest neutral.
    static func tone(_ status: String?) -> HTML.Tone {
        switch status {
        case "ran", "cached": .good
        case "failed": .bad
        case "skipped": .warn
        default: .neutral
        }
    }
}
