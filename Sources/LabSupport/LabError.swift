/// An error a person can act on: what went wrong, where, and what was expected.
///
/// Every failure that reaches the user is a `LabError`. The shell prints `message` (with the
/// location in front when there is one) and exits with `exitCode`; with `--json` it prints
/// `{"error": {"code", "message", "file", "line"}}`.
package struct LabError: Error, Equatable, Sendable, CustomStringConvertible {
    /// How the process should exit when this error ends a command.
    package enum Kind: Sendable, Equatable {
        /// Bad usage or bad input: exit status 2.
        case badInput
        /// A check, gate or validation failed: exit status 1.
        case failed
    }

    /// A short, stable identifier such as `csv.ragged_row` for scripts and tests.
    package var code: String
    /// The sentence shown to the user: what was found, what was expected, how to fix it.
    package var message: String
    /// The file the problem is in, as the user named it.
    package var file: String?
    /// The 1-based line in `file`.
    package var line: Int?
    /// The 1-based column in `line`.
    package var column: Int?
    /// Whether this is bad input (2) or a failed check (1).
    package var kind: Kind

    package init(
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
    package var exitCode: Int32 { kind == .badInput ? 2 : 1 }

    /// `file:line:column: message`, with the parts that are known.
    package var description: String {
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
