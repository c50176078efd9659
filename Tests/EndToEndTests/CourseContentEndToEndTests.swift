import Course
import Foundation
import Testing

/// The course in `Lessons/` as shipped: every file well formed, every curriculum concept taught
/// and asked at least twice (against `Lessons/concepts.yaml`).
///
/// The steps are played in ``CourseInOrderEndToEndTests``.
@Suite(.serialized) struct CourseContentEndToEndTests {

    func lint(_ arguments: [String]) throws -> Binary.Result {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        return try Binary.run(
            ["--content", Binary.repository, "lint"] + arguments, home: home, environment: ["COLUMNS": "200"])
    }

    @Test func theCourseLintsCleanAndCoversEveryConcept() throws {
        let result = try lint(["--coverage"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("no problems"), "\(result.stdout)")
    }

    @Test func theCourseHasTheLessonsAndQuestionsTheCurriculumAsksFor() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run(["--content", Binary.repository, "lessons", "--json"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let lessons = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(lessons.count >= 18)
        for lesson in lessons {
            let id = lesson["id"] as? String ?? "?"
            let steps = lesson["steps"] as? Int ?? 0
            #expect(steps >= (id == "history" ? 1 : 2), "lesson \(id) has \(steps) steps")
            #expect(lesson["questions"] as? Int ?? 0 >= 10, "lesson \(id) has too few questions")
        }
    }

    /// Each lesson's quiz spans the difficulties and types: at least ten questions, two of each
    /// difficulty, three types; right answers of choice questions not all in one position.
    @Test func everyQuizSpansDifficultiesTypesAndAnswerPositions() throws {
        let catalog = try LessonCatalog.load(from: Binary.repository + "/Lessons")
        var positions: [Int: Int] = [:]
        for lesson in catalog.lessons {
            let questions = try QuizLoader.load(path: lesson.directory + "/quiz.yaml", lessonId: lesson.id)
            #expect(questions.count >= 10, "\(lesson.id)")
            for difficulty in Question.Difficulty.allCases {
                #expect(questions.filter { $0.difficulty == difficulty }.count >= 2, "\(lesson.id) \(difficulty)")
            }
            #expect(Set(questions.map(\.kind)).count >= 3, "\(lesson.id)")
            #expect(questions.allSatisfy { !$0.explanation.isEmpty && !$0.hint.isEmpty }, "\(lesson.id)")
            for question in questions {
                if case .choice(let index) = question.answer { positions[index, default: 0] += 1 }
            }
        }
        // Single-answer questions put the right answer in every position, none in most of them.
        let total = positions.values.reduce(0, +)
        #expect(positions.keys.sorted().prefix(4) == [0, 1, 2, 3], "\(positions)")
        #expect(positions.values.allSatisfy { Double($0) < 0.5 * Double(total) }, "\(positions)")
    }

    /// A guesser that reads only the cues (the longest option, `false`, every option but the
    /// shortest, the order shown) does no better than chance, give or take ten points.
    @Test func aCueOnlyGuesserScoresLikeARandomOne() throws {
        let catalog = try LessonCatalog.load(from: Binary.repository + "/Lessons")
        let bank = try catalog.lessons.flatMap {
            try QuizLoader.load(path: $0.directory + "/quiz.yaml", lessonId: $0.id)
        }
        let cues = QuizCues.measure(bank)
        #expect(cues.guessable > 150)
        #expect(abs(cues.cueGuesserScore - cues.randomGuesserScore) <= 0.10, "\(cues.summary)")
    }

    /// The example an order question's answer help shows is never its answer, however shuffled.
    @Test func theOrderExampleIsNeverTheAnswer() throws {
        let catalog = try LessonCatalog.load(from: Binary.repository + "/Lessons")
        let bank = try QuestionBank(
            catalog.lessons.flatMap { try QuizLoader.load(path: $0.directory + "/quiz.yaml", lessonId: $0.id) })
        let orders = bank.questions.filter { $0.kind == .order }
        #expect(orders.count >= 10)
        for seed in UInt64(0)..<40 {
            for presented in QuizPlanner.reviewPlan(bank, questionIds: orders.map(\.id), seed: seed).questions {
                let example = presented.answerHelp.split(separator: "`").dropFirst().first.map(String.init) ?? ""
                let key = presented.correctAnswerText.split(separator: ":").first.map(String.init) ?? ""
                #expect(!example.isEmpty && example != key, "\(presented.question.id) seed \(seed): \(example)")
            }
        }
    }

    /// Questions, options, hints and explanations are wrapped to the terminal's width.
    @Test func quizTextIsWrappedToTheTerminal() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run(
            ["--content", Binary.repository, "quiz", "why-ml-differs", "--count", "4", "--seed", "3"],
            stdin: "hint\nb\nskip\na\nd\n", home: home, environment: ["COLUMNS": "60"])
        #expect(result.status == 0, "\(result.stderr)")
        let long = result.stdout.split(separator: "\n").filter {
            // The question's header line and the answer help are short fixed formats.
            $0.count > 60 && !$0.hasPrefix("Question ") && !$0.hasPrefix("Answer:") && !$0.hasPrefix("answer>")
        }
        #expect(long.isEmpty, "\(long)")
        #expect(result.stdout.contains("Hint: "))
    }
}
