import Foundation

/// Judging an answer: right or wrong, which common mistakes it matches, and its points.
extension Question {
    /// Whether `given` is the right answer (numbers within the tolerance).
    package func isCorrect(_ given: Answer) -> Bool {
        if case .number(let target) = answer, case .number(let value) = given {
            return tolerance.accepts(value, target: target)
        }
        return given == answer
    }

    /// What to say about a wrong answer: the mistakes written for it, else the general ones.
    ///
    /// General mistakes are those without `when`. The result is empty for a right answer.
    ///
    /// For `multiple`, a mistake's `when` names options; it matches when the learner got every
    /// one of them wrong (chose it though it is wrong, or left it out though it is right).
    package func mistakes(matching given: Answer) -> [String] {
        if isCorrect(given) { return [] }
        let specific = mistakes.filter { mistake in
            guard let when = mistake.when else { return false }
            return matches(when, given)
        }
        let chosen = specific.isEmpty ? mistakes.filter { $0.when == nil } : specific
        return chosen.map(\.say)
    }

    private func matches(_ when: Answer, _ given: Answer) -> Bool {
        switch (when, given, answer) {
        case (.choices(let named), .choices(let picked), .choices(let right)):
            return named.allSatisfy { picked.contains($0) != right.contains($0) }
        case (.number(let value), .number(let number), _):
            return tolerance.accepts(number, target: value)
        default:
            return when == given
        }
    }
}

/// Points for quiz answers: 1, 2 or 3 by difficulty, half after a hint, none when wrong or
/// skipped.
package enum QuizScoring {
    package static func points(difficulty: Question.Difficulty, correct: Bool, hinted: Bool) -> Double {
        guard correct else { return 0 }
        return hinted ? difficulty.points / 2 : difficulty.points
    }
}
