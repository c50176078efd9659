import Foundation

/// `match_regex` patterns read as Python's `re` reads them.
///
/// Great Expectations matches with `re.search` on pandas' `str()` of each value. These are
/// the constructs where ICU, which runs the patterns here, differs:
///
/// - Only `\n` ends a line: `.` matches `\r`, U+0085, U+2028 and U+2029, and `$` matches only
///   at the end or before a final `\n` (ICU's UNIX_LINES mode).
/// - `\w` is a letter, digit or `_` (`[\p{L}\p{N}_]`, Python's `str.isalnum()` or `_`), so a
///   combining accent (U+0301 in decomposed text) is not a word character; `\W` is the rest.
/// - `\Z` is the very end of the text (ICU's `\z`).
/// - Inside `[...]`, `[` and `&` are literal characters (ICU would start a nested set or an
///   intersection), so `[[:digit:]]` is the set `[:digt` followed by `]`, as in Python, not a
///   POSIX class; a `]` right after `[` or `[^` is literal.
///
/// Other ICU syntax keeps its ICU meaning (`\p{L}`, `\Q...\E`, `\b` by ICU's word characters);
/// Python would refuse or read some of it otherwise.
enum PythonRegex {
    /// The expression for `pattern`, compiled with Python's meaning; throws when ICU refuses it.
    static func compile(_ pattern: String) throws -> NSRegularExpression {
        try NSRegularExpression(pattern: translate(pattern), options: [.useUnixLineSeparators])
    }

    /// `pattern` rewritten so that ICU gives the constructs above Python's meaning.
    static func translate(_ pattern: String) -> String {
        var out = ""
        var inClass = false
        var classStart = false
        var characters = pattern.unicodeScalars.makeIterator()
        while let c = characters.next() {
            let atClassStart = classStart
            classStart = false
            switch c {
            case "\\":
                guard let next = characters.next() else {
                    out += "\\"
                    continue
                }
                switch next {
                case "w": out += inClass ? "\\p{L}\\p{N}_" : "[\\p{L}\\p{N}_]"
                case "W": out += "[^\\p{L}\\p{N}_]"
                case "Z" where !inClass: out += "\\z"
                default: out += "\\" + String(next)
                }
            case "[" where inClass: out += "\\["
            case "&" where inClass: out += "\\&"
            case "]" where inClass && atClassStart: out += "\\]"
            case "]" where inClass:
                inClass = false
                out += "]"
            case "^" where inClass && atClassStart:
                classStart = true
                out += "^"
            case "[":
                inClass = true
                classStart = true
                out += "["
            default:
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
