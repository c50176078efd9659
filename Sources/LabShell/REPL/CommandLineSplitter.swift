import LabSupport

/// Splits a typed line into words the way a shell does: spaces separate, quotes group,
/// a backslash escapes the next character.
enum CommandLineSplitter {
    /// The words of `line`; an unterminated quote is an error.
    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                inWord = true
                continue
            }
            if character == "\\", quote != "'" {
                escaped = true
                continue
            }
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if let quote {
            throw LabError(.usageUnterminatedQuote, "the line has an unterminated \(quote) quote")
        }
        if escaped { current.append("\\") }
        if inWord { words.append(current) }
        return words
    }
}
