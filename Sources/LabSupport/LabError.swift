/// An error a person can act on: what went wrong, where, and what was expected.
///
/// Every failure that reaches the user is a `LabError`. The shell prints `message` (with the
/// location in front when there is one) and exits with `exitCode`; with `--json` it prints
/// `{"error": {"code", "message", "file", "line"}}`.
public struct LabError: Error, Equatable, Sendable, CustomStringConvertible {
    /// How the process should exit when this error ends a command.
    public enum Kind: Sendable, Equatable {
        /// Bad usage or bad input: exit status 2.
        case badInput
        /// A check, gate or validation failed: exit status 1.
        case failed
    }

    /// A short, stable identifier such as `csv.ragged_row` for scripts and tests.
    public var code: String
    /// The sentence shown to the user: what was found, what was expected, how to fix it.
    public var message: String
    /// The file the problem is in, as the user named it.
    public var file: String?
    /// The 1-based line in `file`.
    public var line: Int?
    /// The 1-based column in `line`.
    public var column: Int?
    /// Whether this is bad input (2) or a failed check (1).
    public var kind: Kind

    public init(
        _ code: String, _ message: String, file: String? = nil, line: Int? = nil,
        column: Int? = nil, kind: Kind = .badInput
    ) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.kind = kind
    }

    /// The process exit status for this error: 2 for bad input, 1 for a failed check.
    public var exitCode: Int32 { kind == .badInput ? 2 : 1 }

    /// `file:line:column: message`, with the parts that are known.
    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line {
                location += ":\(line)"
                if let column { location += ":\(column)" }
            }
            location += ": "
        }
        return location + message
    }
}
