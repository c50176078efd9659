import Foundation
import PipelineEngine
import Testing

@testable import Course
@testable import LabSupport

@Suite struct QuizLoaderTests {
    @Test func loadsEveryQuestionTypeFromTheFixture() throws {
        let questions = try fixtureQuestions()
        #expect(
            questions.map(\.id) == [
                "three-artifacts-what-changes", "model-tests-kinds", "probabilistic-pass-fail", "gate-order",
                "regression-floor", "psi-significant",
            ])
        #expect(questions.map(\.kind) == [.single, .multiple, .truefalse, .order, .numeric, .numeric])
        #expect(questions.map(\.difficulty) == [.easy, .medium, .easy, .hard, .medium, .hard])
        #expect(
            questions.map(\.answer) == [
                .choice(1), .choices([0, 1, 3]), .truth(false), .sequence([0, 1, 2, 3]), .number(0.891), .number(0.2),
            ])
        #expect(questions[4].tolerance == .absolute(0.0005))
        #expect(questions[5].tolerance == .relative(0.05))
        #expect(questions[1].concepts == ["smoke-tests", "sanity-tests"])
        #expect(
            questions[0].mistakes == [
                Mistake(
                    when: .choice(0), say: "Code is only one of them; new data changes the model without a code change."
                ),
                Mistake(when: .choice(3), say: "The model comes from code and data, and both change on their own."),
            ])
        #expect(
            questions[2].mistakes == [
                Mistake(when: nil, say: "Accuracy is a measurement; the test is a threshold on it.")
            ])
        #expect(questions[3].mistakes.first?.when == .sequence([1, 0, 2, 3]))
        #expect(questions.allSatisfy { $0.lessonId == "01-why-ml-differs" })
        #expect(questions[3].location == SourceLocation(file: "Fixtures/quiz.yaml", line: 52, column: 5))
    }

    static let header = "questions:\n"

    /// A valid single question whose lines can be replaced to make one mistake at a time.
    static let single = """
          - id: q1
            type: single
            difficulty: easy
            concepts: [three-artifacts]
            prompt: Which?
            options: [one, two, three]
            answer: b
            explanation: Because.
            hint: Think.

        """

    static func quiz(_ body: String) -> String { header + body }

    static func broken(_ old: String, _ new: String) -> String {
        quiz(single.replacingOccurrences(of: old, with: new))
    }

    static let badFiles: [(String, String, String)] = [
        (
            quiz("  - id: q1\n    prompt: [unclosed\n"), "quiz.yaml_syntax",
            "quiz.yaml:4:1: this is not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 3, column 13)"
        ),
        (
            "- id: q1\n", "quiz.bad_shape",
            "quiz.yaml:1:1: the top of a quiz file should be a mapping of keys to values, found a list"
        ),
        (
            "question:\n  - id: q1\n", "quiz.unknown_key",
            "quiz.yaml:1:1: unknown key \"question\" in the top of a quiz file; did you mean \"questions\"?"
        ),
        (
            broken("explanation:", "explaination:"), "quiz.unknown_key",
            "quiz.yaml:9:5: unknown key \"explaination\" in question \"q1\"; did you mean \"explanation\"?"
        ),
        (
            broken("    hint: Think.\n", ""), "quiz.missing_key",
            "quiz.yaml:2:5: question \"q1\" has no \"hint\"; every question needs \"id\", \"type\", \"difficulty\", \"concepts\", \"prompt\", \"answer\", \"explanation\" and \"hint\""
        ),
        (
            broken("type: single", "type: singel"), "quiz.bad_value",
            "quiz.yaml:3:11: \"type\" is \"singel\"; expected single, multiple, truefalse, order or numeric (did you mean \"single\"?)"
        ),
        (
            broken("difficulty: easy", "difficulty: tricky"), "quiz.bad_value",
            "quiz.yaml:4:17: \"difficulty\" is \"tricky\"; expected easy, medium or hard"
        ),
        (
            broken("answer: b", "answer: e"), "quiz.answer_not_an_option",
            "quiz.yaml:8:13: answer \"e\" is not among the options a to c"
        ),
        (
            broken("options: [one, two, three]", "options: [one]"), "quiz.bad_shape",
            "quiz.yaml:7:14: a single question needs 2 to 26 options, found 1"
        ),
        (
            broken("type: single", "type: order").replacingOccurrences(of: "answer: b", with: "answer: [b, a, b]"),
            "quiz.bad_value",
            "quiz.yaml:8:13: answer of an order question must list every option once, found [b, a, b]; expected the letters a to c in the right order"
        ),
        (
            broken("type: single", "type: truefalse"), "quiz.bad_shape",
            "quiz.yaml:7:14: a truefalse question takes no \"options\"; its answer is true or false"
        ),
        (
            broken("type: single", "type: numeric").replacingOccurrences(
                of: "    options: [one, two, three]\n", with: ""),
            "quiz.bad_value", "quiz.yaml:7:13: answer is \"b\"; expected a number"
        ),
        (
            broken("type: single", "type: numeric")
                .replacingOccurrences(of: "    options: [one, two, three]\n", with: "")
                .replacingOccurrences(of: "answer: b", with: "answer: 0.5\n    tolerance: about 1"),
            "quiz.bad_value",
            "quiz.yaml:8:16: \"tolerance\" is \"about 1\"; expected a non-negative number (0.001) or a percentage (1%)"
        ),
        (
            broken("answer: b", "answer: b\n    tolerance: 1%"), "quiz.bad_shape",
            "quiz.yaml:9:16: \"tolerance\" applies only to numeric questions; question \"q1\" is single"
        ),
        (broken("prompt: Which?", "prompt: \"\""), "quiz.empty_value", "quiz.yaml:6:13: \"prompt\" is empty"),
        (
            broken("hint: Think.", "hint: Think.\n    mistakes:\n      - when: b\n        say: No."), "quiz.bad_value",
            "quiz.yaml:12:15: mistake \"when\" is the right answer; a mistake explains a wrong one"
        ),
        (
            broken("hint: Think.", "hint: Think.\n    mistakes:\n      - when: a"), "quiz.missing_key",
            "quiz.yaml:12:9: a mistake has no \"say\"; expected the text that explains it"
        ),
        (
            broken("hint: Think.", "hint: Think.\n    mistakes:\n      - when: z\n        say: No."),
            "quiz.answer_not_an_option", "quiz.yaml:12:15: mistake \"when\" \"z\" is not among the options a to c"
        ),
        (
            quiz(single + single), "quiz.duplicate_id",
            "quiz.yaml:11:9: question id \"q1\" is used twice (first at line 2)"
        ),
        (
            broken("hint: Think.", "hint: Think.\n    hint: Again."), "quiz.duplicate_key",
            "quiz.yaml:10:5: the key \"hint\" appears twice in one mapping"
        ),
    ]

    @Test(arguments: badFiles)
    func namesFileLineAndColumnOfEachMistake(yaml: String, code: String, message: String) {
        #expect {
            _ = try QuizLoader.parse(yaml, file: "quiz.yaml", lessonId: "l1")
        } throws: { error in
            guard let error = error as? LabError else { return false }
            #expect(error.description == message)
            #expect(error.code.rawValue == code)
            return error.kind == .badInput
        }
    }

    @Test(arguments: [
        ("12", "1 %", 12.0, Tolerance.relative(0.01)), ("1e-3", "0", 0.001, .absolute(0)),
        ("-2.5", "0.25", -2.5, .absolute(0.25)),
    ])
    func readsNumericAnswersAndTolerances(answer: String, tolerance: String, value: Double, expected: Tolerance) throws
    {
        let yaml = Self.broken("type: single", "type: numeric")
            .replacingOccurrences(of: "    options: [one, two, three]\n", with: "")
            .replacingOccurrences(of: "answer: b", with: "answer: \(answer)\n    tolerance: \(tolerance)")
        let question = try #require(try QuizLoader.parse(yaml, file: "quiz.yaml", lessonId: "l1").first)
        #expect(question.answer == .number(value))
        #expect(question.tolerance == expected)
    }

    @Test func refusesAQuestionIdUsedByTwoLessons() throws {
        let first = try QuizLoader.parse(Self.quiz(Self.single), file: "a/quiz.yaml", lessonId: "a")
        let second = try QuizLoader.parse(Self.quiz(Self.single), file: "b/quiz.yaml", lessonId: "b")
        #expect {
            _ = try QuestionBank(first + second)
        } throws: { error in
            (error as? LabError)?.description
                == "b/quiz.yaml:2:5: question id \"q1\" is used twice (first in a/quiz.yaml at line 2)"
        }
    }

    @Test func aMissingFileIsReportedByName() {
        #expect {
            _ = try QuizLoader.load(path: "/nonexistent/quiz.yaml", lessonId: "l1", displayPath: "Lessons/01/quiz.yaml")
        } throws: { error in
            let error = error as? LabError
            return error?.code == "quiz.unreadable" && error?.file == "Lessons/01/quiz.yaml"
        }
    }
}

@Suite struct QuestionBankCatalogTests {
    func writeLesson(_ root: TemporaryDirectory, folder: String, id: String, quiz: String?) throws {
        let directory = root.url.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let lesson = """
            ---
            id: \(id)
            title: A lesson
            summary: For the test.
            minutes: 5
            concepts: [three-artifacts]
            ---
            ## One
            Text.

            """
        try lesson.write(to: directory.appendingPathComponent("lesson.md"), atomically: true, encoding: .utf8)
        if let quiz {
            try quiz.write(to: directory.appendingPathComponent("quiz.yaml"), atomically: true, encoding: .utf8)
        }
    }

    @Test func loadsTheQuizOfEveryLessonThatHasOne() throws {
        let root = try TemporaryDirectory()
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/quiz.yaml")
        try writeLesson(
            root, folder: "01-why", id: "why-ml-differs", quiz: try String(contentsOf: fixture, encoding: .utf8))
        try writeLesson(root, folder: "02-none", id: "no-quiz", quiz: nil)
        let bank = try QuestionBank.load(from: try LessonCatalog.load(from: root.url.path))
        #expect(bank.questions.count == 6)
        #expect(bank.lessonIds == ["why-ml-differs"])
        #expect(bank.question(id: "gate-order")?.location.file == "01-why/quiz.yaml")
    }

    @Test func namesTheLessonFolderInErrors() throws {
        let root = try TemporaryDirectory()
        try writeLesson(root, folder: "03-bad", id: "bad", quiz: "questions:\n  - id: q\n    type: essay\n")
        #expect {
            _ = try QuestionBank.load(from: try LessonCatalog.load(from: root.url.path))
        } throws: { error in
            (error as? LabError)?.description
                == "03-bad/quiz.yaml:2:5: question \"q\" has no \"difficulty\"; every question needs \"id\", \"type\", \"difficulty\", \"concepts\", \"prompt\", \"answer\", \"explanation\" and \"hint\""
        }
    }
}
