import Testing

@testable import LabSupport
@testable import PipelineEngine

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("kitten", "sitting", 3), ("", "abc", 3), ("abc", "abc", 0), ("lesons", "lessons", 1), ("qiuz", "quiz", 1),
    ])
    func editDistanceMatchesLevenshtein(a: String, b: String, expected: Int) {
        #expect(editDistance(a, b) == expected)
    }

    @Test func suggestsTheNearestCommand() {
        let commands = ["lessons", "lesson", "quiz", "review", "profiles"]
        #expect(closestMatch(to: "lesons", among: commands) == "lessons")
        #expect(closestMatch(to: "qiuz", among: commands) == "quiz")
        #expect(closestMatch(to: "deploy", among: commands) == nil)
        #expect(closestMatch(to: "minimum", among: ["metric", "min", "max"]) == "min")
        #expect(closestMatch(to: "less", among: commands) == "lessons")
    }
}
