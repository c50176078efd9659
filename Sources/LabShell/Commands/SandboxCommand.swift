import ArgumentParser
import Course
import Foundation
import LabSupport
import PipelineEngine

/// `sandbox init|reset|path|status|use`: the learner's own copies of the sandbox.
///
/// Each lesson with steps has its own sandbox; commands act on the sandbox of the lesson
/// being read, or on the free sandbox when no lesson is open or after `sandbox use free`.
struct SandboxCommand: TopLevelCommand {
    static let helpGroup = HelpGroup.sandboxAndEngine

    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Create, reset, locate or inspect your sandbox workspace, or generate data.",
        subcommands: [Init.self, Reset.self, Path.self, Status.self, Use.self, Generate.self],
        defaultSubcommand: Status.self)

    /// `sandbox init`: copies the templates into this profile's workspace.
    struct Init: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "Create your workspace from the templates (if it does not exist).")
        static var completion: CommandCompletion { CommandCompletion(values: .none) }

        func run(in session: LabSession) throws -> Int32 {
            let path = try session.workspacePath()
            try session.home.prepare()
            let created: Bool
            if let lesson = try session.sandboxLesson() {
                let sandbox = LessonSandbox(session: session, lesson: lesson)
                created = !sandbox.exists
                if created { try sandbox.make(resetting: false) }
            } else {
                created = try session.sandboxManager().initialise(at: path)
            }
            session.console.line(created ? "Created your sandbox at \(path)." : "Your sandbox is already at \(path).")
            return 0
        }
    }

    /// `sandbox reset`: back to the templates; runs, registry and deployments cleared.
    struct Reset: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset",
            abstract: "Restore the templates and clear runs, registry and deployments (progress is kept).")
        static var completion: CommandCompletion { CommandCompletion(values: .none) }

        @Flag(name: .shortAndLong, help: "Do not ask before resetting.")
        var yes = false

        func run(in session: LabSession) throws -> Int32 {
            let path = try session.workspacePath()
            try session.home.prepare()
            let lesson = try session.sandboxLesson()
            let what = lesson.map { "the sandbox of lesson '\($0.id)'" } ?? "your free sandbox"
            let atTerminal = session.isInteractive || (isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1)
            if atTerminal, !yes, FileManager.default.fileExists(atPath: path + "/.lab") {
                let answer = session.readInput(
                    "Reset \(what)? Its files, runs, registry and deployments are replaced by its start. [y/N] ")
                guard let answer, ["y", "yes"].contains(answer.lowercased().trimmingCharacters(in: .whitespaces)) else {
                    session.console.line("Nothing was reset.")
                    return 0
                }
            }
            if let lesson {
                let start = try LessonSandbox(session: session, lesson: lesson).make(resetting: true)
                let how = start.isEmpty ? "" : " and ran " + start.map { "`\($0)`" }.joined(separator: ", ")
                session.console.line(
                    "Reset \(what) at \(path) to the lesson's start: templates restored\(how); earlier runs, registry and deployments cleared."
                )
            } else {
                if let kept = try session.sandboxManager().reset(at: path) {
                    session.console.line("The damaged state database was kept as \(kept).")
                }
                session.console.line(
                    "Reset your sandbox at \(path): templates restored; runs, registry and deployments cleared.")
            }
            session.console.line("Your lesson and quiz progress is untouched.")
            return 0
        }
    }

    /// `sandbox path`: the workspace's absolute path and nothing else.
    struct Path: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "path", abstract: "Print your workspace's absolute path.")
        static var completion: CommandCompletion { CommandCompletion(values: .none) }

        func run(in session: LabSession) throws -> Int32 {
            session.console.line(try session.workspace().root)
            return 0
        }
    }

    /// `sandbox use free|lesson`: step out to the free sandbox, or back into the lesson's.
    struct Use: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "use",
            abstract: "Act on the free sandbox, or on the sandbox of the lesson you are reading.")

        @Argument(help: ArgumentHelp("`free` or `lesson`.", valueName: "which"))
        var which: String

        static var completion: CommandCompletion { CommandCompletion(values: .words(["free", "lesson"])) }

        func run(in session: LabSession) throws -> Int32 {
            guard ["free", "lesson"].contains(which) else {
                var message = "`sandbox use` takes `free` or `lesson`, not '\(which.excerpt())'"
                if let guess = closestMatch(to: which, among: ["free", "lesson"]) {
                    message += ". Did you mean '\(guess)'?"
                }
                throw LabError(.usageSandboxUse, message)
            }
            let store = try session.store()
            let open = try store.useFreeSandbox(which == "free", profile: session.profile())
            if which == "lesson", !open {
                throw LabError(.lessonNoneOpen, "no lesson is open yet; `lesson ID` opens one and its sandbox")
            }
            let path = try session.workspacePath()
            session.console.line(
                which == "free"
                    ? "Sandbox commands now act on your free sandbox at \(path); `sandbox use lesson` goes back."
                    : "Sandbox commands now act on the lesson's sandbox at \(path).")
            return 0
        }
    }

    /// `sandbox status`: which templates you changed and what the engine holds.
    struct Status: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Show changed files and what your workspace holds.")
        static var completion: CommandCompletion { CommandCompletion(values: .none) }

        func run(in session: LabSession) throws -> Int32 {
            let workspace = try session.workspace()
            let status = try session.sandboxManager().status(at: workspace.root)
            if session.wantsJSON {
                try session.console.json(status)
                return 0
            }
            let style = session.style
            session.console.line(style.bold("Sandbox") + " \(status.path)")
            session.console.line("  template files unchanged: \(status.unchanged)")
            for file in status.modified { session.console.line("  " + style.yellow("modified: ") + file) }
            for file in status.missing { session.console.line("  " + style.red("missing:  ") + file) }
            session.console.line("  model versions registered: \(status.modelVersions)")
            if !status.modified.isEmpty || !status.missing.isEmpty {
                session.console.line(style.dim("`sandbox reset` restores the templates."))
            }
            return 0
        }
    }
}
