/// One hands-on step of a lesson, as an author wrote it in `steps.yaml`.
///
/// The learner reads the instructions, types the command (or does the work another way), and
/// `check` evaluates the step's check against the sandbox. `setup` commands exist for
/// `lint --play` only: they put a fresh sandbox in the state the step starts from.
public struct Step: Sendable, Equatable {
    public var id: String
    public var title: String
    /// Markdown, shown by `steps`.
    public var instructions: String
    /// The command (or commands, in order) to try, as typed in the REPL.
    public var commands: [String]
    /// Lab commands `lint --play` runs before checking that the step is not yet done.
    public var setup: [String]
    /// The edits the learner makes by hand, which `lint --play` makes before the commands.
    public var solution: [FileEdit]
    public var check: Check
    /// Hints, given one at a time by `hint`.
    public var hints: [String]
    /// Where the step starts in `steps.yaml`.
    public var location: SourceLocation

    public init(
        id: String, title: String, instructions: String, commands: [String], setup: [String] = [],
        solution: [FileEdit] = [], check: Check, hints: [String], location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.instructions = instructions
        self.commands = commands
        self.setup = setup
        self.solution = solution
        self.check = check
        self.hints = hints
        self.location = location
    }
}

/// A command a step names (`command` or `setup`) and where it is written.
public struct StepCommand: Sendable, Equatable {
    public var text: String
    public var location: SourceLocation
}
