/// Draws a lesson page's Markdown for the terminal, wrapped to the style's width.
///
/// Headings are bold (`#` and `##` also ruled beneath), paragraphs re-flowed, lists given a
/// hanging indent, code blocks indented and left unwrapped, tables aligned in columns, and
/// quotes marked with a bar. With colour off the output is plain text: emphasis markers are
/// dropped and inline code keeps its backticks.
struct MarkdownRenderer {
    let style: TerminalStyle

    /// How far lists and tables sit in from the text around them, and code blocks.
    static let listIndent = 2
    static let tableIndent = 2
    static let codeIndent = 4

    init(style: TerminalStyle) {
        self.style = style
    }

    /// The rendered lines of `markdown`, joined by newlines, with no trailing newline.
    func render(_ markdown: String) -> String {
        render(MarkdownBlockParser.parse(markdown), width: style.width, depth: 0).joined(separator: "\n")
    }

    private var wrapper: WordWrapper { WordWrapper(style: style) }

    /// The lines of `blocks`, one blank line between blocks; `depth` counts enclosing lists.
    func render(_ blocks: [MarkdownBlock], width: Int, depth: Int) -> [String] {
        var lines: [String] = []
        for (index, block) in blocks.enumerated() {
            // A list right under an item's text belongs to it: no blank line between them.
            let hugsPrevious = depth > 0 && index > 0 && { if case .list = block { true } else { false } }()
            if index > 0, !hugsPrevious { lines.append("") }
            lines += render(block, width: width, depth: depth)
        }
        return lines
    }

    private func render(_ block: MarkdownBlock, width: Int, depth: Int) -> [String] {
        switch block {
        case .heading(let level, let text):
            return heading(level: level, text: text, width: width)
        case .paragraph(let text):
            return wrapper.wrap(wrapper.tokens(MarkdownInline.parse(text)), width: width)
        case .code(let code):
            let indent = String(repeating: " ", count: Self.codeIndent)
            return code.map { line in
                let text = line.trimmingTrailingSpaces()
                return text.isEmpty ? "" : indent + (style.color ? style.cyan(text) : text)
            }
        case .list(let list):
            return render(list, width: width, depth: depth)
        case .table(let table):
            return MarkdownTableLayout(style: style, width: width - Self.tableIndent).lines(table).map {
                $0.isEmpty ? $0 : String(repeating: " ", count: Self.tableIndent) + $0
            }
        case .quote(let blocks):
            let bar = style.dim("│")
            return render(blocks, width: width - 2, depth: depth).map { $0.isEmpty ? bar : bar + " " + $0 }
        case .rule:
            return [style.dim(String(repeating: "─", count: max(3, width)))]
        }
    }

    private func heading(level: Int, text: String, width: Int) -> [String] {
        let runs = MarkdownInline.parse(text).map { run in
            var inline = run.style.union(.bold)
            if level >= 3 { inline.remove(.link) }
            return InlineRun(text: run.text, style: inline)
        }
        var lines = wrapper.wrap(wrapper.tokens(runs), width: width)
        if level >= 3 {
            return style.color ? lines.map { style.underline($0) } : lines
        }
        let rule = String(repeating: level == 1 ? "═" : "─", count: min(width, lines.map(displayWidth).max() ?? 0))
        lines.append(style.dim(rule))
        return lines
    }

    private func render(_ list: MarkdownList, width: Int, depth: Int) -> [String] {
        let bullets = ["•", "◦", "▪"]
        let last = list.start + list.items.count - 1
        let numberWidth = String(last).count + 1
        var lines: [String] = []
        for (offset, item) in list.items.enumerated() {
            let marker =
                list.ordered
                ? pad("\(list.start + offset).", numberWidth, right: true)
                : bullets[depth % bullets.count]
            let indent = String(repeating: " ", count: depth == 0 ? Self.listIndent : 0)
            let first = indent + marker + " "
            let hang = String(repeating: " ", count: displayWidth(first))
            if offset > 0, list.loose { lines.append("") }
            let body = render(item, width: width - hang.count, depth: depth + 1)
            if body.isEmpty {
                lines.append(first.trimmingTrailingSpaces())
                continue
            }
            for (index, line) in body.enumerated() {
                lines.append(line.isEmpty ? "" : (index == 0 ? first : hang) + line)
            }
        }
        return lines
    }
}
