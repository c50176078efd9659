/// Word-wraps styled inline text to a width, with a prefix for the first line and another for
/// the rest (a list item's marker and its hanging indent).
///
/// A word is never broken: inline code keeps its spaces and stays on one line, and a word
/// wider than the line (a long URL) gets a line of its own and runs past the edge, where the
/// terminal folds it but a reader can still copy it whole.
struct WordWrapper {
    /// One unbreakable word, already styled, with its width in columns.
    struct Word: Equatable {
        var text: String
        var width: Int
    }

    /// A word, or a hard line break.
    enum Token: Equatable {
        case word(Word)
        case lineBreak
    }

    let style: TerminalStyle

    /// The tokens of `runs`: words split at whitespace outside code, styled for the terminal.
    func tokens(_ runs: [InlineRun]) -> [Token] {
        var tokens: [Token] = []
        var pieces = ""
        func endWord() {
            if !pieces.isEmpty { tokens.append(.word(Word(text: pieces, width: displayWidth(pieces)))) }
            pieces = ""
        }
        for run in runs {
            if run.style.contains(.code) {
                pieces += styled(run.text, run.style)
                continue
            }
            var piece = ""
            for character in run.text {
                if character == MarkdownBlockParser.hardBreak || character.isWhitespace {
                    if !piece.isEmpty { pieces += styled(piece, run.style) }
                    piece = ""
                    endWord()
                    if character == MarkdownBlockParser.hardBreak { tokens.append(.lineBreak) }
                } else {
                    piece.append(character)
                }
            }
            if !piece.isEmpty { pieces += styled(piece, run.style) }
        }
        endWord()
        return tokens
    }

    /// `text` drawn in `inline`: colours and attributes with colour on; without colour only
    /// inline code keeps a mark, its backticks, so a reader still sees what to type.
    func styled(_ text: String, _ inline: InlineStyle) -> String {
        var out = text
        if inline.contains(.code) { out = style.color ? style.cyan(out) : "`" + out + "`" }
        if inline.contains(.dim) { out = style.dim(out) }
        if inline.contains(.italic) { out = style.italic(out) }
        if inline.contains(.link) { out = style.underline(out) }
        if inline.contains(.bold) { out = style.bold(out) }
        return out
    }

    /// The lines of `tokens` wrapped to `width` columns, prefixes included.
    ///
    /// No line has trailing spaces; an empty input gives the first prefix
    /// alone.
    func wrap(_ tokens: [Token], width: Int, first: String = "", rest: String = "") -> [String] {
        var lines: [String] = []
        var line = ""
        var used = 0
        func flush() {
            let prefix = lines.isEmpty ? first : rest
            lines.append(line.isEmpty ? prefix.trimmingTrailingSpaces() : prefix + line)
            line = ""
            used = 0
        }
        for token in tokens {
            switch token {
            case .lineBreak:
                flush()
            case .word(let word):
                let available = width - displayWidth(lines.isEmpty ? first : rest)
                if line.isEmpty {
                    line = word.text
                    used = word.width
                } else if used + 1 + word.width <= available {
                    line += " " + word.text
                    used += 1 + word.width
                } else {
                    flush()
                    line = word.text
                    used = word.width
                }
            }
        }
        if !line.isEmpty || lines.isEmpty { flush() }
        return lines
    }
}
