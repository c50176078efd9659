/// One hands-on step of a lesson, as an author wrote it in `steps.yaml`.
///
/// The learner reads the instructions, types the command (or does the work another way), and
/// `check` evaluates the step's check against the sandbox. `setup` commands exist for
/// `lint --play` only: they put a fresh sandbox in the state the step starts from.
package struct Step: Sendable, Equatable {
    package var id: String
    package var title: String
    /// Markdown, shown by `steps`.
    package var instructions: String
    /// The command (or commands, in order) to try, as typed in the REPL.
    package var commands: [String]
    /// Lab commands `lint --play` runs before checking that the step is not yet done.
    package var setup: [String]
    /// The edits the learner makes by hand, which `lint --play` makes before the commands.
    package var solution: [FileEdit]
    package var check: Check
    /// Hints, given one at a time by `hint`.
    package var hints: [String]
    /// Plausible mistakes the check must reject, which `lint --play` tries on a copy.
    package var wrongAttempts: [WrongAttempt] = []
    /// Where the step starts in `steps.yaml`.
    package var location: SourceLocation

    package init(
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

/// A plausible mistake on a step (a typo, the wrong file, a skipped command) that its check
/// must reject; `lint --play` makes it on a copy of the sandbox and proves the check says no.
package struct WrongAttempt: Sendable, Equatable {
    /// Why it is wrong, in one sentence, for the report.
    package var why: String
    /// The edits made instead of the step's solution (none when nil).
    package var solution: [FileEdit]
    /// The commands run instead of the step's commands (the step's own when nil).
    package var commands: [String]?
    /// Where it is written in `steps.yaml`.
    package var location: SourceLocation

    package init(why: String, solution: [FileEdit], commands: [String]?, location: SourceLocation) {
        self.why = why
        self.solution = solution
        self.commands = commands
        self.location = location
    }
}

/// A lesson's steps file: the commands that make the lesson's starting sandbox, and its steps.
package struct StepFile: Sendable, Equatable {
    /// Lab commands run on a fresh copy of the templates when the lesson's sandbox is made or
    /// reset (a scenario, a first run); empty when the templates are the start.
    package var start: [String]
    package var steps: [Step]

    package init(start: [String], steps: [Step]) {
        self.start = start
        self.steps = steps
    }
}

/// A command a step names (`command` or `setup`) and where it is written.
package struct StepCommand: Sendable, Equatable {
    package var text: String
    package var location: SourceLocation
}
