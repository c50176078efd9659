import Course
import Foundation
import PipelineEngine

/// Everything a command needs while it runs: where the lab lives, who is learning, and where
/// output goes.
///
/// One session lasts for one `cicdlab CMD` run or for a whole REPL. The progress store is
/// opened on first use, so that `--version` and `help` never touch the disk.
public final class LabSession {
    public let home: LabHome
    public let console: Console
    public let environment: [String: String]
    /// Whether a person is typing at a terminal (the REPL with its line editor).
    public let isInteractive: Bool
    /// The options given at start-up (`--home`, `--profile`, `--content`, ...).
    public let startOptions: GlobalOptions
    /// The options of the command being run now (`--json` and `--no-color` may vary per line).
    public internal(set) var options: GlobalOptions
    /// The lesson the learner has open, shown in the prompt.
    public var currentLesson: String?
    /// Whether commands come from the REPL (typed paths then resolve against the workspace).
    public internal(set) var inREPL = false
    /// Set by `quit`: the REPL ends after the current line.
    public var quitRequested = false

    private var openedStore: ProgressStore?
    private var resolvedProfile: String?
    private var locatedContent: ContentLocation??

    public init(options: GlobalOptions, environment: [String: String], console: Console,
                isInteractive: Bool) {
        self.startOptions = options
        self.options = options
        self.environment = environment
        self.console = console
        self.isInteractive = isInteractive
        self.home = LabHome.resolve(flag: options.home, environment: environment)
    }

    /// The style for output now: colour unless `--no-color`, `NO_COLOR` or not a terminal.
    public var style: TerminalStyle {
        var noColor = options.noColor
        if let value = environment["NO_COLOR"], !value.isEmpty { noColor = true }
        return TerminalStyle.detect(noColorFlag: noColor)
    }

    public var wantsJSON: Bool { options.json }

    /// The progress store, opened (and the home created) on first use.
    public func store() throws -> ProgressStore {
        if let openedStore { return openedStore }
        try home.prepare()
        let store = try ProgressStore(path: home.progressDatabase)
        openedStore = store
        return store
    }

    /// The learner's profile: `--profile`, else the one chosen with `profiles switch`.
    public func profile() throws -> String {
        if let resolvedProfile { return resolvedProfile }
        let store = try store()
        let name = try startOptions.profile ?? store.currentProfileName()
        try store.ensureProfile(name)
        resolvedProfile = name
        return name
    }

    /// Forgets the cached profile after `profiles switch`, so the next command uses the new one.
    func profileDidChange(to name: String) {
        resolvedProfile = name
        currentLesson = nil
    }

    /// Where the lessons and sandbox templates are, if they were found.
    public var content: ContentLocation? {
        if let locatedContent { return locatedContent }
        let found = ContentLocation.locate(flag: startOptions.content, environment: environment)
        locatedContent = .some(found)
        return found
    }
}
