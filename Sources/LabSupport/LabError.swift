/// An error a person can act on: what went wrong, where, and what was expected.
///
/// Every failure that reaches the user is a `LabError`. The shell prints `message` (with the
/// location in front when there is one) and chooses the exit status from `code` and `kind`;
/// with `--json` it prints `{"error": {"code", "message", "file", "line"}}`.
package struct LabError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the failure means for the command: bad input, or a check that failed.
    package enum Kind: Sendable, Equatable {
        /// Bad usage or bad input.
        case badInput
        /// A check, gate or validation failed.
        case failed
    }

    /// A short, stable identifier such as `csv.ragged_row` for scripts and tests.
    package var code: Code
    /// The sentence shown to the user: what was found, what was expected, how to fix it.
    package var message: String
    /// The file the problem is in, as the user named it.
    package var file: String?
    /// The 1-based line in `file`.
    package var line: Int?
    /// The 1-based column in `line`.
    package var column: Int?
    /// Whether this is bad input or a failed check.
    package var kind: Kind
    /// The error of a lower layer this one translates (a Foundation, POSIX or SQLite error),
    /// kept for debugging; never shown to the user.
    package var cause: (any Error)?

    package init(
        _ code: Code, _ message: String, file: String? = nil, line: Int? = nil,
        column: Int? = nil, kind: Kind = .badInput, cause: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.kind = kind
        self.cause = cause
    }

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

    /// Two errors are equal when the user would read the same: code, message, location and
    /// kind (the `cause` is not compared).
    package static func == (lhs: LabError, rhs: LabError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.file == rhs.file && lhs.line == rhs.line
            && lhs.column == rhs.column && lhs.kind == rhs.kind
    }
}
