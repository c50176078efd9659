/// A table of text drawn with aligned columns, like `kubectl get` or `dvc metrics show`.
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]]
    /// Indices of columns to right-align (numbers read better that way).
    public var rightAligned: Set<Int>
    /// Indices of columns to centre (a Markdown table's `:---:`).
    public var centered: Set<Int>

    public init(headers: [String], rows: [[String]] = [], rightAligned: Set<Int> = [],
                centered: Set<Int> = []) {
        self.headers = headers
        self.rows = rows
        self.rightAligned = rightAligned
        self.centered = centered
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines, headers in bold, two spaces between columns.
    ///
    /// When the style knows the terminal's columns and the table is wider, the widest columns
    /// shrink, never below their longest word, and their cells wrap at spaces onto more lines
    /// of the same row: every value stays whole.
    public func render(_ style: TerminalStyle) -> String {
        var widths = headers.map(displayWidth)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], displayWidth(cell))
            }
        }
        if let columns = style.columns { widths = TableFitting.shrink(widths, to: columns, cells: [headers] + rows) }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let isLast = i == cells.count - 1
                if centered.contains(i), i < widths.count {
                    let gap = max(0, widths[i] - displayWidth(cell))
                    let right = isLast ? 0 : gap - gap / 2
                    return String(repeating: " ", count: gap / 2) + cell + String(repeating: " ", count: right)
                }
                return isLast && !rightAligned.contains(i)
                    ? cell : pad(cell, i < widths.count ? widths[i] : 0, right: rightAligned.contains(i))
            }.joined(separator: "  ")
        }
        func lines(_ cells: [String]) -> [String] {
            let wrapped = cells.enumerated().map { i, cell in
                i < widths.count ? TableFitting.wrap(cell, width: widths[i]) : [cell]
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { index in
                line(wrapped.map { index < $0.count ? $0[index] : "" })
            }
        }
        var out = lines(headers).map(style.bold)
        out += rows.flatMap(lines)
        return out.joined(separator: "\n")
    }
}
