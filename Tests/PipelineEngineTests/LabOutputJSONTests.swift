import Foundation
import PipelineEngine
import Testing

@testable import LabSupport

/// The one encoder of the JSON the lab shows and exports.
@Suite struct LabOutputJSONTests {
    struct Lesson: Encodable {
        var lessonTitle: String
        var seconds: Double
    }

    @Test func slashesStayAsTheyAreAndKeysAreSnakeCase() throws {
        let data = try JSONEncoder.labOutput().encode(Lesson(lessonTitle: "Why CI/CD", seconds: .nan))
        #expect(
            String(decoding: data, as: UTF8.self) == """
                {
                  "lesson_title" : "Why CI/CD",
                  "seconds" : "nan"
                }
                """)
    }
}
