import Course
import Foundation

/// `steps --json`: the lesson's steps with the learner's state in each.
struct StepsReport: Encodable {
    struct Entry: Encodable {
        var id: String
        var title: String
        var instructions: String
        var commands: [String]
        var done: Bool
        var hints: Int
        var hintsUsed: Int
    }

    var lesson: String
    var title: String
    var done: Int
    var total: Int
    var next: String?
    var steps: [Entry]

    init(_ coach: StepCoach, records: [String: StepRecord], next: Step?) {
        lesson = coach.lesson.id
        title = coach.lesson.title
        steps = coach.steps.map { step in
            let record = records[step.id]
            return Entry(
                id: step.id, title: step.title, instructions: step.instructions, commands: step.commands,
                done: record?.done ?? false, hints: step.hints.count, hintsUsed: record?.hintsUsed ?? 0)
        }
        done = steps.filter(\.done).count
        total = steps.count
        self.next = next?.id
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lesson, forKey: .lesson)
        try c.encode(title, forKey: .title)
        try c.encode(done, forKey: .done)
        try c.encode(total, forKey: .total)
        try c.encode(next, forKey: .next)
        try c.encode(steps, forKey: .steps)
    }

    enum CodingKeys: String, CodingKey { case lesson, title, done, total, next, steps }
}

/// `check --json`: the verdict on one step.
struct CheckReport: Encodable {
    var lesson: String
    var step: String?
    /// `passed`, `not_yet`, `unavailable`, or `all_done` when no step was left to check.
    var status: String
    var reason: String?
    var newlyDone: Bool?
    var lessonCompleted: Bool?
}

/// `hint --json`: the hint shown and how many the step has.
struct HintReport: Encodable {
    var lesson: String
    var step: String
    var hint: String
    var number: Int
    var of: Int
}
