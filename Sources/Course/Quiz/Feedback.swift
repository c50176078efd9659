import Foundation

/// What the lab says after an answer: right or wrong, the right answer, why, and the points.
public struct Feedback: Sendable, Equatable {
    public var questionId: String
    public var correct: Bool
    public var skipped: Bool
    public var hinted: Bool
    /// What the learner gave, in displayed terms (`nil` when skipped).
    public var given: String?
    /// The right answer in displayed terms, with the option texts.
    public var correctAnswer: String
    public var explanation: String
    /// The common mistakes the wrong answer matches (empty when right or skipped).
    public var mistakes: [String]
    public var points: Double
    public var maxPoints: Double
    /// How the answer rated for spaced review.
    public var rating: Rating
    /// The question's review card after this answer.
    public var card: ReviewCard
}

/// What `QuizSession.answer(_:)` returns: feedback, or a request to type the answer again.
public enum AnswerReply: Sendable, Equatable {
    case feedback(Feedback)
    /// The input could not be read; nothing was recorded. The message says what to type.
    case unreadable(String)
}
