import ArgumentParser
import Course
import Foundation
import PipelineEngine

/// `lint [DIR] [--play] [--coverage]`: checks course content for its authors.
struct LintCommand: LabCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check course content: front matter, concept ids, steps and their checks, quizzes.",
        discussion: """
            Every problem is reported with its file and line; the exit status is 1 if there is any. \
            --play also plays every step of every lesson on a fresh temporary home, proving that each \
            check fails before its step's command runs and passes after.
            """)

    @Argument(help: ArgumentHelp("The lessons folder (default: the content's Lessons/).", valueName: "dir"))
    var directory: String?

    @Flag(help: "Also play every step on a fresh temporary home.")
    var play = false

    @Flag(help: "Also require every concept to be taught by a lesson and asked by at least two questions.")
    var coverage = false

    static var completion: CommandCompletion { CommandCompletion(options: ["--play", "--coverage"], values: .files) }

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
                LintView(style: session.style).render(report, played: play ? played : nil, folder: shown))
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
                "content.missing",
                "cannot find the course content (a Lessons/ folder); pass the folder, --content DIR or set CICDLAB_CONTENT"
            )
        }
        let path = content.lessonsDirectory
        let here = FileManager.default.currentDirectoryPath
        return (path, path.hasPrefix(here + "/") ? String(path.dropFirst(here.count + 1)) : path)
    }

    /// Plays every lesson that has steps; one whose lesson file or steps do not load is
    /// reported as not played (its problems are listed above).
    private func playLessons(path: String, shown: String, contentRoot: String, session: LabSession) throws
        -> [StepPlayer.LessonResult]
    {
        let player = StepPlayer(contentRoot: contentRoot, environment: session.environment)
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
            results.append(player.play(lesson, steps: read.steps, file: file))
        }
        return results
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
            if first == EditCommand._commandName || first == QuitCommand._commandName {
                return first == "edit"
                    ? "`edit` opens an editor for the learner; write the edit under the step's `solution`"
                    : "`quit` would end the learner's session"
            }
            _ = try Cicdlab.parseAsRoot(rest)
            return nil
        } catch let error as LabError {
            return error.message
        } catch {
            return Cicdlab.message(for: error)
        }
    }
}
