/// Lays out a Markdown table in aligned columns that fit a width, wrapping cells when needed.
///
/// Each column starts at its widest cell; while the table is too wide, the widest column that
/// can still give up a column does (never below its longest word). Wrapped cells become extra
/// lines of their row, so ``TextTable`` can align every line as a row of its own.
struct MarkdownTableLayout {
    let style: TerminalStyle
    /// The columns available, gaps between columns included.
    let width: Int

    /// The table's lines: the header (bold), a rule under each column, then the rows.
    func lines(_ table: MarkdownTable) -> [String] {
        let wrapper = WordWrapper(style: style)
        let header = table.header.map { wrapper.tokens(MarkdownInline.parse($0).map(bolded)) }
        let rows = table.rows.map { $0.map { wrapper.tokens(MarkdownInline.parse($0)) } }
        let widths = columnWidths(header: header, rows: rows)

        func physicalLines(_ cells: [[WordWrapper.Token]]) -> [[String]] {
            let wrapped = cells.enumerated().map { column, tokens in
                wrapper.wrap(tokens, width: column < widths.count ? widths[column] : width)
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { line in wrapped.map { line < $0.count ? $0[line] : "" } }
        }

        let headerLines = physicalLines(header)
        var text = TextTable(headers: headerLines[0])
        for (column, alignment) in table.alignments.enumerated() {
            if alignment == .right { text.rightAligned.insert(column) }
            if alignment == .center { text.centered.insert(column) }
        }
        for line in headerLines.dropFirst() { text.append(line) }
        text.append(widths.map { style.dim(String(repeating: "─", count: $0)) })
        for row in rows { for line in physicalLines(row) { text.append(line) } }
        return text.render(style).split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).trimmingTrailingSpaces()
        }
    }

    private func bolded(_ run: InlineRun) -> InlineRun {
        InlineRun(text: run.text, style: run.style.union(.bold))
    }

    /// The width of each column: natural widths, narrowed until the table fits if it can.
    private func columnWidths(header: [[WordWrapper.Token]], rows: [[[WordWrapper.Token]]]) -> [Int] {
        let cells = [header] + rows
        var natural = Array(repeating: 1, count: header.count)
        var narrowest = Array(repeating: 1, count: header.count)
        for row in cells {
            for (column, tokens) in row.enumerated() where column < natural.count {
                let words = tokens.compactMap { token -> Int? in
                    if case .word(let word) = token { word.width } else { nil }
                }
                let joined = words.reduce(0, +) + max(0, words.count - 1)
                natural[column] = max(natural[column], joined)
                narrowest[column] = max(narrowest[column], words.max() ?? 1)
            }
        }
        var widths = natural
        let gaps = 2 * max(0, widths.count - 1)
        while widths.reduce(0, +) + gaps > width {
            let shrinkable = widths.indices.filter { widths[$0] > narrowest[$0] }
            guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        return widths
    }
}
