import Course
import Foundation
import PipelineEngine

/// `lint --play`: proves each step of each lesson unsolved and solvable, as rustlings proves
/// its exercises.
///
/// Each lesson is played on a fresh temporary lab home and sandbox, its steps in order, through
/// the real ``Dispatcher`` as if typed in the REPL. For every step: its `setup` commands run;
/// its check must not pass (the step is not done before its work); its `solution` edits (what
/// the learner would do in an editor) are made; its commands run; its check must pass. A lesson stops at its first failed step, since later steps build on it.
/// Setup runs before the first check because it is what puts a fresh sandbox in the state
/// the step starts from (a broken file to repair, say).
struct StepPlayer {
    /// The folder that holds `Lessons/` and `Sandbox/`.
    let contentRoot: String
    /// The environment commands see (the player's own, without the lab's variables).
    let environment: [String: String]
    /// Where the temporary lab homes are made (each is removed after its lesson).
    var homesDirectory = FileManager.default.temporaryDirectory.path

    /// How one step went.
    struct StepResult: Encodable {
        var step: String
        var passed: Bool
        /// What the check said before and after, or what went wrong.
        var detail: String
        /// The output of the commands, when the step failed, to see why.
        var output: String?
    }

    /// How one lesson went.
    struct LessonResult: Encodable {
        var lesson: String
        var file: String
        var steps: [StepResult]
        var skipped: Int
        var passed: Bool { steps.allSatisfy(\.passed) && skipped == 0 }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(lesson, forKey: .lesson)
            try c.encode(file, forKey: .file)
            try c.encode(passed, forKey: .passed)
            try c.encode(steps, forKey: .steps)
            try c.encode(skipped, forKey: .skipped)
        }

        enum CodingKeys: String, CodingKey { case lesson, file, passed, steps, skipped }
    }

    /// Plays every step of `lesson` on a fresh home; `file` names its steps file in reports.
    func play(_ lesson: Lesson, steps: [Step], file: String) -> LessonResult {
        let home = homesDirectory + "/cicdlab-play-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let output = OutputBuffer()
        var options = GlobalOptions()
        options.home = home
        options.content = contentRoot
        options.noColor = true
        let session = LabSession(
            options: options,
            environment: environment.filter { !$0.key.hasPrefix("CICDLAB_") }.merging(["NO_COLOR": "1"]) { _, b in b },
            console: Console(out: { output.text += $0 }, err: { output.text += $0 }), isInteractive: false)
        session.inREPL = true
        session.readInput = { _ in nil }
        let repl = Repl(session: session)
        var result = LessonResult(lesson: lesson.id, file: file, steps: [], skipped: 0)
        for (index, step) in steps.enumerated() {
            output.text = ""
            let stepResult = play(step, repl: repl, session: session, output: output)
            result.steps.append(stepResult)
            if !stepResult.passed {
                result.skipped = steps.count - index - 1
                break
            }
        }
        return result
    }

    private func play(_ step: Step, repl: Repl, session: LabSession, output: OutputBuffer) -> StepResult {
        func failed(_ detail: String) -> StepResult {
            let text = output.text.replacingOccurrences(of: session.home.path, with: "<play home>")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            return StepResult(step: step.id, passed: false, detail: detail, output: text.isEmpty ? nil : text)
        }
        func run(_ commands: [String], _ what: String) -> StepResult? {
            for command in commands where repl.execute(command) == 2 {
                return failed("\(what) `\(command)` was refused as bad usage or input")
            }
            return nil
        }
        do {
            let evaluator = CheckEvaluator(
                workspaceRoot: try session.workspacePath(), templates: contentRoot + "/Sandbox")
            if let refused = run(step.setup, "setup command") { return refused }
            let before = try evaluator.evaluate(step.check)
            switch before {
            case .passed(let reason):
                return failed("the check passes before the step's command runs (\(reason)); it proves nothing")
            case .unavailable(let reason):
                return failed(reason)
            case .notYet:
                break
            }
            for edit in step.solution {
                do {
                    try edit.apply(inWorkspace: try session.workspacePath())
                } catch let error as LabError {
                    return failed("the solution could not be applied: \(error.description)")
                }
            }
            if let refused = run(step.commands, "the command") { return refused }
            let after = try evaluator.evaluate(step.check)
            guard after.passed else {
                let commands = step.commands.map { "`\($0)`" }.joined(separator: " then ")
                return failed("the check does not pass after \(commands): \(after.reason)")
            }
            return StepResult(
                step: step.id, passed: true, detail: "not done before (\(before.reason)); done after (\(after.reason))")
        } catch let error as LabError {
            return failed("the sandbox could not be read: \(error.description)")
        } catch {
            return failed("the sandbox could not be read: \(error)")
        }
    }
}

/// Text collected from a console, for the player's sessions.
final class OutputBuffer {
    var text = ""
}
