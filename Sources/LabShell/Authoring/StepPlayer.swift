import Course
import Foundation
import LabSupport
import PipelineEngine

/// `lint --play`: proves each step of each lesson unsolved, solvable, and not fooled by the
/// mistakes its author expects, as rustlings proves its exercises and further.
///
/// The player is a learner who follows the text: on one temporary lab home it opens each
/// lesson in course order (`lesson ID`, which makes the lesson's sandbox) and, for every step,
/// types through the real ``Repl``: the step's `setup`; `check STEP`, which must say not done
/// (exit 1); the `solution` edits (what the learner does in an editor); the step's commands;
/// `check STEP`, which must say done (exit 0). Before the solution, each `wrong:` attempt is made
/// on a copy of the sandbox and the step's check must reject it. A lesson stops at its first
/// failed step, since later steps build on it; the next lesson is still played.
struct StepPlayer {
    /// The folder that holds `Lessons/` and `Sandbox/`.
    let contentRoot: String
    /// The environment commands see (the player's own, without the lab's variables).
    let environment: [String: String]
    /// Where the temporary lab homes are made (each is removed after its play).
    var homesDirectory = FileManager.default.temporaryDirectory.path

    /// A lesson to play: its lesson file, steps, and how reports name its steps file.
    struct Script {
        var lesson: Lesson
        var steps: [Step]
        var file: String
    }

    /// How one wrong attempt went: rejected, as it must be, or passed.
    struct WrongResult: Encodable {
        var why: String
        var rejected: Bool
        /// What the check said of it.
        var detail: String
    }

    /// How one step went.
    struct StepResult: Encodable {
        var step: String
        var passed: Bool
        /// What the check said before and after, or what went wrong.
        var detail: String
        /// The output of the commands, when the step failed, to see why.
        var output: String?
        var wrongAttempts: [WrongResult] = []
    }

    /// How one lesson went.
    struct LessonResult: Encodable {
        var lesson: String
        var file: String
        var steps: [StepResult]
        var skipped: Int
        /// `in course order` or `alone`.
        var mode = "alone"
        var passed: Bool { steps.allSatisfy(\.passed) && skipped == 0 }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(lesson, forKey: .lesson)
            try c.encode(file, forKey: .file)
            try c.encode(mode, forKey: .mode)
            try c.encode(passed, forKey: .passed)
            try c.encode(steps, forKey: .steps)
            try c.encode(skipped, forKey: .skipped)
        }

        enum CodingKeys: String, CodingKey { case lesson, file, mode, passed, steps, skipped }
    }

    /// A session on `home` whose output goes to `output`, as the REPL would run it.
    private func session(home: String, output: OutputBuffer) -> (LabSession, Repl) {
        var options = GlobalOptions()
        options.home = home
        options.content = contentRoot
        options.noColor = true
        let session = LabSession(
            options: options,
            environment: environment.filter { !$0.key.hasPrefix("CICDLAB_") }.merging(["NO_COLOR": "1"]) { _, b in b },
            console: Console(out: { output.text += $0 }, err: { output.text += $0 }), isInteractive: false)
        session.inREPL = true
        // Everything the player types comes from the course: its output paths stay in the sandbox.
        session.runsCourseContent = true
        session.readInput = { _ in nil }
        return (session, Repl(session: session))
    }

    /// Plays `scripts` one after another on one fresh home, as a learner taking the course.
    func playInOrder(_ scripts: [Script]) -> [LessonResult] {
        let home = homesDirectory + "/cicdlab-play-\(UUID().uuidString)"
        defer { removeTemporary(home) }
        let output = OutputBuffer()
        let (session, repl) = session(home: home, output: output)
        return scripts.map { play($0, session: session, repl: repl, output: output, mode: "in course order") }
    }

    /// Plays one lesson alone on a fresh home.
    func play(_ script: Script) -> LessonResult {
        let home = homesDirectory + "/cicdlab-play-\(UUID().uuidString)"
        defer { removeTemporary(home) }
        let output = OutputBuffer()
        let (session, repl) = session(home: home, output: output)
        return play(script, session: session, repl: repl, output: output, mode: "alone")
    }

    private func play(_ script: Script, session: LabSession, repl: Repl, output: OutputBuffer, mode: String)
        -> LessonResult
    {
        var result = LessonResult(lesson: script.lesson.id, file: script.file, steps: [], skipped: 0, mode: mode)
        output.text = ""
        guard repl.execute("lesson \(script.lesson.id)") == 0 else {
            result.steps.append(
                StepResult(
                    step: script.steps.first?.id ?? "-", passed: false, detail: "`lesson \(script.lesson.id)` failed",
                    output: shown(output, session)))
            result.skipped = max(0, script.steps.count - 1)
            return result
        }
        for (index, step) in script.steps.enumerated() {
            output.text = ""
            let stepResult = play(step, lesson: script.lesson, repl: repl, session: session, output: output)
            result.steps.append(stepResult)
            if !stepResult.passed {
                result.skipped = script.steps.count - index - 1
                break
            }
        }
        return result
    }

    /// The output so far, with the temporary home's path replaced.
    private func shown(_ output: OutputBuffer, _ session: LabSession) -> String? {
        let text = output.text.replacingOccurrences(of: session.home.path, with: "<play home>")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// Runs `check STEP --json` as a learner's `check STEP`, and returns its status and reason.
    private func check(_ step: Step, repl: Repl, output: OutputBuffer) -> (status: Int32, reason: String) {
        let start = output.text.utf8.count
        let status = repl.execute("check \(step.id) --json")
        let printed = String(decoding: output.text.utf8.dropFirst(start), as: UTF8.self)
        // The report is the player's, not the learner's output: keep it out of failure excerpts.
        output.text = String(decoding: output.text.utf8.prefix(start), as: UTF8.self)
        struct Report: Decodable { var reason: String? }
        let reason = printed.firstIndex(of: "{").flatMap {
            try? JSONDecoder().decode(Report.self, from: Data(printed[$0...].utf8)).reason
        }
        return (status, reason ?? printed.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private func play(_ step: Step, lesson: Lesson, repl: Repl, session: LabSession, output: OutputBuffer) -> StepResult
    {
        func failed(_ detail: String, wrong: [WrongResult] = []) -> StepResult {
            StepResult(
                step: step.id, passed: false, detail: detail, output: shown(output, session), wrongAttempts: wrong)
        }
        func run(_ commands: [String], _ what: String) -> StepResult? {
            for command in commands where repl.execute(command) == 2 {
                return failed("\(what) `\(command)` was refused as bad usage or input")
            }
            return nil
        }
        if let refused = run(step.setup, "setup command") { return refused }
        let (before, beforeText) = check(step, repl: repl, output: output)
        guard before == 1 else {
            return failed(
                before == 0
                    ? "the check passes before the step's work (\(beforeText)); it proves nothing"
                    : "`check \(step.id)` could not run")
        }
        var wrong: [WrongResult] = []
        for attempt in step.wrongAttempts {
            let outcome = tryWrong(attempt, step: step, lesson: lesson, session: session)
            wrong.append(outcome)
            if !outcome.rejected {
                return failed("wrong attempt passes the check: \(attempt.why) (\(outcome.detail))", wrong: wrong)
            }
        }
        do {
            let root = try session.workspacePath()
            for edit in step.solution {
                try edit.apply(inWorkspace: root)
            }
        } catch {
            return failed("the solution could not be applied: \(LabError.describing(error).description)", wrong: wrong)
        }
        if let refused = run(step.commands, "the command") {
            return StepResult(
                step: step.id, passed: false, detail: refused.detail, output: refused.output, wrongAttempts: wrong)
        }
        let (after, afterText) = check(step, repl: repl, output: output)
        guard after == 0 else {
            let commands = step.commands.map { "`\($0)`" }.joined(separator: " then ")
            return failed("the check does not pass after \(commands): \(afterText)", wrong: wrong)
        }
        return StepResult(
            step: step.id, passed: true, detail: "not done before (\(beforeText)); done after (\(afterText))",
            wrongAttempts: wrong)
    }

    /// Deletes a temporary home or scratch folder the player made, through descriptors: a
    /// symlink that content left inside is unlinked, never followed.
    private func removeTemporary(_ path: String) {
        try? ConfinedDirectory(root: homesDirectory).removeTree((path as NSString).lastPathComponent)
    }

    /// Makes a wrong attempt on a copy of the lesson's sandbox and asks the step's check about it.
    ///
    /// The copy's session reads the same lesson, so a `sandbox reset` in the attempt restores
    /// the lesson's start, as it would for the learner.
    private func tryWrong(_ attempt: WrongAttempt, step: Step, lesson: Lesson, session: LabSession) -> WrongResult {
        let scratch = homesDirectory + "/cicdlab-wrong-\(UUID().uuidString)"
        defer { removeTemporary(scratch) }
        do {
            let copy = scratch + "/sandbox"
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: try session.workspacePath(), toPath: copy)
            let output = OutputBuffer()
            let (other, repl) = self.session(home: scratch + "/home", output: output)
            other.workspaceOverride = copy
            try other.store().recordPageView(
                profile: other.profile(), lesson: lesson.id, page: 0, pageCount: lesson.pages.count,
                stepCount: try lesson.stepCount())
            for edit in attempt.solution {
                try edit.apply(inWorkspace: copy)
            }
            for command in attempt.commands ?? step.commands {
                repl.execute(command)
            }
            let evaluator = CheckEvaluator(
                workspaceRoot: copy, templates: contentRoot + "/Sandbox",
                mark: StepMarks(workspace: copy).mark(of: step.id))
            let outcome = try evaluator.evaluate(step.check)
            return WrongResult(why: attempt.why, rejected: !outcome.passed, detail: outcome.reason)
        } catch {
            return WrongResult(
                why: attempt.why, rejected: false,
                detail: "could not be tried: \(LabError.describing(error).description)")
        }
    }
}

/// Text collected from a console, for the player's sessions.
final class OutputBuffer {
    var text = ""
}
