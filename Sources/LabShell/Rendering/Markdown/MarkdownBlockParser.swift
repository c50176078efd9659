import Course
import Foundation

/// Splits Markdown text into ``MarkdownBlock``s, following CommonMark and GitHub's tables
/// where lessons need them and staying lenient elsewhere.
///
/// Deliberate simplifications: no setext headings (`---` under text is a rule), no indented
/// code blocks (use fences), no HTML, and a nested list may be indented by two spaces under
/// any marker, as most authors write it. Lists and quotes nest at most
/// ``MarkdownNesting/limit`` deep: what is inside the deepest level is read flat, as one list
/// of paragraphs, so the work stays linear in the page however deep it nests.
enum MarkdownBlockParser {
    /// Stands for a hard line break (two trailing spaces or a trailing `\`) in paragraph text.
    static let hardBreak: Character = "\u{2028}"

    /// The blocks of `text`.
    static func parse(_ text: String) -> [MarkdownBlock] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            expandTabs(line.hasSuffix("\r") ? String(line.dropLast()) : String(line))
        }
        return parse(lines: lines)
    }

    /// The blocks of `lines`, which are already split and tab-free, inside `depth` lists and quotes.
    static func parse(lines: [String], depth: Int = 0) -> [MarkdownBlock] {
        if depth >= MarkdownNesting.limit { return flat(lines) }
        var blocks: [MarkdownBlock] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if isBlank(line) {
                i += 1
            } else if let fence = Fence(opening: line) {
                var code: [String] = []
                i += 1
                while i < lines.count, !fence.isClosed(by: lines[i]) {
                    code.append(dropIndent(lines[i], upTo: fence.indent))
                    i += 1
                }
                i += 1  // the closing fence, or past the end
                blocks.append(.code(code))
            } else if let heading = heading(line) {
                blocks.append(heading)
                i += 1
            } else if isRule(line) {
                blocks.append(.rule)
                i += 1
            } else if let inner = quoteContent(line) {
                var quoted = [inner]
                i += 1
                while i < lines.count, let next = quoteContent(lines[i]) {
                    quoted.append(next)
                    i += 1
                }
                blocks.append(.quote(parse(lines: quoted, depth: depth + 1)))
            } else if let marker = ListMarker(line) {
                let (list, next) = parseList(lines, from: i, first: marker, depth: depth)
                blocks.append(.list(list))
                i = next
            } else if let table = parseTable(lines, from: i) {
                blocks.append(.table(table.table))
                i = table.next
            } else {
                var text = line.trimmingLeadingSpaces()
                i += 1
                while i < lines.count, !isBlank(lines[i]), !interruptsParagraph(lines, at: i) {
                    text = joinParagraphLine(text, lines[i].trimmingLeadingSpaces())
                    i += 1
                }
                blocks.append(.paragraph(trimBreak(text)))
            }
        }
        return blocks
    }

    // MARK: Lists

    private static func parseList(_ lines: [String], from start: Int, first: ListMarker, depth: Int)
        -> (MarkdownList, Int)
    {
        var items: [[String]] = [[first.content]]
        var marker = first
        var loose = false
        var sawBlank = false
        var i = start + 1
        while i < lines.count {
            let line = lines[i]
            // Content belongs to the item when indented past the marker (two spaces suffice).
            let threshold = min(marker.contentColumn, marker.indent + 2)
            if isBlank(line) {
                items[items.count - 1].append("")
                sawBlank = true
            } else if indentation(line) >= threshold {
                items[items.count - 1].append(dropIndent(line, upTo: marker.contentColumn))
                sawBlank = false
            } else if let next = ListMarker(line), next.delimiter == first.delimiter {
                if sawBlank { loose = true }
                items.append([next.content])
                marker = next
                sawBlank = false
            } else if !sawBlank, !startsBlock(lines, at: i) {
                // A lazy continuation line of the item's paragraph.
                items[items.count - 1].append(line.trimmingLeadingSpaces())
            } else {
                break
            }
            i += 1
        }
        while i > start + 1, isBlank(lines[i - 1]) { i -= 1 }
        let blocks = items.map { item -> [MarkdownBlock] in
            var item = item
            while let last = item.last, isBlank(last) { item.removeLast() }
            return parse(lines: item, depth: depth + 1)
        }
        return (MarkdownList(ordered: first.ordered, start: first.number, items: blocks, loose: loose), i)
    }

    /// Lines nested past the limit: text before the first list item as a paragraph, then every
    /// list item, however deep, as one paragraph of a single flat list; quote marks are dropped.
    private static func flat(_ lines: [String]) -> [MarkdownBlock] {
        var lead: [Substring] = []
        var items: [[Substring]] = []
        for line in lines {
            var text = Substring(line).drop { $0 == " " }
            while text.first == ">" { text = text.dropFirst().drop { $0 == " " } }
            if text.isEmpty { continue }
            if let marker = ListMarker(String(text)) {
                items.append([Substring(marker.content)])
            } else if items.isEmpty {
                lead.append(text)
            } else {
                items[items.count - 1].append(text)
            }
        }
        var blocks: [MarkdownBlock] = []
        if !lead.isEmpty { blocks.append(.paragraph(lead.joined(separator: "\n"))) }
        if !items.isEmpty {
            let paragraphs = items.map { [MarkdownBlock.paragraph($0.joined(separator: "\n"))] }
            blocks.append(.list(MarkdownList(ordered: false, start: 1, items: paragraphs, loose: false)))
        }
        return blocks
    }

    /// A list item's marker: `-`, `*`, `+`, or a number and `.` or `)`, then a space.
    struct ListMarker {
        var indent: Int
        var ordered: Bool
        /// The bullet (`-`, `*`, `+`) or the character after the number (`.`, `)`); another
        /// one starts a new list, as in CommonMark.
        var delimiter: Character
        var number: Int
        /// The column where the item's text begins.
        var contentColumn: Int
        var content: String

        init?(_ line: String) {
            let indent = indentation(line)
            guard indent <= 3 else { return nil }
            let rest = line.dropFirst(indent)
            var markerWidth: Int
            if let first = rest.first, "-*+".contains(first) {
                ordered = false
                delimiter = first
                number = 1
                markerWidth = 1
            } else {
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                guard (1...9).contains(digits.count),
                    let after = rest.dropFirst(digits.count).first, after == "." || after == ")"
                else { return nil }
                ordered = true
                delimiter = after
                number = Int(digits) ?? 1
                markerWidth = digits.count + 1
            }
            let afterMarker = rest.dropFirst(markerWidth)
            guard afterMarker.isEmpty || afterMarker.first == " " else { return nil }
            let spaces = afterMarker.prefix { $0 == " " }.count
            let gap = afterMarker.count == spaces ? 1 : (spaces > 4 ? 1 : spaces)
            self.indent = indent
            contentColumn = indent + markerWidth + gap
            content = String(afterMarker.dropFirst(min(gap, spaces)))
        }
    }

    // MARK: Line kinds

    /// An opening code fence (three or more backticks or tildes) and how to close it.
    struct Fence {
        var character: Character
        var length: Int
        var indent: Int

        init?(opening line: String) {
            indent = indentation(line)
            guard indent <= 3 else { return nil }
            let rest = line.dropFirst(indent)
            guard let first = rest.first, first == "`" || first == "~" else { return nil }
            length = rest.prefix { $0 == first }.count
            guard length >= 3 else { return nil }
            if first == "`", rest.dropFirst(length).contains("`") { return nil }
            character = first
        }

        func isClosed(by line: String) -> Bool {
            guard indentation(line) <= 3 else { return false }
            let rest = line.trimmingCharacters(in: .whitespaces)
            return rest.count >= length && rest.allSatisfy { $0 == character }
        }
    }

    private static func heading(_ line: String) -> MarkdownBlock? {
        let indent = indentation(line)
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        let level = rest.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let after = rest.dropFirst(level)
        guard after.isEmpty || after.first == " " else { return nil }
        var text = after.trimmingCharacters(in: .whitespaces)
        // An optional closing run of #s, separated by a space.
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0, closing == text.count || text.dropLast(closing).last == " " {
            text = String(text.dropLast(closing)).trimmingCharacters(in: .whitespaces)
        }
        return .heading(level: level, text: text)
    }

    static func isRule(_ line: String) -> Bool {
        guard indentation(line) <= 3 else { return false }
        let marks = line.filter { $0 != " " }
        guard let first = marks.first, "-*_".contains(first) else { return false }
        return marks.count >= 3 && marks.allSatisfy { $0 == first }
    }

    private static func quoteContent(_ line: String) -> String? {
        guard indentation(line) <= 3 else { return nil }
        let rest = line.drop { $0 == " " }
        guard rest.first == ">" else { return nil }
        let inner = rest.dropFirst()
        return String(inner.first == " " ? inner.dropFirst() : inner)
    }

    /// Whether line `i` starts a block other than a paragraph.
    static func startsBlock(_ lines: [String], at i: Int) -> Bool {
        let line = lines[i]
        return Fence(opening: line) != nil || heading(line) != nil || isRule(line)
            || quoteContent(line) != nil || ListMarker(line) != nil
            || (i + 1 < lines.count && line.contains("|") && delimiterRow(lines[i + 1]) != nil)
    }

    /// Whether line `i` ends the paragraph above it.
    ///
    /// As in CommonMark, an empty list item or a numbered item not starting at
    /// 1 does not (so "in 1999. we" stays prose).
    private static func interruptsParagraph(_ lines: [String], at i: Int) -> Bool {
        if let marker = ListMarker(lines[i]) {
            return !marker.content.trimmingCharacters(in: .whitespaces).isEmpty
                && (!marker.ordered || marker.number == 1)
        }
        return startsBlock(lines, at: i)
    }

    private static func joinParagraphLine(_ text: String, _ line: String) -> String {
        if text.hasSuffix("  ") {
            return text.trimmingTrailingSpaces() + String(hardBreak) + line
        }
        if text.hasSuffix("\\"), !text.hasSuffix("\\\\") {
            return String(text.dropLast()) + String(hardBreak) + line
        }
        return text.trimmingTrailingSpaces() + "\n" + line
    }

    private static func trimBreak(_ text: String) -> String {
        text.trimmingTrailingSpaces()
    }

    // MARK: Whitespace

    // These read bytes rather than characters: a page nested deep is mostly leading spaces,
    // and stepping through them character by character dominated drawing it.

    static func isBlank(_ line: String) -> Bool { leadingSpaces(line) == line.utf8.count }

    static func indentation(_ line: String) -> Int {
        let spaces = leadingSpaces(line)
        let next = line.utf8.dropFirst(spaces).first
        // A combining mark after a space makes one character of the two: count characters then.
        guard let next, next >= 0x80 else { return spaces }
        return line.prefix { $0 == " " }.count
    }

    /// How many bytes at the start of `line` are spaces.
    private static func leadingSpaces(_ line: String) -> Int {
        var line = line
        return line.withUTF8 { bytes in
            var count = 0
            while count < bytes.count, bytes[count] == UInt8(ascii: " ") { count += 1 }
            return count
        }
    }

    static func dropIndent(_ line: String, upTo count: Int) -> String {
        let drop = min(count, indentation(line))
        return String(line[line.utf8.index(line.startIndex, offsetBy: drop)...])
    }

    /// `line` with tabs replaced by spaces to the next multiple of four columns.
    static func expandTabs(_ line: String) -> String {
        guard line.contains("\t") else { return line }
        var result = ""
        var column = 0
        for character in line {
            if character == "\t" {
                let spaces = 4 - column % 4
                result += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                result.append(character)
                column += 1
            }
        }
        return result
    }
}

extension String {
    func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }

    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
