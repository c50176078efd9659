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
private struct ExportFile: Decodable {
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

/// Turns a decoding failure into a message naming the place in the file and what was expected.
private enum ExportProblem {
    static let expected = "; expected the file `export progress --format json` writes"

    static func describe(_ error: DecodingError, data: Data, file: String) -> LabError {
        switch error {
        case .keyNotFound(let key, let context):
            let place = path(context.codingPath)
            return LabError(
                .classBadExport, "\(place.isEmpty ? "the top" : place) has no \"\(snake(key.stringValue))\"" + expected,
                file: file, cause: error)
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return LabError(
                .classBadExport, "\(path(context.codingPath)) is not \(describe(type))" + expected, file: file,
                cause: error)
        case .dataCorrupted:
            let (reason, line, column) = syntax(data)
            return LabError(
                .classBadExport, "is not valid JSON (\(reason))" + expected, file: file, line: line, column: column,
                cause: error)
        @unknown default:
            return LabError(.classBadExport, "cannot be read" + expected, file: file, cause: error)
        }
    }

    /// `answers[3].correct` from a coding path.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + snake(key.stringValue)
            }
        }
        return text
    }

    static func snake(_ key: String) -> String {
        key.replacingOccurrences(of: "answeredAt", with: "answered_at")
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: "true or false"
        case is String.Type: "a string"
        case is [Any].Type: "a list"
        case is [String: Any].Type: "an object"
        default: "the expected kind of value"
        }
    }

    /// What the JSON parser found wrong, and where: Foundation says "around character N",
    /// which is turned into a line and column.
    static func syntax(_ data: Data) -> (reason: String, line: Int?, column: Int?) {
        do {
            _ = try JSONSerialization.jsonObject(with: data)
            return ("it does not decode", nil, nil)
        } catch {
            let said = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "it does not parse"
            let reason = said.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            guard let range = reason.range(of: "around character "),
                let offset = Int(reason[range.upperBound...].prefix { $0.isNumber })
            else { return (reason, nil, nil) }
            let before = data.prefix(offset)
            let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = offset - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
            let what = reason[..<range.lowerBound].trimmingCharacters(in: .whitespaces).lowercased()
            return (what, line, column)
        }
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions.insert(.withFractionalSeconds)
        return formatter.date(from: text)
    }
}
