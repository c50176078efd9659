/// Fits lines of command output to the terminal's width, as lesson prose is fitted: a line
/// too wide is word-wrapped with a hanging indent, and no word is ever broken.
///
/// Spacing inside a line (a table's aligned columns) is kept on each piece; a line is broken
/// only at spaces, and a continuation hangs under the text after the line's first gap of two
/// or more spaces (the value beside a label, a command's summary in `help`) when that lies in
/// the left half, else two columns right of the line's own indent, so a reader sees it
/// belongs to the line above. A word wider than the line gets a line of its
/// own and runs past the edge, whole, so it can still be copied (a path, a URL).
/// Widths are measured by ``displayWidth(_:)``: colour codes take no room, wide characters two.
struct LineFitter {
    let width: Int

    /// `text` (one or more lines) with every line fitted to ``width``.
    func fit(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { fitLine(String($0)) }.joined(separator: "\n")
    }

    /// The pieces of one line, each at most ``width`` columns unless a single word is wider.
    func fitLine(_ line: String) -> [String] {
        guard width > 0, displayWidth(line) > width else { return [line] }
        let indentCount = line.prefix(while: { $0 == " " }).count
        let hanging = String(repeating: " ", count: hangingIndent(line, indent: indentCount))
        var pieces: [String] = []
        var current = String(line.prefix(indentCount))
        var currentWidth = indentCount
        var pendingSpaces = ""
        var hasWord = false
        for word in Self.words(String(line.dropFirst(indentCount))) {
            if word.isSpace {
                pendingSpaces += word.text
                continue
            }
            let wordWidth = displayWidth(word.text)
            let spaceWidth = pendingSpaces.count
            if hasWord && currentWidth + spaceWidth + wordWidth > width {
                pieces.append(current)
                current = hanging + word.text
                currentWidth = hanging.count + wordWidth
            } else {
                current += pendingSpaces + word.text
                currentWidth += spaceWidth + wordWidth
            }
            hasWord = true
            pendingSpaces = ""
        }
        pieces.append(current)
        return pieces
    }

    /// The column continuations of `line` start at (see the type's summary).
    func hangingIndent(_ line: String, indent: Int) -> Int {
        var column = indent
        var previousWasWord = false
        for run in Self.words(String(line.dropFirst(indent))) {
            if run.isSpace, run.text.count >= 2, previousWasWord {
                let value = column + run.text.count
                return value <= width / 2 ? value : min(indent + 2, width / 2)
            }
            previousWasWord = !run.isSpace
            column += displayWidth(run.text)
        }
        return min(indent + 2, width / 2)
    }

    /// `text` cut into runs of spaces and runs of anything else; a colour code belongs to the
    /// word it touches, so it never counts as a place to break.
    static func words(_ text: String) -> [(text: String, isSpace: Bool)] {
        var runs: [(text: String, isSpace: Bool)] = []
        var start = text.startIndex
        while start < text.endIndex {
            let isSpace = text[start] == " "
            let end = text[start...].firstIndex { ($0 == " ") != isSpace } ?? text.endIndex
            runs.append((String(text[start..<end]), isSpace))
            start = end
        }
        return runs
    }
}
