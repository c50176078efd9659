import Foundation
import Testing

@testable import Course

/// A whole quiz driven through `QuizSession` against a real, temporary progress store.
///
/// Seed 7 asks the fixture's six questions in this order, with options displayed so:
/// 1. model-tests-kinds (medium): a lint, b loads, c no-collapse, d bounds; right `b c d`
/// 2. psi-significant (hard, numeric 0.2 ± 5 %)
/// 3. three-artifacts-what-changes (easy): a code only, b model only, c config, d code+data+model
/// 4. probabilistic-pass-fail (easy, false)
/// 5. regression-floor (medium, numeric 0.891 ± 0.0005)
/// 6. gate-order (hard): 1 thresholds, 2 regression, 3 shadow, 4 schema; right `4 1 2 3`
@Suite struct QuizSessionTests {
    static let start = utc("2025-03-01T10:00:00Z")

    struct Lab {
        let directory: TemporaryDirectory
        let store: ProgressStore
        let clock: TestClock
        var path: String { directory.path("progress.sqlite") }
    }

    func makeLab() throws -> Lab {
        let directory = try TemporaryDirectory()
        return Lab(
            directory: directory, store: try ProgressStore(path: directory.path("progress.sqlite")),
            clock: TestClock(Self.start))
    }

    func startQuiz(_ lab: Lab) throws -> QuizSession {
        let plan = try QuizPlanner.plan(try fixtureBank(), count: 6, seed: 7)
        let clock = lab.clock
        return try QuizSession.start(plan, store: lab.store, profile: "ada", clock: { clock.now })
    }

    func feedback(_ reply: AnswerReply?) throws -> Feedback {
        guard case .feedback(let feedback) = reply else {
            Issue.record("expected feedback, got \(String(describing: reply))")
            throw CancellationError()
        }
        return feedback
    }

    /// Answers all six: right and fast, right after a hint, wrong, skipped, right, wrong.
    func playWholeQuiz(_ lab: Lab, _ session: inout QuizSession) throws -> [Feedback] {
        var given: [Feedback] = []
        #expect(session.current?.question.id == "model-tests-kinds")
        #expect(session.current?.options.map(\.text).first == "The linter passes on the training script")
        #expect(
            try session.answer("zz") == .unreadable("There is no option `z`: type letters from a to d, like `a c`."))
        lab.clock.advance(15)
        given.append(try feedback(try session.answer("b, c, d")))

        #expect(session.position == (2, 6))
        #expect(session.pointsAvailable == 3)
        lab.clock.advance(10)
        #expect(session.hint() == "There are two thresholds; this is the higher one.")
        #expect(session.pointsAvailable == 1.5)
        lab.clock.advance(30)
        given.append(try feedback(try session.answer("0.2")))

        #expect(session.hintUsed == false)
        lab.clock.advance(5)
        given.append(try feedback(try session.answer("A")))

        lab.clock.advance(3)
        given.append(try #require(try session.skip()))

        lab.clock.advance(25)
        given.append(try feedback(try session.answer("89.1%")))

        lab.clock.advance(50)
        given.append(try feedback(try session.answer("1 4 2 3")))
        #expect(session.isFinished)
        #expect(session.current == nil)
        #expect(try session.answer("a") == nil)
        return given
    }

    @Test func feedbackSaysRightOrWrongTheAnswerTheExplanationAndTheMistake() throws {
        let lab = try makeLab()
        var session = try startQuiz(lab)
        let given = try playWholeQuiz(lab, &session)

        #expect(given.map(\.correct) == [true, true, false, false, true, false])
        #expect(given.map(\.points) == [2, 1.5, 0, 0, 2, 0])
        #expect(given.map(\.maxPoints) == [2, 3, 1, 1, 2, 3])
        #expect(given.map(\.rating) == [.easy, .hard, .again, .again, .good, .again])
        #expect(
            given[0].given
                == "b) The model loads and returns output of the right shape; c) The model does not predict a single class for every input; d) Predictions stay within their valid range"
        )
        #expect(given[2].given == "a) Code only")
        #expect(given[2].correctAnswer == "d) Code, data and model")
        #expect(
            given[2].explanation
                == "Software ships one changing artifact; ML has three, code, data and model, and each needs its own tests."
        )
        #expect(given[2].mistakes == ["Code is only one of them; new data changes the model without a code change."])
        #expect(given[3].skipped && given[3].given == nil && given[3].mistakes.isEmpty)
        #expect(given[3].correctAnswer == "false")
        #expect(
            given[5].correctAnswer
                == "4 1 2 3: Schema check → Metric thresholds → No regression against the champion → Shadow test")
        #expect(given[5].mistakes == ["Metrics on data with the wrong schema mean nothing; check the schema first."])
        #expect(given[0].mistakes.isEmpty && given[1].hinted)
    }

    @Test func everyAnswerIsStoredWithItsScoreAndItsCard() throws {
        let lab = try makeLab()
        var session = try startQuiz(lab)
        _ = try playWholeQuiz(lab, &session)
        let attempt = session.attemptId

        let answers = try lab.store.answers(profile: "ada", attemptId: attempt)
        #expect(
            answers.map(\.question) == [
                "model-tests-kinds", "psi-significant", "three-artifacts-what-changes", "probabilistic-pass-fail",
                "regression-floor", "gate-order",
            ])
        #expect(answers.map(\.given) == ["a,b,d", "0.2", "a", "", "0.891", "b,a,c,d"])
        #expect(answers.map(\.correct) == [true, true, false, false, true, false])
        #expect(answers.map(\.skipped) == [false, false, false, true, false, false])
        #expect(answers.map(\.hinted) == [false, true, false, false, false, false])
        #expect(answers.map(\.points) == [2, 1.5, 0, 0, 2, 0])
        #expect(answers.map(\.seconds) == [15, 40, 5, 3, 25, 50])
        #expect(answers.map(\.lesson) == Array(repeating: "01-why-ml-differs", count: 6))
        #expect(answers.last?.answeredAt == utc("2025-03-01T10:02:18Z"))
        #expect(try lab.store.attemptFinishedAt(attempt) == utc("2025-03-01T10:02:18Z"))

        // First ratings of new cards, as the fsrs package schedules them (FSRSSchedulerTests):
        // easy → review in 8 days, hard → 5.5 minutes, again → 1 minute, good → 10 minutes.
        let cards = Dictionary(
            uniqueKeysWithValues: try lab.store.cards(profile: "ada").map { ($0.questionId, $0.card) })
        let expected: [(String, CardState, Int?, Double, Double, String)] = [
            ("model-tests-kinds", .review, nil, 8.2956, 1.0, "2025-03-09T10:00:15Z"),
            ("psi-significant", .learning, 0, 1.2931, 5.112170705601056, "2025-03-01T10:06:25Z"),
            ("three-artifacts-what-changes", .learning, 0, 0.212, 6.4133, "2025-03-01T10:02:00Z"),
            ("probabilistic-pass-fail", .learning, 0, 0.212, 6.4133, "2025-03-01T10:02:03Z"),
            ("regression-floor", .learning, 1, 2.3065, 2.118103970459016, "2025-03-01T10:11:28Z"),
            ("gate-order", .learning, 0, 0.212, 6.4133, "2025-03-01T10:03:18Z"),
        ]
        #expect(cards.count == 6)
        for (id, state, step, stability, difficulty, due) in expected {
            let card = try #require(cards[id])
            #expect(
                card.state == state && card.step == step, "\(id): \(card.state) step \(String(describing: card.step))")
            #expect(abs(card.stability! - stability) < 1e-9 && abs(card.difficulty! - difficulty) < 1e-9, "\(id)")
            #expect(isoText(card.due) == due, "\(id): due \(isoText(card.due))")
        }
    }

    @Test func theSummaryScoresByConceptAndSaysWhatToReview() throws {
        let lab = try makeLab()
        var session = try startQuiz(lab)
        _ = try playWholeQuiz(lab, &session)
        let summary = session.summary
        #expect(summary.asked == 6 && summary.answered == 5 && summary.correct == 3)
        #expect(summary.skipped == 1 && summary.hinted == 1)
        #expect(summary.points == 5.5 && summary.maxPoints == 12)
        #expect(
            summary.concepts.map(\.concept) == [
                "smoke-tests", "sanity-tests", "drift-metrics", "three-artifacts", "probabilistic-tests",
                "regression-tests", "gate-sequence",
            ])
        #expect(
            summary.concepts[2] == .init(concept: "drift-metrics", questions: 1, correct: 1, points: 1.5, maxPoints: 3))
        #expect(summary.toReview == ["three-artifacts", "probabilistic-tests", "gate-sequence"])
        #expect(summary.missedQuestions == ["three-artifacts-what-changes", "probabilistic-pass-fail", "gate-order"])
    }

    @Test func unreadableInputAndHintsRecordNothing() throws {
        let lab = try makeLab()
        var session = try startQuiz(lab)
        _ = try session.answer("what?")
        _ = session.hint()
        _ = try session.answer("")
        #expect(try lab.store.answers(profile: "ada").isEmpty)
        #expect(try lab.store.cards(profile: "ada").isEmpty)
        #expect(session.position == (1, 6))
    }

    /// Quitting (or being killed) after the k-th answer leaves exactly k answers, each with its
    /// card and review-log entry, for the next process that opens the store.
    @Test(arguments: [1, 3, 5])
    func stoppingAfterTheKthAnswerLeavesKAnswers(k: Int) throws {
        let lab = try makeLab()
        do {
            var session = try startQuiz(lab)
            for _ in 0..<k {
                lab.clock.advance(12)
                _ = try session.skip()
            }
        }
        let reopened = try ProgressStore(path: lab.path)
        #expect(try reopened.answers(profile: "ada").count == k)
        #expect(try reopened.cards(profile: "ada").count == k)
        #expect(try reopened.reviewStats(profile: "ada", at: lab.clock.now).ratings == k)
        let attempt = try #require(try reopened.answers(profile: "ada").first?.attemptId)
        #expect(try reopened.attemptFinishedAt(attempt) == nil)
    }
}
