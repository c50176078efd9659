import Foundation

extension MarkdownBlockParser {
    /// A GitHub pipe table starting at line `start`: a row with pipes, then a delimiter row
    /// with as many cells; body rows run until a blank line, a line without a pipe or another block.
    static func parseTable(_ lines: [String], from start: Int) -> (table: MarkdownTable, next: Int)? {
        guard start + 1 < lines.count, lines[start].contains("|"),
            let alignments = delimiterRow(lines[start + 1])
        else { return nil }
        let header = tableCells(lines[start])
        guard header.count == alignments.count else { return nil }
        var rows: [[String]] = []
        var i = start + 2
        while i < lines.count, !isBlank(lines[i]), lines[i].contains("|"), !startsBlock(lines, at: i) {
            var cells = tableCells(lines[i])
            if cells.count < header.count { cells += Array(repeating: "", count: header.count - cells.count) }
            rows.append(Array(cells.prefix(header.count)))
            i += 1
        }
        return (MarkdownTable(header: header, alignments: alignments, rows: rows), i)
    }

    /// The alignments of a `|:---|:---:|---:|` row, or nil when the line is not one.
    static func delimiterRow(_ line: String) -> [MarkdownTable.Alignment]? {
        guard line.contains("-") else { return nil }
        let cells = tableCells(line)
        var result: [MarkdownTable.Alignment] = []
        for cell in cells {
            let left = cell.hasPrefix(":")
            let right = cell.hasSuffix(":")
            let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right && cell.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? .center : right ? .right : .left)
        }
        return result.isEmpty ? nil : result
    }

    /// The trimmed cells of a table row.
    ///
    /// `\|` is a literal pipe, and a pipe inside a code span
    /// does not split the cell.
    static func tableCells(_ line: String) -> [String] {
        var text = Substring(line.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|"), !text.hasSuffix("\\|") { text = text.dropLast() }
        var cells: [String] = []
        var cell = ""
        var inCode = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "\\", next < text.endIndex, text[next] == "|" {
                cell.append("|")
                index = text.index(after: next)
                continue
            }
            if character == "`" { inCode.toggle() }
            if character == "|", !inCode {
                cells.append(cell.trimmingCharacters(in: .whitespaces))
                cell = ""
            } else {
                cell.append(character)
            }
            index = next
        }
        cells.append(cell.trimmingCharacters(in: .whitespaces))
        return cells
    }
}
