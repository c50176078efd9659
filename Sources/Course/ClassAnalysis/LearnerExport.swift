package import Foundation
import LabSupport

/// One learner's results as `export progress --format json` wrote them, read for a class report.
///
/// Only what the report needs is read: the profile, each lesson's status, and each answer's
/// question, correctness, choice and time. Other keys are ignored, so exports from newer
/// versions with more keys still read.
package struct LearnerExport: Sendable, Equatable {
    /// One answer as exported.
    package struct Answer: Sendable, Equatable {
        package var question: String
        package var correct: Bool
        package var skipped: Bool
        /// The option(s) chosen, in the author's letters (`b`, `a,c`, `true`), empty when skipped.
        package var given: String
        package var answeredAt: Date

        package init(question: String, correct: Bool, skipped: Bool, given: String, answeredAt: Date) {
            self.question = question
            self.correct = correct
            self.skipped = skipped
            self.given = given
            self.answeredAt = answeredAt
        }
    }

    package var profile: String
    /// How the file was named on the command line, for messages.
    package var file: String
    /// The ids of the lessons whose status is `done`.
    package var lessonsDone: [String]
    /// The answers in the file's order (oldest first, as exported).
    package var answers: [Answer]

    package init(profile: String, file: String, lessonsDone: [String], answers: [Answer]) {
        self.profile = profile
        self.file = file
        self.lessonsDone = lessonsDone
        self.answers = answers
    }

    /// Reads an export from its bytes; `file` names it in messages.
    package static func parse(_ data: Data, file: String) throws -> LearnerExport {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let exported: ExportFile
        do {
            exported = try decoder.decode(ExportFile.self, from: data)
        } catch let error as DecodingError {
            throw ExportProblem.describe(error, data: data, file: file)
        }
        var answers: [Answer] = []
        for (index, answer) in exported.answers.enumerated() {
            guard let moment = ExportProblem.date(answer.answeredAt) else {
                throw LabError(
                    .classBadExport,
                    "answers[\(index)].answered_at is \"\(answer.answeredAt)\", not an ISO 8601 time such as 2026-03-01T09:30:00Z"
                        + ExportProblem.expected, file: file)
            }
            let given = answer.given ?? ""
            answers.append(
                Answer(
                    question: answer.question, correct: answer.correct, skipped: answer.skipped ?? given.isEmpty,
                    given: given, answeredAt: moment))
        }
        return LearnerExport(
            profile: exported.profile, file: file,
            lessonsDone: exported.lessons.filter { $0.status == "done" }.map(\.id), answers: answers)
    }
}

/// The part of an export file a class report reads.
struct ExportFile: Decodable {
    struct Lesson: Decodable {
        var id: String
        var status: String
    }

    struct Answer: Decodable {
        var question: String
        var correct: Bool
        var skipped: Bool?
        var given: String?
        var answeredAt: String
    }

    var profile: String
    var lessons: [Lesson]
    var answers: [Answer]
}
