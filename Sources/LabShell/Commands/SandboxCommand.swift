import ArgumentParser
import Foundation
import PipelineEngine

/// `sandbox init|reset|path|status`: the learner's own copy of the sandbox.
struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Create, reset, locate or inspect your sandbox workspace, or generate data.",
        subcommands: [Init.self, Reset.self, Path.self, Status.self, Generate.self],
        defaultSubcommand: Status.self)

    /// `sandbox init`: copies the templates into this profile's workspace.
    struct Init: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "Create your workspace from the templates (if it does not exist).")
        static var completion: CommandCompletion { CommandCompletion(values: .none) }

        func run(in session: LabSession) throws -> Int32 {
            let path = try session.workspacePath()
            try session.home.prepare()
            let created = try session.sandboxManager().initialise(at: path)
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

        func run(in session: LabSession) throws -> Int32 {
            let path = try session.workspacePath()
            try session.home.prepare()
            if let kept = try session.sandboxManager().reset(at: path) {
                session.console.line("The damaged state database was kept as \(kept).")
            }
            session.console.line("Reset your sandbox at \(path): templates restored; runs, registry and deployments cleared.")
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
