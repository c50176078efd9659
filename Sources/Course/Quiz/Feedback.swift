import Foundation

/// What the lab says after an answer: right or wrong, the right answer, why, and the points.
package struct Feedback: Sendable, Equatable {
    package var questionId: String
    package var correct: Bool
    package var skipped: Bool
    package var hinted: Bool
    /// What the learner gave, in displayed terms (`nil` when skipped).
    package var given: String?
    /// The right answer in displayed terms, with the option texts.
    package var correctAnswer: String
    package var explanation: String
    /// The common mistakes the wrong answer matches (empty when right or skipped).
    package var mistakes: [String]
    package var points: Double
    package var maxPoints: Double
    /// How the answer rated for spaced review.
    package var rating: Rating
    /// The question's review card after this answer.
    package var card: ReviewCard
}

/// What `QuizSession.answer(_:)` returns: feedback, or a request to type the answer again.
package enum AnswerReply: Sendable, Equatable {
    case feedback(Feedback)
    /// The input could not be read; nothing was recorded. The message says what to type.
    case unreadable(String)
}
