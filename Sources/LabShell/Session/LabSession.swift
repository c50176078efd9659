package import Course
import Foundation
import LabSupport

/// Everything a command needs while it runs: where the lab lives, who is learning, and where
/// output goes.
///
/// One session lasts for one `cicdlab CMD` run or for a whole REPL. The progress store is
/// opened on first use, so that `--version` and `help` never touch the disk.
package final class LabSession {
    package let home: LabHome
    package let console: Console
    package let environment: [String: String]
    /// Whether a person is typing at a terminal (the REPL with its line editor).
    package let isInteractive: Bool
    /// The options given at start-up (`--home`, `--profile`, `--content`, ...).
    package let startOptions: GlobalOptions
    /// The options of the command being run now (`--json` and `--no-color` may vary per line).
    package internal(set) var options: GlobalOptions
    /// The lesson the learner has open, shown in the prompt.
    package var currentLesson: String?
    /// Whether commands come from the REPL (typed paths then resolve against the workspace).
    package internal(set) var inREPL = false
    /// Reads one line of input after showing `prompt` (quiz answers, confirmations); nil at
    /// the end of input.
    ///
    /// The REPL replaces it with its line editor at a terminal.
    package var readInput: (String) -> String? = { prompt in
        FileHandle.standardOutput.write(Data(prompt.terminalSafe(keepingStyle: true).utf8))
        return Swift.readLine(strippingNewline: true)
    }
    /// Set by `quit`: the REPL ends after the current line.
    package var quitRequested = false
    /// A workspace that replaces the usual one (`lint --play` tries wrong attempts on a copy).
    var workspaceOverride: String?
    /// Whether the commands run are course content (a lesson's `start:`, `lint --play`), not
    /// typed by the learner: their output paths must then stay inside the sandbox.
    var runsCourseContent = false

    private var openedStore: ProgressStore?
    /// Set when the learner declined to set a damaged progress database aside.
    private var declinedToSetAsideStore = false
    private var resolvedProfile: String?
    private var locatedContent: ContentLocation??

    package init(
        options: GlobalOptions, environment: [String: String], console: Console,
        isInteractive: Bool
    ) {
        self.startOptions = options
        self.options = options
        self.environment = environment
        self.console = console
        self.isInteractive = isInteractive
        self.home = LabHome.resolve(flag: options.home, environment: environment)
        console.allowsStyle = { [weak self] in self?.style.color ?? false }
        console.fitWidth = { [weak self] in
            self?.style.columns
        }
    }

    /// The style for output now: colour unless `--no-color`, `NO_COLOR` or not a terminal.
    package var style: TerminalStyle {
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

    package var wantsJSON: Bool { options.json }

    /// The progress store, opened (and the home created) on first use.
    package func store() throws -> ProgressStore {
        if let openedStore { return openedStore }
        try home.prepare()
        let store: ProgressStore
        do {
            store = try ProgressStore(path: home.progressDatabase)
        } catch LabStoreError.damaged(let path, let reason) {
            // Asked once a session: the prompt, the profile and the reading position all open
            // the store, and asking again would take the next command typed as the answer.
            guard isInteractive, !declinedToSetAsideStore,
                let answer = readInput(
                    "Your progress database \(path) is damaged (\(reason)).\n"
                        + "Keep it aside under another name and start fresh? [y/N] "),
                ["y", "yes"].contains(answer.lowercased().trimmingCharacters(in: .whitespaces))
            else {
                declinedToSetAsideStore = isInteractive
                throw LabError(
                    .progressDamaged,
                    "\(path) is damaged (\(reason)). Nothing was changed. Run `cicdlab doctor --repair` to keep the damaged file under another name and start fresh"
                )
            }
            let aside = try SQLiteFile.setAside(path: path, now: WallClock.now())
            console.line("Kept the damaged file as \(aside); starting fresh.")
            store = try ProgressStore(path: home.progressDatabase)
        }
        openedStore = store
        return store
    }

    /// The learner's profile: `--profile`, else the one chosen with `profiles switch`.
    package func profile() throws -> String {
        if let resolvedProfile { return resolvedProfile }
        let store = try store()
        let name = try startOptions.profile ?? store.currentProfileName()
        try store.ensureProfile(name)
        resolvedProfile = name
        return name
    }

    /// Forgets the cached profile after `profiles switch`, so the next command uses the new one,
    /// and picks up where that profile was reading.
    func profileDidChange(to name: String) {
        stopReadingClock()
        resolvedProfile = name
        currentLesson = nil
        restoreReadingPosition()
    }

    /// Where the lessons and sandbox templates are, if they were found.
    package var content: ContentLocation? {
        if let locatedContent { return locatedContent }
        let found = ContentLocation.locate(flag: startOptions.content, environment: environment)
        locatedContent = .some(found)
        return found
    }
}
