import Foundation
import PipelineEngine
import Testing

@testable import Course
@testable import LabSupport

/// Choosing and shuffling questions from a seed.
@Suite struct QuizPlannerTests {
    @Test func theSameSeedGivesTheSameQuiz() throws {
        let bank = try fixtureBank()
        let first = try QuizPlanner.plan(bank, count: 6, seed: 42)
        let again = try QuizPlanner.plan(bank, count: 6, seed: 42)
        #expect(first == again)
    }

    /// The plan for seed 7, from an independent implementation of the same shuffle
    /// (References/quiz_shuffle_reference.py), so that a change to the shuffle, which would
    /// change every replayed quiz, is seen.
    @Test func aSeedPinsTheQuestionOrderAndTheOptionOrders() throws {
        let plan = try QuizPlanner.plan(try fixtureBank(), count: 6, seed: 7)
        #expect(
            plan.questions.map(\.question.id) == [
                "model-tests-kinds", "psi-significant", "three-artifacts-what-changes", "probabilistic-pass-fail",
                "regression-floor", "gate-order",
            ])
        #expect(plan.questions.map(\.optionOrder) == [[2, 0, 3, 1], [], [0, 3, 2, 1], [], [], [1, 2, 3, 0]])
    }

    @Test func differentSeedsMoveTheRightAnswer() throws {
        let bank = try fixtureBank()
        var positions = Set<Int>()
        for seed in UInt64(1)...20 {
            let plan = try QuizPlanner.plan(bank, scope: "three-artifacts", seed: seed)
            let presented = plan.questions[0]
            positions.insert(presented.displayedIndex(of: 1))
        }
        #expect(positions == [0, 1, 2, 3], "the right option appeared only at \(positions.sorted())")
    }

    @Test(arguments: UInt64(1)...12)
    func theDisplayedRightAnswerReadsBackAsRight(seed: UInt64) throws {
        let plan = try QuizPlanner.plan(try fixtureBank(), count: 6, seed: seed)
        for presented in plan.questions {
            let typed: String
            switch presented.question.answer {
            case .choice(let index): typed = presented.labelFor(authored: index)
            case .choices(let indices): typed = indices.map(presented.labelFor(authored:)).joined(separator: " ")
            case .sequence(let indices): typed = indices.map(presented.labelFor(authored:)).joined(separator: " ")
            case .truth(let value): typed = value ? "t" : "f"
            case .number(let value): typed = "\(value)"
            }
            guard case .answer(let given) = AnswerParser.read(typed, for: presented) else {
                Issue.record("\(typed) was unreadable for \(presented.question.id)")
                continue
            }
            #expect(presented.question.isCorrect(given), "\(presented.question.id): typed \(typed)")
        }
    }

    @Test func anOrderQuestionIsNeverShownInItsRightOrder() throws {
        for seed in UInt64(0)..<200 {
            let plan = try QuizPlanner.plan(try fixtureBank(), scope: "gate-sequence", seed: seed)
            #expect(plan.questions[0].optionOrder != [0, 1, 2, 3], "seed \(seed)")
        }
    }

    @Test func scopeDifficultyAndCountNarrowTheQuiz() throws {
        let bank = try fixtureBank()
        #expect(try QuizPlanner.plan(bank, seed: 1).questions.count == QuizPlanner.defaultCount)
        #expect(try QuizPlanner.plan(bank, count: 50, seed: 1).questions.count == 6)
        #expect(try QuizPlanner.plan(bank, scope: "01-why-ml-differs", count: 50, seed: 1).questions.count == 6)
        let hard = try QuizPlanner.plan(bank, difficulty: .hard, count: 50, seed: 1)
        #expect(Set(hard.questions.map(\.question.id)) == ["gate-order", "psi-significant"])
        let concept = try QuizPlanner.plan(bank, scope: "sanity-tests", seed: 1)
        #expect(concept.questions.map(\.question.id) == ["model-tests-kinds"])
    }

    @Test(
        arguments: [
            (
                "drift-metric", nil, 5, "quiz.unknown_scope",
                "no lesson or concept with questions is called \"drift-metric\"; did you mean \"drift-metrics\"?"
            ),
            (
                "kubernetes", nil, 5, "quiz.unknown_scope",
                "no lesson or concept with questions is called \"kubernetes\"; `lessons` lists the lesson ids"
            ),
            (
                "drift-metrics", Question.Difficulty.easy, 5, "quiz.no_questions",
                "\"drift-metrics\" has no easy questions; it has hard"
            ),
            (nil, nil, 0, "quiz.bad_count", "--count is 0; expected a number of questions of 1 or more"),
        ] as [(String?, Question.Difficulty?, Int, String, String)])
    func refusesAQuizItCannotAsk(
        scope: String?, difficulty: Question.Difficulty?, count: Int, code: String, message: String
    ) throws {
        let bank = try fixtureBank()
        #expect {
            _ = try QuizPlanner.plan(bank, scope: scope, difficulty: difficulty, count: count, seed: 1)
        } throws: { error in
            (error as? LabError)?.code.rawValue == code && (error as? LabError)?.message == message
        }
    }

    @Test func aReviewPlanKeepsTheDueOrderAndDropsQuestionsNoLongerInTheCourse() throws {
        let plan = QuizPlanner.reviewPlan(
            try fixtureBank(), questionIds: ["gate-order", "gone", "regression-floor"], seed: 3)
        #expect(plan.questions.map(\.question.id) == ["gate-order", "regression-floor"])
        #expect(plan.scope == "review")
    }
}

/// Grading, common mistakes, points, and how answers are shown.
@Suite struct GradingTests {
    @Test(arguments: [
        (Question.Difficulty.easy, true, false, 1.0), (.easy, true, true, 0.5), (.medium, true, false, 2),
        (.medium, true, true, 1), (.hard, true, false, 3), (.hard, true, true, 1.5), (.hard, false, false, 0),
        (.hard, false, true, 0),
    ])
    func scoresByDifficultyHalvedAfterAHint(
        difficulty: Question.Difficulty, correct: Bool, hinted: Bool, points: Double
    ) {
        #expect(QuizScoring.points(difficulty: difficulty, correct: correct, hinted: hinted) == points)
    }

    @Test func numericAnswersCountWithinTheirTolerance() throws {
        let floor = try fixtureQuestion("regression-floor")  // 0.891 ± 0.0005
        #expect(floor.isCorrect(.number(0.891)))
        #expect(floor.isCorrect(.number(0.8914)))
        #expect(!floor.isCorrect(.number(0.8916)))
        let psi = try fixtureQuestion("psi-significant")  // 0.2 ± 5 %
        #expect(psi.isCorrect(.number(0.21)))
        #expect(!psi.isCorrect(.number(0.2101)))
        #expect(Tolerance.relative(0.01).accepts(0.891, target: 0.9 * 0.99))
    }

    @Test(arguments: [
        (
            "three-artifacts-what-changes", Answer.choice(0),
            ["Code is only one of them; new data changes the model without a code change."]
        ),
        ("three-artifacts-what-changes", .choice(2), []),
        ("three-artifacts-what-changes", .choice(1), []),
        ("model-tests-kinds", .choices([0, 1, 2, 3]), ["Linting checks the code, not the model."]),
        (
            "model-tests-kinds", .choices([0, 1]),
            [
                "A model that always predicts one class can still look accurate on unbalanced data; this check catches it."
            ]
        ),
        (
            "model-tests-kinds", .choices([0, 1, 2]),
            [
                "Linting checks the code, not the model.",
                "A model that always predicts one class can still look accurate on unbalanced data; this check catches it.",
            ]
        ),
        ("probabilistic-pass-fail", .truth(true), ["Accuracy is a measurement; the test is a threshold on it."]),
        (
            "gate-order", .sequence([1, 0, 2, 3]),
            ["Metrics on data with the wrong schema mean nothing; check the schema first."]
        ),
        (
            "gate-order", .sequence([3, 2, 1, 0]),
            ["Order gates from cheapest and most basic to costliest and closest to production."]
        ),
        (
            "regression-floor", .number(0.8899),
            ["That subtracts one percentage point (0.01) instead of one percent of 0.90."]
        ),
        (
            "regression-floor", .number(0.9),
            ["With no tolerance at all the gate would refuse any drop; 1 % allows a little."]
        ),
        ("regression-floor", .number(0.5), []),
    ])
    func saysTheCommonMistakeAWrongAnswerMatches(id: String, given: Answer, expected: [String]) throws {
        #expect(try fixtureQuestion(id).mistakes(matching: given) == expected)
    }

    @Test func showsAnswersInDisplayedTerms() throws {
        let single = PresentedQuestion(try fixtureQuestion("three-artifacts-what-changes"), optionOrder: [2, 0, 3, 1])
        #expect(single.correctAnswerText == "d) Code, data and model")
        #expect(single.options.map(\.label) == ["a", "b", "c", "d"])
        #expect(single.options[0].text == "Code and configuration")
        let multiple = PresentedQuestion(try fixtureQuestion("model-tests-kinds"), optionOrder: [3, 2, 1, 0])
        #expect(
            multiple.correctAnswerText
                == "a) The model does not predict a single class for every input; c) Predictions stay within their valid range; d) The model loads and returns output of the right shape"
        )
        let order = PresentedQuestion(try fixtureQuestion("gate-order"), optionOrder: [3, 0, 1, 2])
        #expect(order.options.map(\.label) == ["1", "2", "3", "4"])
        #expect(
            order.correctAnswerText
                == "2 3 4 1: Schema check → Metric thresholds → No regression against the champion → Shadow test")
        #expect(PresentedQuestion(try fixtureQuestion("regression-floor")).correctAnswerText == "0.891 (± 0.0005)")
        #expect(PresentedQuestion(try fixtureQuestion("psi-significant")).correctAnswerText == "0.2 (± 5%)")
        #expect(PresentedQuestion(try fixtureQuestion("probabilistic-pass-fail")).correctAnswerText == "false")
    }

    @Test(arguments: [
        (Answer.choice(1), "b"), (.choices([0, 2]), "a,c"), (.truth(false), "false"), (.sequence([2, 0, 1]), "c,a,b"),
        (.number(0.891), "0.891"), (.number(12), "12"), (.number(-0.5), "-0.5"),
    ])
    func storesAnswersInTheAuthorsLetters(answer: Answer, text: String) {
        #expect(answer.authoredText == text)
    }
}
