import Foundation
import LabSupport

/// Every question of the course, with the lookups a quiz needs: by lesson, by concept, by id.
///
/// Question ids are unique across the whole course, because review cards and stored answers
/// are keyed by them.
package struct QuestionBank: Sendable {
    package let questions: [Question]
    private let byId: [String: Question]

    /// Collects `questions`, refusing an id used twice (pointing at the second use).
    package init(_ questions: [Question]) throws {
        var byId: [String: Question] = [:]
        for question in questions {
            if let first = byId[question.id] {
                throw LabError(
                    .quizDuplicateId,
                    "question id \"\(question.id)\" is used twice (first in \(first.location.file) at line \(first.location.line))",
                    file: question.location.file, line: question.location.line, column: question.location.column)
            }
            byId[question.id] = question
        }
        self.questions = questions
        self.byId = byId
    }

    package func question(id: String) -> Question? { byId[id] }

    /// Lesson ids with questions, in the order their questions appear.
    package var lessonIds: [String] { unique(questions.map(\.lessonId)) }

    /// Concept ids asked about, in the order they first appear.
    package var concepts: [String] { unique(questions.flatMap(\.concepts)) }

    /// The questions a `quiz SCOPE` covers: all of them without a scope, else the lesson's
    /// questions if `scope` is a lesson id, else the questions tagged with the concept `scope`.
    package func questions(in scope: String?) throws -> [Question] {
        guard let scope else { return questions }
        if lessonIds.contains(scope) { return questions.filter { $0.lessonId == scope } }
        if concepts.contains(scope) { return questions.filter { $0.concepts.contains(scope) } }
        var message = "no lesson or concept with questions is called \"\(scope)\""
        if let guess = closestMatch(to: scope, among: lessonIds + concepts) {
            message += "; did you mean \"\(guess)\"?"
        } else {
            message += "; `lessons` lists the lesson ids"
        }
        throw LabError(.quizUnknownScope, message)
    }

    private func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
