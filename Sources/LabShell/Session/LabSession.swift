import Course
import Foundation

/// Everything a command needs while it runs: where the lab lives, who is learning, and where
/// output goes.
///
/// One session lasts for one `cicdlab CMD` run or for a whole REPL. The progress store is
/// opened on first use, so that `--version` and `help` never touch the disk.
final class LabSession {
    let home: LabHome
    let console: Console
    let environment: [String: String]
    /// Whether a person is typing at a terminal (the REPL with its line editor).
    let isInteractive: Bool
    /// The options given at start-up (`--home`, `--profile`, `--content`, ...).
    let startOptions: GlobalOptions
    /// The options of the command being run now (`--json` and `--no-color` may vary per line).
    ///
    /// Setting them, once for each line of the REPL, measures the terminal again for ``style``.
    var options: GlobalOptions {
        didSet { style = Self.measureStyle(options: options, environment: environment) }
    }
    /// The style for output: colour unless `--no-color`, `NO_COLOR` or not a terminal, and the
    /// terminal's width.
    ///
    /// Measured when the session starts and again for each line of the REPL
    /// (the window may have been resized in between), not for every line of output.
    private(set) var style: TerminalStyle
    /// The lesson the learner has open, shown in the prompt.
    var currentLesson: String?
    /// Whether commands come from the REPL (typed paths then resolve against the workspace).
    var inREPL = false
    /// Reads one line of input after showing `prompt` (quiz answers, confirmations); nil at
    /// the end of input.
    ///
    /// The REPL replaces it with its line editor at a terminal.
    var readInput: (String) -> String? = { prompt in
        FileHandle.standardOutput.write(Data(prompt.terminalSafe(keepingStyle: true).utf8))
        return Swift.readLine(strippingNewline: true)
    }
    /// Set by `quit`: the REPL ends after the current line.
    var quitRequested = false
    /// A workspace that replaces the usual one (`lint --play` tries wrong attempts on a copy).
    var workspaceOverride: String?
    /// Whether the commands run are course content (a lesson's `start:`, `lint --play`), not
    /// typed by the learner: their output paths must then stay inside the sandbox.
    var runsCourseContent = false

    /// The progress store, once opened.
    var openedStore: ProgressStore?
    /// The lessons, read once per session.
    var loadedCatalog: LessonCatalog?
    /// The learner's profile, once resolved.
    var resolvedProfile: String?
    /// Where the content was looked for and what was found, once looked for.
    var locatedContent: ContentLocation??

    init(
        options: GlobalOptions, environment: [String: String], console: Console,
        isInteractive: Bool
    ) {
        self.startOptions = options
        self.options = options
        self.environment = environment
        self.console = console
        self.isInteractive = isInteractive
        self.home = LabHome.resolve(flag: options.home, environment: environment)
        self.style = Self.measureStyle(options: options, environment: environment)
        console.allowsStyle = { [weak self] in self?.style.color ?? false }
        console.fitWidth = { [weak self] in
            self?.style.columns
        }
    }

    /// Measures the style for output: asks whether standard output is a terminal and how wide.
    private static func measureStyle(options: GlobalOptions, environment: [String: String]) -> TerminalStyle {
        var noColor = options.noColor
        if let value = environment["NO_COLOR"], !value.isEmpty { noColor = true }
        var style = TerminalStyle.detect(noColorFlag: noColor)
        // The session's environment decides the width too, so tests need not depend on the terminal.
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 20 {
            style.width = min(columns, 120)
            style.columns = columns
        }
        return style
    }

    var wantsJSON: Bool { options.json }
}
