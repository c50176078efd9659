import ArgumentParser
import Course
import Foundation
import LabSupport
import PipelineEngine

/// `lint [DIR] [--play] [--coverage]`: checks course content for its authors.
struct LintCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.authoring

    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check course content: front matter, concept ids, steps and their checks, quizzes.",
        discussion: """
            Every problem is reported with its file and line; the exit status is 1 if there is any. \
            --play also plays the course in order on one temporary home, as a learner takes it: each \
            check must fail before its step's work, reject each of the step's wrong attempts, and pass \
            after. --alone also plays each lesson on a fresh home of its own; --lesson plays only that \
            lesson, alone.
            """)

    @Argument(help: ArgumentHelp("The lessons folder (default: the content's Lessons/).", valueName: "dir"))
    var directory: String?

    @Flag(help: "Also play the whole course in order on one temporary home, with every wrong attempt.")
    var play = false

    @Flag(help: "With --play, also play each lesson alone on a fresh home.")
    var alone = false

    @Option(help: ArgumentHelp("With --play, play only this lesson (id, folder or number), alone.", valueName: "id"))
    var lesson: String?

    @Flag(help: "Also require every concept to be taught by a lesson and asked by at least two questions.")
    var coverage = false

    @Flag(help: "Print the quiz's guessing cues for each lesson as well as for the whole bank.")
    var cues = false

    static var completion: CommandCompletion { CommandCompletion(values: .files) }

    func run(in session: LabSession) throws -> Int32 {
        let (path, shown) = try folder(in: session)
        let contentRoot = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let templates = contentRoot + "/Sandbox"
        var isDirectory: ObjCBool = false
        let hasTemplates =
            FileManager.default.fileExists(atPath: templates, isDirectory: &isDirectory) && isDirectory.boolValue
        var linter = CourseLinter(directory: path, displayName: shown, templates: hasTemplates ? templates : nil)
        linter.coverage = coverage
        linter.commandProblem = LintCommand.commandProblem
        linter.commandWordsProblem = LintCommand.commandWordsProblem
        let report = try linter.lint()
        var played: [StepPlayer.LessonResult] = []
        if play {
            played = try playLessons(path: path, shown: shown, contentRoot: contentRoot, session: session)
        }
        let failed = !report.problems.isEmpty || played.contains { !$0.passed }
        if session.wantsJSON {
            try session.console.json(LintJSON(report: report, played: play ? played : nil))
        } else {
            session.console.line(
                LintView(style: session.style).render(
                    report, played: play ? played : nil, folder: shown, cuesPerLesson: cues))
        }
        return failed ? 1 : 0
    }

    /// The folder to lint and how to name it in messages.
    private func folder(in session: LabSession) throws -> (path: String, shown: String) {
        if let directory {
            let trimmed = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
            return (try session.userPath(trimmed), trimmed)
        }
        guard let content = session.content else {
            throw LabError(
                .contentMissing,
                "cannot find the course content (a Lessons/ folder); pass the folder, --content DIR or set CICDLAB_CONTENT"
            )
        }
        let path = content.lessonsDirectory
        let here = FileManager.default.currentDirectoryPath
        return (path, path.hasPrefix(here + "/") ? String(path.dropFirst(here.count + 1)) : path)
    }

    /// Plays the lessons that have steps: in course order on one home (or only `--lesson`,
    /// alone), then with `--alone` each on a fresh home.
    ///
    /// One whose lesson file or steps do not load is reported as not played
    /// (its problems are listed above).
    private func playLessons(path: String, shown: String, contentRoot: String, session: LabSession) throws
        -> [StepPlayer.LessonResult]
    {
        let player = StepPlayer(contentRoot: contentRoot, environment: session.environment)
        var (scripts, results) = try scripts(path: path, shown: shown)
        if let lesson {
            let folder = { (script: StepPlayer.Script) in
                URL(fileURLWithPath: script.lesson.directory).lastPathComponent
            }
            let number = Int(lesson)
            let matches = scripts.filter { script in
                script.lesson.id == lesson || folder(script) == lesson
                    || (number != nil && Int(folder(script).prefix { $0.isNumber }) == number)
            }
            let unplayable = results.filter {
                $0.lesson == lesson || $0.file.split(separator: "/").dropLast().last.map(String.init) == lesson
                    || (number != nil
                        && Int(($0.file.split(separator: "/").dropLast().last ?? "").prefix { $0.isNumber }) == number)
            }
            if matches.isEmpty, !unplayable.isEmpty { return unplayable }
            guard !matches.isEmpty else {
                var message = "no lesson '\(lesson)' with steps in \(shown)"
                if let guess = closestMatch(to: lesson, among: scripts.map(\.lesson.id)) {
                    message += ". Did you mean '\(guess)'?"
                }
                throw LabError(.lintUnknownLesson, message)
            }
            return matches.map(player.play)
        }
        results += player.playInOrder(scripts)
        if alone { results += scripts.map(player.play) }
        return results
    }

    /// The lessons with steps that load, in course order, and a not-played result for each that does not.
    private func scripts(path: String, shown: String) throws -> ([StepPlayer.Script], [StepPlayer.LessonResult]) {
        var scripts: [StepPlayer.Script] = []
        var results: [StepPlayer.LessonResult] = []
        let fm = FileManager.default
        for entry in try fm.contentsOfDirectory(atPath: path).sorted() where !entry.hasPrefix(".") {
            let folder = path + "/" + entry
            let file = "\(shown)/\(entry)/steps.yaml"
            guard let data = fm.contents(atPath: folder + "/lesson.md"), fm.fileExists(atPath: folder + "/steps.yaml")
            else { continue }
            let lesson = try? LessonParser.parse(
                String(decoding: data, as: UTF8.self), file: folder + "/lesson.md", directory: folder)
            let read = try? StepLoader.read(path: folder + "/steps.yaml", displayPath: file)
            guard let lesson, let read, read.problems.isEmpty else {
                let count = max(1, read?.steps.count ?? 0)
                results.append(
                    StepPlayer.LessonResult(lesson: lesson?.id ?? entry, file: file, steps: [], skipped: count))
                continue
            }
            scripts.append(StepPlayer.Script(lesson: lesson, steps: read.steps, file: file))
        }
        return (scripts, results)
    }

    /// What is wrong with the first words of a command (a command, then perhaps a subcommand
    /// of it), or nil when they name one; arguments are not needed.
    @Sendable static func commandWordsProblem(_ words: [String]) -> String? {
        guard let first = words.first else { return "it is empty" }
        guard let command = CommandTable.command(named: first) else {
            let guess = closestMatch(to: first, among: CommandTable.names)
            return "there is no command '\(first)'" + (guess.map { "; did you mean '\($0)'?" } ?? "")
        }
        let subcommands = CommandTable.subcommands(of: command).map { $0.commandWord }
        if words.count > 1, !subcommands.isEmpty, !words[1].hasPrefix("-"), !subcommands.contains(words[1]) {
            let guess = closestMatch(to: words[1], among: subcommands)
            return "'\(first)' has no subcommand '\(words[1])'" + (guess.map { "; did you mean '\($0)'?" } ?? "")
        }
        return nil
    }

    /// What is wrong with a command line a step names, or nil when the lab would run it.
    @Sendable static func commandProblem(_ line: String) -> String? {
        do {
            let words = try CommandLineSplitter.split(line)
            let (_, rest) = try GlobalOptions.extract(from: words)
            guard let first = rest.first else { return "it is empty" }
            guard CommandTable.command(named: first) != nil else {
                let guess = closestMatch(to: first, among: CommandTable.names)
                return "there is no command '\(first)'" + (guess.map { "; did you mean '\($0)'?" } ?? "")
            }
            // `edit` opens an editor for a person; a step writes the learner's edit under `solution`.
            if first == EditCommand.commandWord || first == QuitCommand.commandWord {
                return first == "edit"
                    ? "`edit` opens an editor for the learner; write the edit under the step's `solution`"
                    : "`quit` would end the learner's session"
            }
            _ = try Cicdlab.parseAsRoot(rest)
            return ContentCommandPaths.problem(in: rest)
        } catch let error as LabError {
            return error.message
        } catch {
            return Cicdlab.message(for: error)
        }
    }
}
