package import Foundation

/// How a quiz or review answer rates for spaced review.
///
/// Wrong or skipped is `again` (the question comes back within minutes); right after a hint is
/// `hard`; right is `good`; right without a hint and fast is `easy`. "Fast" means within
/// `fastAnswerSeconds` of the question appearing: 10 seconds for an easy question, 20 for a
/// medium one, 30 for a hard one, which is about the time it takes to read the question and
/// type an answer one already knows, with no time left for working it out.
extension Rating {
    package static func forAnswer(
        correct: Bool, hinted: Bool, skipped: Bool, seconds: TimeInterval, difficulty: Question.Difficulty
    ) -> Rating {
        if skipped || !correct { return .again }
        if hinted { return .hard }
        return seconds <= fastAnswerSeconds(difficulty) ? .easy : .good
    }

    /// The longest answer time that still counts as fast for a question of `difficulty`.
    package static func fastAnswerSeconds(_ difficulty: Question.Difficulty) -> TimeInterval {
        switch difficulty {
        case .easy: 10
        case .medium: 20
        case .hard: 30
        }
    }
}
