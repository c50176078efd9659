import Course
import Foundation
import Testing

@testable import LabShell

/// How `class report` shows a class: summary, flags with file and line, mastery, questions.
@Suite struct ClassReportRenderingTests {
    static func report(learners: Int) throws -> ClassReport {
        let question = Question(
            id: "gate-order", lessonId: "05-gates", kind: .single, difficulty: .easy, concepts: ["quality-gates"],
            prompt: "?", options: ["first", "second"], answer: .choice(0), explanation: "", hint: "",
            mistakes: [], location: SourceLocation(file: "05-gates/quiz.yaml", line: 12, column: 5))
        let exports = (1...learners).map { index in
            LearnerExport(
                profile: "learner-\(index)", file: "learner-\(index).json", lessonsDone: [],
                answers: [
                    LearnerExport.Answer(
                        question: "gate-order", correct: true, skipped: false, given: "a",
                        answeredAt: Date(timeIntervalSince1970: 0)),
                    LearnerExport.Answer(
                        question: "retired", correct: false, skipped: false, given: "b",
                        answeredAt: Date(timeIntervalSince1970: 0)),
                ])
        }
        return try ClassReport.build(exports: exports, questions: [question])
    }

    @Test func flagsComeFirstWithFileLineAndReason() throws {
        let text = try Self.report(learners: 5).render(TerminalStyle(color: false, width: 100))
        let lines = text.components(separatedBy: "\n")
        #expect(lines.first == "Class report · 5 learners")
        #expect(lines.contains("  not in the course   retired (5)"))
        #expect(
            lines.contains(
                "  05-gates/quiz.yaml:12: gate-order: 100% answer it right at first try; it hardly tells learners apart (make it harder or drop it)"
            ))
        let flags = try #require(lines.firstIndex { $0.hasPrefix("Flags") })
        let questions = try #require(lines.firstIndex { $0.hasPrefix("Questions") })
        #expect(flags < questions)
    }

    @Test func aQuestionWithTooFewLearnersSaysSoInsteadOfFlags() throws {
        let text = try Self.report(learners: 4).render(TerminalStyle(color: false, width: 100))
        #expect(text.contains("Flags (questions answered by fewer than 5 learners are not flagged)\n  none"))
        #expect(text.contains("n<5"))
    }
}
