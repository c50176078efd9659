import Foundation

/// How a piece of inline text is shown.
struct InlineStyle: OptionSet, Hashable {
    let rawValue: Int
    static let bold = InlineStyle(rawValue: 1)
    static let italic = InlineStyle(rawValue: 2)
    static let code = InlineStyle(rawValue: 4)
    static let link = InlineStyle(rawValue: 8)
    /// Secondary text, such as a link's address after its words.
    static let dim = InlineStyle(rawValue: 16)
}

/// A stretch of inline text in one style.
///
/// A hard line break is a run whose text is ``MarkdownBlockParser/hardBreak``.
struct InlineRun: Equatable {
    var text: String
    var style: InlineStyle
}

/// Parses inline Markdown: `**strong**`, `*emphasis*`/`_emphasis_`, `` `code` ``, links
/// `[text](url)` and `<url>`, backslash escapes and hard breaks.
///
/// Emphasis follows CommonMark's delimiter-run rules, so `snake_case_names` and `2 * 3 * 4`
/// stay literal while `**bold**,` and `*a **b** c*` nest as a reader expects.
enum MarkdownInline {
    /// The runs of `text`, whose soft breaks (`\n`) count as spaces.
    static func parse(_ text: String) -> [InlineRun] {
        var nodes = tokenize(Array(text))
        matchEmphasis(&nodes)
        return flatten(nodes)
    }

    /// A piece of the text before emphasis is resolved.
    private enum Node {
        case runs([InlineRun])
        case delimiter(Delimiter)
    }

    /// A run of `*` or `_` that may open or close emphasis.
    private struct Delimiter {
        var character: Character
        var count: Int
        let original: Int
        let canOpen: Bool
        let canClose: Bool
        var active = true
        var opens: [InlineStyle] = []
        var closes: [InlineStyle] = []
    }

    private static func tokenize(_ chars: [Character]) -> [Node] {
        var nodes: [Node] = []
        var literal = ""
        func flush() {
            if !literal.isEmpty { nodes.append(.runs([InlineRun(text: literal, style: [])])) }
            literal = ""
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isPunctuation || chars[i + 1].isSymbol
            {
                literal.append(chars[i + 1])
                i += 2
            } else if c == "\\", i + 1 < chars.count, chars[i + 1] == "\n" {
                literal.append(MarkdownBlockParser.hardBreak)
                i += 2
            } else if c == "`" {
                let ticks = run(of: "`", in: chars, from: i)
                if let end = closingTicks(chars, from: i + ticks, count: ticks) {
                    flush()
                    nodes.append(.runs([InlineRun(text: codeContent(Array(chars[(i + ticks)..<end])), style: .code)]))
                    i = end + ticks
                } else {
                    literal += String(repeating: "`", count: ticks)
                    i += ticks
                }
            } else if c == "*" || c == "_" {
                let count = run(of: c, in: chars, from: i)
                let before: Character = i > 0 ? chars[i - 1] : " "
                let after: Character = i + count < chars.count ? chars[i + count] : " "
                let left =
                    !after.isWhitespace && (!isPunctuation(after) || before.isWhitespace || isPunctuation(before))
                let right =
                    !before.isWhitespace && (!isPunctuation(before) || after.isWhitespace || isPunctuation(after))
                let canOpen = c == "*" ? left : left && (!right || isPunctuation(before))
                let canClose = c == "*" ? right : right && (!left || isPunctuation(after))
                flush()
                nodes.append(
                    .delimiter(
                        Delimiter(
                            character: c, count: count, original: count,
                            canOpen: canOpen, canClose: canClose)))
                i += count
            } else if c == "[", let link = link(chars, from: i) {
                flush()
                var runs = parse(link.text).map { InlineRun(text: $0.text, style: $0.style.union(.link)) }
                if link.text != link.url { runs.append(InlineRun(text: " (\(link.url))", style: .dim)) }
                nodes.append(.runs(runs))
                i = link.end
            } else if c == "<", let end = autolinkEnd(chars, from: i) {
                flush()
                nodes.append(.runs([InlineRun(text: String(chars[(i + 1)..<end]), style: .link)]))
                i = end + 1
            } else {
                literal.append(c)
                i += 1
            }
        }
        flush()
        return nodes
    }

    private static func matchEmphasis(_ nodes: inout [Node]) {
        func delimiter(_ index: Int) -> Delimiter? {
            if case .delimiter(let d) = nodes[index] { return d }
            return nil
        }
        for closerIndex in nodes.indices {
            guard var closer = delimiter(closerIndex), closer.canClose else { continue }
            while closer.count > 0 {
                var openerIndex: Int?
                for j in stride(from: closerIndex - 1, through: 0, by: -1) {
                    guard let opener = delimiter(j), opener.active, opener.canOpen, opener.count > 0,
                        opener.character == closer.character
                    else { continue }
                    // CommonMark's "rule of three" keeps `*a**b*` from pairing the wrong runs.
                    let sum = opener.original + closer.original
                    if opener.canClose || closer.canOpen, sum % 3 == 0,
                        !(opener.original % 3 == 0 && closer.original % 3 == 0)
                    {
                        continue
                    }
                    openerIndex = j
                    break
                }
                guard let j = openerIndex, var opener = delimiter(j) else { break }
                let used = opener.count >= 2 && closer.count >= 2 ? 2 : 1
                let style: InlineStyle = used == 2 ? .bold : .italic
                opener.count -= used
                closer.count -= used
                opener.opens.append(style)
                closer.closes.append(style)
                nodes[j] = .delimiter(opener)
                for k in (j + 1)..<closerIndex {
                    if var inner = delimiter(k) {
                        inner.active = false
                        nodes[k] = .delimiter(inner)
                    }
                }
            }
            if closer.count > 0, !closer.canOpen { closer.active = false }
            nodes[closerIndex] = .delimiter(closer)
        }
    }

    private static func flatten(_ nodes: [Node]) -> [InlineRun] {
        var bold = 0
        var italic = 0
        var result: [InlineRun] = []
        func current() -> InlineStyle {
            var style: InlineStyle = []
            if bold > 0 { style.insert(.bold) }
            if italic > 0 { style.insert(.italic) }
            return style
        }
        func append(_ run: InlineRun) {
            if let last = result.last, last.style == run.style {
                result[result.count - 1].text += run.text
            } else if !run.text.isEmpty {
                result.append(run)
            }
        }
        for node in nodes {
            switch node {
            case .runs(let runs):
                for run in runs { append(InlineRun(text: run.text, style: run.style.union(current()))) }
            case .delimiter(let d):
                for style in d.closes {
                    if style == .bold { bold -= 1 } else { italic -= 1 }
                }
                if d.count > 0 {
                    append(InlineRun(text: String(repeating: d.character, count: d.count), style: current()))
                }
                for style in d.opens {
                    if style == .bold { bold += 1 } else { italic += 1 }
                }
            }
        }
        return result
    }

    // MARK: Pieces

    private static func run(of character: Character, in chars: [Character], from start: Int) -> Int {
        var end = start
        while end < chars.count, chars[end] == character { end += 1 }
        return end - start
    }

    /// Where a backtick run of exactly `count` ticks starts, after `start`.
    private static func closingTicks(_ chars: [Character], from start: Int, count: Int) -> Int? {
        var i = start
        while i < chars.count {
            if chars[i] == "`" {
                let ticks = run(of: "`", in: chars, from: i)
                if ticks == count { return i }
                i += ticks
            } else {
                i += 1
            }
        }
        return nil
    }

    /// A code span's text: line breaks become spaces, and one space is stripped from each end
    /// when both ends have one (so `` ` `x` ` `` shows `` `x` ``).
    private static func codeContent(_ chars: [Character]) -> String {
        var text = String(chars.map { $0 == "\n" || $0 == MarkdownBlockParser.hardBreak ? " " : $0 })
        if text.count >= 2, text.first == " ", text.last == " ", !text.allSatisfy({ $0 == " " }) {
            text = String(text.dropFirst().dropLast())
        }
        return text
    }

    /// `[text](url)` starting at `start`: the text, the address, and the index after `)`.
    private static func link(_ chars: [Character], from start: Int) -> (text: String, url: String, end: Int)? {
        var depth = 0
        var i = start
        var close: Int?
        while i < chars.count {
            switch chars[i] {
            case "\\": i += 1
            case "`":
                let ticks = run(of: "`", in: chars, from: i)
                if let end = closingTicks(chars, from: i + ticks, count: ticks) {
                    i = end + ticks - 1
                } else {
                    i += ticks - 1
                }
            case "[": depth += 1
            case "]":
                depth -= 1
                if depth == 0 { close = i }
            default: break
            }
            if close != nil { break }
            i += 1
        }
        guard let close, close + 1 < chars.count, chars[close + 1] == "(" else { return nil }
        guard let end = chars[(close + 2)...].firstIndex(of: ")") else { return nil }
        var url = String(chars[(close + 2)..<end]).trimmingCharacters(in: .whitespaces)
        if let space = url.firstIndex(of: " ") { url = String(url[..<space]) }  // drop a "title"
        if url.hasPrefix("<"), url.hasSuffix(">") { url = String(url.dropFirst().dropLast()) }
        return (String(chars[(start + 1)..<close]), url, end + 1)
    }

    /// The index of `>` ending an autolink such as `<https://dvc.org>` that starts at `start`.
    private static func autolinkEnd(_ chars: [Character], from start: Int) -> Int? {
        var i = start + 1
        let schemeStart = i
        while i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i].isNumber || "+.-".contains(chars[i]) {
            i += 1
        }
        guard (2...32).contains(i - schemeStart), chars[schemeStart].isLetter, i < chars.count, chars[i] == ":"
        else { return nil }
        while i < chars.count, chars[i] != ">" {
            if chars[i].isWhitespace || chars[i] == "<" { return nil }
            i += 1
        }
        return i < chars.count ? i : nil
    }

    private static func isPunctuation(_ c: Character) -> Bool { c.isPunctuation || c.isSymbol }
}
