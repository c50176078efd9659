/// How a table's columns shrink to fit a width, and how a cell wraps in a narrower column.
enum TableFitting {
    /// Narrows `widths` (with two spaces between columns) to fit `total` columns.
    ///
    /// The widest column loses a column at a time, none below its longest word in `cells`. When even the
    /// longest words do not fit, the columns stay at those words' widths. Columns in `whole`
    /// never shrink below their widest cell, so their values are never wrapped.
    static func shrink(_ widths: [Int], to total: Int, cells: [[String]], whole: Set<Int> = []) -> [Int] {
        var widths = widths
        let floors = widths.indices.map { column in
            whole.contains(column)
                ? widths[column]
                : cells.compactMap { column < $0.count ? longestWord($0[column]) : nil }.max() ?? 0
        }
        var excess = widths.reduce(0, +) + 2 * max(0, widths.count - 1) - total
        while excess > 0 {
            let shrinkable = widths.indices.filter { widths[$0] > floors[$0] }
            guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
            // Down to the next widest column at most, so a very wide column shrinks in one go.
            let next = shrinkable.filter { $0 != widest }.map { widths[$0] }.max() ?? 0
            let cut = min(excess, widths[widest] - max(floors[widest], next - 1, 0))
            widths[widest] -= max(1, cut)
            excess -= max(1, cut)
        }
        return widths
    }

    /// The display width of the longest space-separated word of `cell`.
    static func longestWord(_ cell: String) -> Int {
        cell.split(separator: " ").map { displayWidth(String($0)) }.max() ?? 0
    }

    /// `cell` as lines at most `width` columns wide, broken only at spaces; a cell that fits
    /// is one line, as it is.
    ///
    /// A colour that a break interrupts is closed at the line's end.
    static func wrap(_ cell: String, width: Int) -> [String] {
        guard displayWidth(cell) > width else { return [cell] }
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in cell.split(separator: " ").map(String.init) {
            let wordWidth = displayWidth(word)
            if line.isEmpty {
                line = word
                used = wordWidth
            } else if used + 1 + wordWidth <= width {
                line += " " + word
                used += 1 + wordWidth
            } else {
                lines.append(line)
                line = word
                used = wordWidth
            }
        }
        lines.append(line)
        let reset = "\u{1B}[0m"
        return lines.map { $0.contains("\u{1B}") && !$0.hasSuffix(reset) ? $0 + reset : $0 }
    }
}
