import ArgumentParser
import LabSupport

/// A command of the lab: parsed by ArgumentParser, run against a ``LabSession``.
///
/// The same command types serve `cicdlab CMD ARGS` and lines typed in the REPL, so there is
/// one command table, one parser and one help text for both.
protocol LabCommand: ParsableCommand {
    /// Runs the command and returns the exit status: 0 success, 1 a check, gate or validation
    /// failed. Bad input is thrown as a `LabError` (status 2).
    func run(in session: LabSession) throws -> Int32

    /// How to complete this command's argument values in the REPL (files by default). Its
    /// options complete from its own definition (``OptionNames``).
    static var completion: CommandCompletion { get }
}

extension LabCommand {
    static var completion: CommandCompletion { CommandCompletion() }
}

/// What the REPL offers on Tab for a command's argument values: where they come from.
struct CommandCompletion: Sendable {
    /// Where positional values come from.
    var values: CompletionSource = .files
}

/// A pluggable source of completion candidates for argument values.
enum CompletionSource: Sendable {
    /// No suggestions.
    case none
    /// Paths, relative to the folder commands resolve against.
    case files
    /// A fixed list of words.
    case words([String])
    /// Candidates computed from the session (stage names, profiles, ...), offered sorted.
    case dynamic(@Sendable (LabSession) -> [String])
    /// Candidates computed from the session and offered in the order given (lessons in
    /// course order).
    case ordered(@Sendable (LabSession) -> [String])
}
