/// A grid of shares from 0 to 1 (rows by columns), darker for higher, with the value written in
/// each cell so the colour is never the only cue; a missing value is an empty, dashed cell.
enum HeatMap {
    static func draw(rows: [String], columns: [String], values: [[Double?]]) -> SVGCanvas {
        let rowLabel = min(160.0, Double(rows.map(\.count).max() ?? 4) * 7 + 10)
        let cell = columns.count > 24 ? 26.0 : 38.0
        let header = min(150.0, Double(columns.map(\.count).max() ?? 4) * 6.5 + 12)
        let width = rowLabel + cell * Double(columns.count) + 10
        let height = header + cell * 0.7 * Double(rows.count) + 10
        var canvas = SVGCanvas(width: max(width, 200), height: height)
        let rowH = cell * 0.7
        for (j, column) in columns.enumerated() {
            let x = rowLabel + cell * Double(j) + cell / 2
            canvas.add(
                "<text x=\"\(f(x))\" y=\"\(f(header - 6))\" transform=\"rotate(-55 \(f(x)) \(f(header - 6)))\" "
                    + "class=\"muted\">\(HTML.escape(PairedBars.shorten(column)))</text>")
        }
        for (i, row) in rows.enumerated() {
            let y = header + rowH * Double(i)
            canvas.text(rowLabel - 6, y + rowH / 2 + 4, row, anchor: "end")
            for j in columns.indices {
                let x = rowLabel + cell * Double(j)
                let value = j < values[i].count ? values[i][j] : nil
                canvas.rect(x + 1, y + 1, cell - 2, rowH - 2, fill: "var(--heat0)")
                guard let value else {
                    canvas.rect(
                        x + 1, y + 1, cell - 2, rowH - 2, fill: "none",
                        extra: "stroke=\"var(--line)\" stroke-dasharray=\"3 2\"")
                    continue
                }
                canvas.rect(
                    x + 1, y + 1, cell - 2, rowH - 2, fill: "var(--heat1)",
                    extra: "fill-opacity=\"\(f(0.1 + 0.9 * min(1, max(0, value))))\"")
                canvas.add(
                    "<text x=\"\(f(x + cell / 2))\" y=\"\(f(y + rowH / 2 + 4))\" text-anchor=\"middle\" "
                        + "style=\"fill:\(value > 0.55 ? "#fff" : "var(--fg)");font-size:10px\">"
                        + "\(Int((value * 100).rounded()))</text>")
            }
        }
        return canvas
    }

    /// The grid as a table: one row per row label, values as percentages, `–` when missing.
    static func table(rows: [String], columns: [String], values: [[Double?]], corner: String) -> String {
        HTML.table(
            [corner] + columns,
            rows.indices.map { i in
                [HTML.escape(rows[i])]
                    + columns.indices.map { j in
                        (j < values[i].count ? values[i][j] : nil).map { HTML.percent($0) } ?? "–"
                    }
            })
    }
}
