import Foundation

/// The score of a quiz so far, overall and by concept, and what to review.
package struct QuizSummary: Sendable, Equatable {
    /// The score for one concept (a question counts for every concept it is tagged with).
    package struct ConceptScore: Sendable, Equatable {
        package var concept: String
        /// Questions done (answered or skipped).
        package var questions: Int
        package var correct: Int
        package var points: Double
        package var maxPoints: Double
    }

    package var asked: Int
    package var answered: Int
    package var correct: Int
    package var skipped: Int
    package var hinted: Int
    package var points: Double
    package var maxPoints: Double
    /// In the order the concepts first came up.
    package var concepts: [ConceptScore]
    /// Concepts with a wrong or skipped answer, weakest (lowest share of points) first.
    package var toReview: [String]
    /// Questions answered wrong or skipped, in the order asked.
    package var missedQuestions: [String]

    init(asked: Int, results: [(question: Question, feedback: Feedback)]) {
        self.asked = asked
        answered = results.filter { !$0.feedback.skipped }.count
        correct = results.filter { $0.feedback.correct }.count
        skipped = results.filter { $0.feedback.skipped }.count
        hinted = results.filter { $0.feedback.hinted }.count
        points = results.map(\.feedback.points).reduce(0, +)
        maxPoints = results.map(\.feedback.maxPoints).reduce(0, +)
        var scores: [ConceptScore] = []
        var positions: [String: Int] = [:]
        for (question, feedback) in results {
            for concept in question.concepts {
                let index = positions[concept] ?? scores.count
                if index == scores.count {
                    positions[concept] = index
                    scores.append(ConceptScore(concept: concept, questions: 0, correct: 0, points: 0, maxPoints: 0))
                }
                scores[index].questions += 1
                scores[index].correct += feedback.correct ? 1 : 0
                scores[index].points += feedback.points
                scores[index].maxPoints += feedback.maxPoints
            }
        }
        concepts = scores
        toReview = scores.enumerated()
            .filter { $0.element.correct < $0.element.questions }
            .sorted { a, b in
                let shareA = a.element.points / a.element.maxPoints
                let shareB = b.element.points / b.element.maxPoints
                return shareA != shareB ? shareA < shareB : a.offset < b.offset
            }
            .map(\.element.concept)
        missedQuestions = results.filter { !$0.feedback.correct }.map(\.question.id)
    }
}
