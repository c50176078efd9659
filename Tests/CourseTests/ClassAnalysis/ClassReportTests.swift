import Foundation
import LabSupport
import Testing

@testable import Course

/// A class report built from hand-made exports, checked against hand computations.
@Suite struct ClassReportTests {
    static func question(_ id: String, concepts: [String] = ["drift-metrics"], line: Int) -> Question {
        Question(
            id: id, lessonId: "07-drift", kind: .single, difficulty: .easy, concepts: concepts,
            prompt: "?", options: ["right", "wrong", "also wrong"], answer: .choice(0), explanation: "",
            hint: "", mistakes: [], location: SourceLocation(file: "07-drift/quiz.yaml", line: line, column: 5))
    }

    static let questions = [
        question("q1", line: 3), question("q2", concepts: ["gates"], line: 13), question("q3", line: 23),
    ]

    static func answer(_ question: String, _ given: String, at minute: Double, right: Bool? = nil)
        -> LearnerExport.Answer
    {
        LearnerExport.Answer(
            question: question, correct: right ?? (given == "a"), skipped: given.isEmpty, given: given,
            answeredAt: Date(timeIntervalSince1970: 1_800_000_000 + minute * 60))
    }

    static func learner(_ profile: String, _ answers: [LearnerExport.Answer], done: [String] = []) -> LearnerExport {
        LearnerExport(profile: profile, file: "\(profile).json", lessonsDone: done, answers: answers)
    }

    /// Five learners (listed out of order): totals ann 3, ben 2, cat 1, dan 1, eve 0.
    static let fiveLearners = [
        learner("eve", [answer("q1", "c", at: 1), answer("q2", "b", at: 2), answer("q3", "b", at: 3)]),
        learner(
            "ann",
            [
                answer("q1", "b", at: 9), answer("q1", "a", at: 1), answer("q2", "a", at: 2),
                answer("q3", "a", at: 3),
            ], done: ["07-drift"]),
        learner("ben", [answer("q1", "a", at: 1), answer("q2", "a", at: 2), answer("q3", "b", at: 3)]),
        learner("cat", [answer("q1", "a", at: 1), answer("q2", "b", at: 2), answer("q3", "c", at: 3)]),
        learner("dan", [answer("q1", "b", at: 1), answer("q2", "a", at: 2), answer("q3", "", at: 3)]),
    ]

    @Test func facilityDiscriminationAndUpperLowerIndexFollowTheirDefinitions() throws {
        let report = try ClassReport.build(exports: Self.fiveLearners, questions: Self.questions)
        #expect(report.learners.map(\.profile) == ["ann", "ben", "cat", "dan", "eve"])
        #expect(report.learners.map(\.firstAttemptScore) == [3, 2, 1, 1, 0])
        #expect(report.summary == .init(learners: 5, questionsAnswered: 3, answers: 16, flaggedQuestions: 0))
        let q1 = try #require(report.items.first { $0.question == "q1" })
        // Scores 1 1 1 0 0, rest scores 2 1 0 1 0: Σdxdy = 0.6, Σdx² = 1.2, Σdy² = 2.8.
        #expect(q1.learners == 5)
        #expect(q1.facility == 0.6)
        #expect(abs(try #require(q1.discrimination) - 0.6 / (1.2 * 2.8).squareRoot()) < 1e-15)
        // Groups of max(1, round(1.35)) = 1: ann above, eve below.
        #expect(q1.groupSize == 1)
        #expect(q1.upperLowerIndex == 1)
        #expect(q1.options.map(\.share) == [0.6, 0.2, 0.2])
        #expect(q1.options.map(\.upperShare) == [1, 0, 0])
        #expect(q1.options.map(\.key) == [true, false, false])
    }

    @Test func aRetryIsNotAFirstAttemptButCountsForMastery() throws {
        let report = try ClassReport.build(exports: Self.fiveLearners, questions: Self.questions)
        let ann = try #require(report.learners.first)
        #expect(ann.answers == 4)
        #expect(ann.lessonsCompleted == 1)
        #expect(report.concepts == ["drift-metrics", "gates"])
        #expect(ann.mastery.map(\.asked) == [3, 1])
        #expect(ann.mastery.map(\.right) == [2, 1])
        #expect(ann.mastery.first?.mastery == 2.0 / 3.0)
    }

    @Test func aSkipScoresZeroAndChoosesNoOption() throws {
        let report = try ClassReport.build(exports: Self.fiveLearners, questions: Self.questions)
        let q3 = try #require(report.items.first { $0.question == "q3" })
        #expect(q3.facility == 0.2)
        #expect(q3.skippedShare == 0.2)
        #expect(q3.options.map(\.share) == [0.2, 0.4, 0.2])
    }

    @Test func aQuestionEveryoneGetsRightHasNoDiscriminationAndIsFlagged() throws {
        let exports = ["a", "b", "c", "d", "e"].map { Self.learner($0, [Self.answer("q1", "a", at: 1)]) }
        let report = try ClassReport.build(exports: exports, questions: Self.questions)
        let q1 = try #require(report.items.first)
        #expect(q1.discrimination == nil)
        #expect(q1.flags.map(\.kind) == [.tooEasy, .noDiscrimination])
        #expect(
            q1.flags.first?.reason
                == "100% answer it right at first try; it hardly tells learners apart (make it harder or drop it)")
        #expect(q1.flags.first?.file == "07-drift/quiz.yaml")
        #expect(q1.flags.first?.line == 3)
        let json = String(decoding: try JSONEncoder().encode(q1), as: UTF8.self)
        #expect(json.contains("\"discrimination\":null"))
    }

    @Test func questionsAnsweredByFewerThanFiveLearnersAreShownButNotFlagged() throws {
        let exports = ["a", "b", "c", "d"].map { Self.learner($0, [Self.answer("q1", "a", at: 1)]) }
        let report = try ClassReport.build(exports: exports, questions: Self.questions)
        #expect(report.items.map(\.question) == ["q1"])
        #expect(report.items.first?.flaggable == false)
        #expect(report.flags.isEmpty)
    }

    @Test func aDistractorTheUpperGroupPrefersIsFlagged() throws {
        // The strongest learner (by q2 and q3) chooses b on q1; the weakest chooses the key a.
        var exports = Self.fiveLearners
        exports[1] = Self.learner(
            "ann", [Self.answer("q1", "b", at: 1), Self.answer("q2", "a", at: 2), Self.answer("q3", "a", at: 3)])
        exports[0] = Self.learner(
            "eve", [Self.answer("q1", "a", at: 1), Self.answer("q2", "b", at: 2), Self.answer("q3", "b", at: 3)])
        let report = try ClassReport.build(exports: exports, questions: Self.questions)
        let flag = try #require(report.flags.first { $0.kind == .distractorBeatsKey })
        #expect(flag.question == "q1")
        #expect(
            flag.reason
                == "distractor b (\"wrong\") is chosen by 100% of the upper group, the key a by 0%; is b right, or is it ambiguous?"
        )
    }

    @Test func answersToAQuestionTheCourseNoLongerHasAreReported() throws {
        let exports = [Self.learner("ann", [Self.answer("gone", "a", at: 1), Self.answer("q1", "a", at: 2)])]
        let report = try ClassReport.build(exports: exports, questions: Self.questions)
        #expect(report.unknownQuestions == [.init(question: "gone", answers: 1, learners: ["ann"])])
        #expect(report.items.map(\.question) == ["q1"])
    }

    @Test func twoExportsOfOneProfileAreRefused() {
        let exports = [
            Self.learner("ann", []), LearnerExport(profile: "ann", file: "copy.json", lessonsDone: [], answers: []),
        ]
        #expect(
            throws: LabError(
                "class.duplicate_profile",
                "profile 'ann' is in both ann.json and copy.json; give each learner's export once", file: "copy.json")
        ) {
            try ClassReport.build(exports: exports, questions: Self.questions)
        }
    }
}
