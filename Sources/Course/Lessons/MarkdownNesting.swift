/// How deeply a lesson page's lists and block quotes nest: the page is drawn with at most
/// ``limit`` levels, and `lint` names the first line that goes deeper.
///
/// Each nested level is laid out inside the one around it, so a page of lists nested 3,000
/// deep took minutes and gigabytes to draw. Past the limit the renderer draws the remaining
/// items as one flat list.
package enum MarkdownNesting {
    /// The most lists and quotes drawn one inside another.
    package static let limit = 8

    /// The first line of `lines` (1-based) whose list item or quote sits more than ``limit``
    /// levels deep, and its depth, or nil when none does.
    ///
    /// A quick measure for `lint`, not a Markdown parser: a list item counts as nested when it
    /// is indented at least two columns past the item above it, each `>` counts one level, and
    /// fenced code is skipped. It errs on the shallow side.
    package static func firstTooDeep(_ lines: [String], from start: Int = 0) -> (line: Int, depth: Int)? {
        var items: [Int] = []  // the indentation of each open list item, outermost first
        var fence: Character?
        for index in start..<max(start, lines.count) {
            var text = Substring(lines[index])
            var quotes = 0
            while true {
                let rest = text.drop { $0 == " " }
                guard rest.first == ">" else { break }
                quotes += 1
                text = rest.dropFirst()
            }
            let indent = text.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $1 == "\t" ? $0 + 4 - $0 % 4 : $0 + 1 }
            let content = text.drop { $0 == " " || $0 == "\t" }
            if let open = fence {
                if content.hasPrefix(String(repeating: open, count: 3)) { fence = nil }
                continue
            }
            if let first = content.first, first == "`" || first == "~",
                content.hasPrefix(String(repeating: first, count: 3))
            {
                fence = first
                continue
            }
            if content.isEmpty { continue }
            while let last = items.last, last + 2 > indent { items.removeLast() }
            if isListItem(content) { items.append(indent) }
            let depth = items.count + quotes
            if depth > limit { return (index + 1, depth) }
        }
        return nil
    }

    /// Whether `text` starts with a list marker: `-`, `*` or `+`, or up to nine digits and `.`
    /// or `)`, then a space or the end of the line.
    static func isListItem(_ text: Substring) -> Bool {
        var rest = text
        if let first = rest.first, "-*+".contains(first) {
            rest = rest.dropFirst()
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard (1...9).contains(digits.count) else { return false }
            rest = rest.dropFirst(digits.count)
            guard rest.first == "." || rest.first == ")" else { return false }
            rest = rest.dropFirst()
        }
        return rest.isEmpty || rest.first == " "
    }
}
