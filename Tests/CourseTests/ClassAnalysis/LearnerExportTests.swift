import Foundation
import LabSupport
import Testing

@testable import Course

/// Reading learners' exports, and the exact words for one that cannot be read.
@Suite struct LearnerExportTests {
    static let valid = """
        {"profile": "ann", "lessons": [{"id": "01-why", "status": "done"}, {"id": "02-data", "status": "in progress"}],
         "answers": [{"question": "q1", "lesson": "01-why", "given": "a,c", "correct": true, "skipped": false,
                      "answered_at": "2026-03-01T09:30:00Z", "points": 2}],
         "cards": []}
        """

    @Test func anExportGivesTheProfileLessonsDoneAndAnswers() throws {
        let export = try LearnerExport.parse(Data(Self.valid.utf8), file: "ann.json")
        #expect(export.profile == "ann")
        #expect(export.lessonsDone == ["01-why"])
        #expect(export.answers.map(\.given) == ["a,c"])
        #expect(export.answers.first?.answeredAt == ISO8601DateFormatter().date(from: "2026-03-01T09:30:00Z"))
    }

    static let expected = "; expected the file `export progress --format json` writes"

    @Test(arguments: [
        (#"{"lessons": [], "answers": []}"#, "the top has no \"profile\"" + expected),
        (
            #"{"profile": "ann", "lessons": [], "answers": [{"question": "q1", "correct": "yes", "answered_at": "x"}]}"#,
            "answers[0].correct is not true or false" + expected
        ),
        (
            #"{"profile": "ann", "lessons": [], "answers": [{"question": "q1", "correct": true}]}"#,
            "answers[0] has no \"answered_at\"" + expected
        ),
        (
            #"{"profile": "ann", "lessons": [], "answers": [{"question": "q1", "correct": true, "answered_at": "monday"}]}"#,
            "answers[0].answered_at is \"monday\", not an ISO 8601 time such as 2026-03-01T09:30:00Z" + expected
        ),
        (#"{"profile": "ann", "lessons": {}, "answers": []}"#, "lessons is not a list" + expected),
    ])
    func aBadExportIsNamedWithWhatWasExpected(text: String, message: String) {
        #expect(throws: LabError("class.bad_export", message, file: "ann.json")) {
            try LearnerExport.parse(Data(text.utf8), file: "ann.json")
        }
    }

    @Test func textThatIsNotJSONNamesItsLineAndColumn() {
        let expected = LabError(
            "class.bad_export", "is not valid JSON (invalid value)" + Self.expected, file: "ann.json", line: 3,
            column: 2)
        #expect(throws: expected) {
            try LearnerExport.parse(Data("{\n\"profile\": \"ann\",\n oops}".utf8), file: "ann.json")
        }
    }
}
