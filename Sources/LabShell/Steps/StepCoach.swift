import Course
import Foundation
import LabSupport

/// The hands-on steps of the lesson being read, with the learner's state in each.
///
/// `steps`, `check` and `hint` share it: it loads the lesson's `steps.yaml`, finds the step a
/// command names (or the first one not done), evaluates checks against the learner's own
/// sandbox, and tells the lesson's ``LessonProgressTracker`` what happens as it happens.
struct StepCoach {
    let session: LabSession
    let progress: LessonProgressTracker
    let lesson: Lesson
    let steps: [Step]

    init(session: LabSession) throws {
        let reader = try LessonReader(session: session)
        self.session = session
        lesson = try reader.position().lesson
        progress = reader.progress(in: lesson)
        guard FileManager.default.fileExists(atPath: lesson.stepsFile) else {
            throw LabError(
                .stepsNone,
                "lesson '\(lesson.id)' has no hands-on steps; `quiz \(lesson.id)` tests what it taught")
        }
        steps = try StepLoader.load(path: lesson.stepsFile)
    }

    /// The learner's records for this lesson's steps, by step id.
    func records() throws -> [String: StepRecord] {
        try progress.stepRecords()
    }

    /// The step `reference` names (its id or its number, 1 for the first).
    func step(named reference: String) throws -> Step {
        if let step = steps.first(where: { $0.id == reference }) { return step }
        if let number = Int(reference), steps.indices.contains(number - 1) { return steps[number - 1] }
        var message = "lesson '\(lesson.id)' has no step '\(reference)'"
        if let guess = closestMatch(to: reference, among: steps.map(\.id)) {
            message += ". Did you mean '\(guess)'?"
        } else {
            message += "; its steps are \(listing(steps.map(\.id))) (or 1 to \(steps.count))"
        }
        throw LabError(.stepsUnknown, message)
    }

    /// The first step not done yet, or nil when all are.
    func firstUndone(_ records: [String: StepRecord], besides done: Step? = nil) -> Step? {
        steps.first { $0.id != done?.id && !(records[$0.id]?.done ?? false) }
    }

    /// The 1-based number of `step`.
    func number(of step: Step) -> Int {
        (steps.firstIndex { $0.id == step.id } ?? 0) + 1
    }

    /// The lesson's own sandbox folder (steps are checked there even after `sandbox use free`).
    func workspacePath() throws -> String {
        try LessonSandbox(session: session, lesson: lesson).path
    }

    /// The first step before `step` that is not done, which `step` builds on.
    func unfinishedPredecessor(of step: Step, _ records: [String: StepRecord]) -> Step? {
        steps.prefix { $0.id != step.id }.first { !(records[$0.id]?.done ?? false) }
    }

    /// Evaluates the step's check against the lesson's sandbox, which it never creates, counting
    /// only evidence made since the step began.
    func evaluate(_ step: Step) throws -> CheckOutcome {
        let root = try workspacePath()
        let evaluator = CheckEvaluator(
            workspaceRoot: root, templates: session.content?.sandboxTemplates,
            mark: StepMarks(workspace: root).mark(of: step.id))
        return try evaluator.evaluate(step.check)
    }

    /// Records that the step's check passed; completes the lesson if that was the last thing.
    ///
    /// A step done for the first time starts the next one: its mark is taken now.
    func recordDone(_ step: Step) throws -> StepCompletion {
        let completion = try progress.recordStepDone(step.id, of: steps.count)
        if completion.newlyDone, let next = firstUndone(try records()) {
            try StepMarks(workspace: try workspacePath()).begin(next.id)
        }
        return completion
    }

    /// Records time spent on the steps up to now.
    func recordActivity() throws {
        try progress.recordStepActivity()
    }
}
