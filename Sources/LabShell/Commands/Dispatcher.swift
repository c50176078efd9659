import ArgumentParser
import Course
import Foundation
import LabSupport
import PipelineEngine

/// Runs one command line against a session and turns every outcome into an exit status.
///
/// It answers an unknown command with a suggestion, lets ArgumentParser parse the rest,
/// and prints errors as text or, with `--json`, as `{"error": {...}}`.
enum Dispatcher {
    /// The longest argument accepted (a path is at most 4096 bytes on Linux); a longer one is
    /// a paste gone wrong, refused before it is parsed, suggested or echoed.
    static let maximumArgumentLength = 4096

    /// Parses and runs `arguments` (global options already removed).
    ///
    /// Returns the exit status.
    static func run(_ arguments: [String], in session: LabSession) -> Int32 {
        guard let first = arguments.first else { return 0 }
        if let long = arguments.first(where: { $0.count > maximumArgumentLength }) {
            return report(
                LabError(
                    .usageArgumentTooLong,
                    "an argument is too long: '\(long.excerpt())'; the lab takes at most \(maximumArgumentLength) characters per argument"
                ), in: session)
        }
        if first == "--help" || first == "-h" {
            return run(["help"] + arguments.dropFirst(), in: session)
        }
        // `X --help` and `X Y --help` show X's (or X Y's) help. Left to ArgumentParser, they
        // would parse as its own `help` command, whose help the lab would then print.
        if let flag = arguments.firstIndex(where: { $0 == "--help" || $0 == "-h" }),
            !arguments[..<flag].contains("--"), CommandTable.command(named: first) != nil
        {
            return run(["help"] + CommandTable.commandPath(of: Array(arguments[..<flag])), in: session)
        }
        if !first.hasPrefix("-"), CommandTable.command(named: first) == nil {
            var message = "Unknown command '\(first.excerpt())'."
            if let guess = closestMatch(to: first, among: CommandTable.names) {
                message += " Did you mean '\(guess)'?"
            } else {
                message += " Type `help` to see the commands."
            }
            return report(LabError(.usageUnknownCommand, message), in: session)
        }
        if session.runsCourseContent,
            let refusal = ContentCommandPaths.refusal(of: arguments, workspace: try? session.workspacePath())
        {
            return report(refusal, in: session)
        }
        let parsed: any ParsableCommand
        do {
            parsed = try parseLeaf(arguments) ?? Cicdlab.parseAsRoot(arguments)
        } catch {
            return reportParseError(error, arguments: arguments, in: session)
        }
        guard let command = parsed as? any LabCommand else {
            // A group command without a default subcommand, typed alone: show its help.
            session.console.line(Cicdlab.helpMessage(for: type(of: parsed), columns: session.style.width))
            return 0
        }
        do {
            let status = try runPaged(command, arguments, in: session)
            journal(arguments, status: status, in: session)
            return status
        } catch let error as LabError {
            return report(error, in: session)
        } catch let error as LabStoreError {
            if case .damaged(let path, _) = error {
                let remedy =
                    path.hasSuffix("state.sqlite")
                    ? ". Run `sandbox reset` to start the workspace fresh (the damaged file is kept beside it)"
                    : ". Run `cicdlab doctor --repair` to keep it under another name and start fresh"
                return report(LabError(.storeDamaged, error.description + remedy, cause: error), in: session)
            }
            return report(LabError(.storeUnreadable, error.description, cause: error), in: session)
        } catch {
            return report(LabError.describing(error), in: session)
        }
    }

    /// The command that `arguments` name, parsed by its own type alone, or nil to leave it to
    /// `parseAsRoot`.
    ///
    /// Parsing from the root builds the argument sets of every command on the way (reflection
    /// over each one's properties), a millisecond and a half of a short command's run. When the
    /// leading words name a command without subcommands, its own type parses the rest; anything
    /// it refuses is parsed again from the root, whose errors and help name the whole path.
    static func parseLeaf(_ arguments: [String]) -> (any ParsableCommand)? {
        let path = CommandTable.commandPath(of: arguments)
        guard var command = path.first.flatMap(CommandTable.command(named:)) else { return nil }
        for word in path.dropFirst() {
            guard let sub = CommandTable.subcommand(of: command, named: word) else { return nil }
            command = sub
        }
        guard command.configuration.subcommands.isEmpty, command is any LabCommand.Type else { return nil }
        return try? command.parse(Array(arguments.dropFirst(path.count)))
    }

    /// The commands whose output may be long and which ask nothing while they run: at a
    /// terminal their output goes through the ``Pager`` when it is longer than the screen.
    static let pageable: Set<String> = [
        "help", "lesson", "next", "back", "lessons", "steps", "progress", "audit", "registry", "monitor",
        "rollout", "pipeline runs", "pipeline diff", "pipeline dag", "pipeline status", "data profile",
        "data validate", "data diff", "drift",
    ]

    /// Runs `command`, through the pager when its output should be paged (see ``Pager``).
    private static func runPaged(_ command: any LabCommand, _ arguments: [String], in session: LabSession) throws
        -> Int32
    {
        let name = arguments.prefix(2).joined(separator: " ")
        guard pageable.contains(arguments[0]) || pageable.contains(name), !session.wantsJSON,
            !session.options.noPager, session.console.writesToTerminal, !session.console.isMuted,
            let pager = Pager.chosen(environment: session.environment)
        else { return try command.run(in: session) }
        let (result, output) = session.console.capturing { try command.run(in: session) }
        let rows = Pager.terminalRows(environment: session.environment)
        if output.split(separator: "\n", omittingEmptySubsequences: false).count < rows || !pager.show(output) {
            session.console.write(output)
        }
        return try result.get()
    }

    /// Commands that only read the course or the learner's progress; they leave no evidence.
    static let unjournalled: Set<String> = [
        "help", "lessons", "lesson", "next", "back", "steps", "check", "hint", "quiz", "review", "progress",
        "export", "profiles", "lint", "doctor", "quit", "exit",
    ]

    /// Records a command that ran (not one refused) in the journal of the sandbox it acted on,
    /// when that is a lesson's sandbox: the evidence of steps whose point is to read its output.
    private static func journal(_ arguments: [String], status: Int32, in session: LabSession) {
        guard let first = arguments.first, !unjournalled.contains(first), let path = lessonSandbox(of: session)
        else { return }
        // A sandbox not made yet has no clock and no journal (`append` checks `.lab` too).
        let clock = try? SimulatedClock(state: Workspace(root: path).state).now()
        try? CommandJournal(workspace: path).append(.init(words: arguments, status: status, clock: clock))
    }

    /// The lesson sandbox commands act on now (the copy `lint --play` tries a wrong attempt
    /// on, or the sandbox of the lesson being read), or nil in the free sandbox.
    private static func lessonSandbox(of session: LabSession) -> String? {
        if let override = session.workspaceOverride { return override }
        // No lesson sandbox made yet: nothing to journal, and no reason to open the progress
        // database to find the lesson being read.
        var info = stat()
        guard stat(session.home.lessonSandboxesDirectory, &info) == 0 else { return nil }
        guard let lesson = try? session.sandboxLesson() else { return nil }
        return try? session.lessonWorkspacePath(lesson)
    }

    /// Prints `error` the way the session wants it and returns its exit status.
    ///
    /// Ctrl-C's error prints as "Interrupted." and ends a one-shot command with
    /// status 130.
    static func report(_ error: LabError, in session: LabSession) -> Int32 {
        let interrupted = error.code == Interruption.code
        if session.wantsJSON {
            try? session.console.json(ErrorEnvelope(error: .init(error)))
        } else if interrupted {
            // At a terminal the echoed ^C ends no line; the message starts its own.
            session.console.error((isatty(STDERR_FILENO) == 1 ? "\n" : "") + "Interrupted.")
        } else {
            session.console.error(session.style.red("error: ") + error.description)
        }
        return ExitStatus.of(error)
    }

    /// Reports what ArgumentParser refused in the lab's own style: `error: ...` with the
    /// command's usage as a hint, exit 2.
    ///
    /// `--help`-like outcomes print as help, exit 0.
    private static func reportParseError(_ error: any Error, arguments: [String], in session: LabSession) -> Int32 {
        if Cicdlab.exitCode(for: error) == .success {
            session.console.line(Cicdlab.fullMessage(for: error, columns: session.style.width))
            return 0
        }
        return report(ParseFailure.labError(for: error, arguments: arguments), in: session)
    }
}

/// The JSON shape of an error: `{"error": {"code", "message", "file", "line"}}`.
struct ErrorEnvelope: Encodable {
    struct Body: Encodable {
        var code: String
        var message: String
        var file: String?
        var line: Int?
        var column: Int?

        init(_ error: LabError) {
            code = error.code.rawValue
            message = error.message
            file = error.file
            line = error.line
            column = error.column
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(code, forKey: .code)
            try c.encode(message, forKey: .message)
            try c.encode(file, forKey: .file)
            try c.encode(line, forKey: .line)
            try c.encodeIfPresent(column, forKey: .column)
        }

        enum CodingKeys: String, CodingKey { case code, message, file, line, column }
    }

    var error: Body
}
