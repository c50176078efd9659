import Foundation

/// A table of text drawn with aligned columns, like `kubectl get` or `dvc metrics show`.
struct TextTable: Sendable {
    var headers: [String]
    var rows: [[String]]
    /// Indices of columns to right-align (numbers read better that way).
    var rightAligned: Set<Int>
    /// Indices of columns to centre (a Markdown table's `:---:`).
    var centered: Set<Int>
    /// Indices of columns whose values are never wrapped when the table shrinks (a status
    /// such as "not started" reads badly on two lines); the other columns give way instead.
    var keptWhole: Set<Int>
    /// Whether the header row is drawn above the columns; when the table is drawn as records
    /// the headers are always there, as each value's label.
    var showsHeaderRow = true
    /// Indices of rows that carry on the row above (a second reason, a title's next line).
    private(set) var continuations: Set<Int> = []

    /// The most lines one row may take in a shrunk table before the table is drawn as records.
    static let tallestRow = 3

    init(
        headers: [String], rows: [[String]] = [], rightAligned: Set<Int> = [],
        centered: Set<Int> = [], keptWhole: Set<Int> = []
    ) {
        self.headers = headers
        self.rows = rows
        self.rightAligned = rightAligned
        self.centered = centered
        self.keptWhole = keptWhole
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    /// Adds a row that carries on the row above: drawn as its own line in columns, and joined
    /// to the record above when the table is drawn as records.
    mutating func appendContinuation(_ row: [String]) {
        continuations.insert(rows.count)
        rows.append(row)
    }

    /// The table as lines, headers in bold, two spaces between columns.
    ///
    /// When the style knows the terminal's columns and the table is wider, the widest columns
    /// shrink, never below their longest word, and their cells wrap at spaces onto more lines
    /// of the same row: every value stays whole. When even that does not fit, or a row would
    /// take more than ``tallestRow`` lines, each row is drawn as a record of `HEADER  value`
    /// lines instead, as `psql`'s expanded display does.
    func render(_ style: TerminalStyle) -> String {
        var widths = headers.map(displayWidth)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], displayWidth(cell))
            }
        }
        if let columns = style.columns {
            let natural = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
            if natural > columns {
                widths = TableFitting.shrink(widths, to: columns, cells: [headers] + rows, whole: keptWhole)
                let shrunk = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
                let tallest =
                    rows.map { row in
                        row.enumerated().map { i, cell in
                            i < widths.count ? TableFitting.wrap(cell, width: widths[i]).count : 1
                        }.max() ?? 1
                    }.max() ?? 1
                if headers.count > 1, shrunk > columns || tallest > Self.tallestRow {
                    return records(style, width: columns)
                }
            }
        }
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
        var out = showsHeaderRow ? lines(headers).map(style.bold) : []
        out += rows.flatMap(lines)
        return out.joined(separator: "\n")
    }

    /// Each row as a block of `HEADER  value` lines, values wrapped at spaces under each other,
    /// a blank line between rows; empty values are left out, and values of a column without
    /// a header lead the record on a line of their own.
    private func records(_ style: TerminalStyle, width: Int) -> String {
        var merged: [[String]] = []
        for (index, row) in rows.enumerated() {
            if continuations.contains(index), var last = merged.popLast() {
                for (i, cell) in row.enumerated() where i < last.count && !cell.isEmpty {
                    last[i] = last[i].isEmpty ? cell : last[i] + " " + cell
                }
                merged.append(last)
            } else {
                merged.append(row)
            }
        }
        let keyWidth = headers.map(displayWidth).max() ?? 0
        let valueWidth = max(10, width - keyWidth - 2)
        let indent = String(repeating: " ", count: keyWidth + 2)
        return merged.map { row in
            headers.enumerated().flatMap { i, header -> [String] in
                let value = i < row.count ? row[i].trimmingTrailingSpaces() : ""
                guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
                // A column without a header (a mark such as ✓) leads its record on its own.
                if header.isEmpty { return [value.trimmingCharacters(in: .whitespaces)] }
                let lines = TableFitting.wrap(value, width: valueWidth)
                return [style.bold(pad(header, keyWidth)) + "  " + lines[0]] + lines.dropFirst().map { indent + $0 }
            }.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
