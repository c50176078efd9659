import Foundation
import GRDB
import Testing

@testable import Course

/// Due cards, review sessions, `review --stats` and mastery, against a temporary store.
@Suite struct ReviewStoreTests {
    static let start = utc("2025-03-01T10:00:00Z")

    static var utcCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    func record(
        _ store: ProgressStore, _ questionId: String, _ rating: Rating, at moment: Date, profile: String = "ada"
    ) throws {
        let question = try fixtureBank().question(id: questionId)
        try store.recordAnswer(
            AnswerRecord(
                profile: profile, attemptId: nil, questionId: questionId, lessonId: question?.lessonId ?? "gone",
                given: "x", correct: rating != .again, skipped: false, hinted: rating == .hard,
                points: 0, maxPoints: question?.difficulty.points ?? 1, seconds: 30, answeredAt: moment, rating: rating)
        )
    }

    @Test func dueCardsComeMostOverdueFirst() throws {
        let directory = try TemporaryDirectory()
        let store = try ProgressStore(path: directory.path("progress.sqlite"))
        try record(store, "gate-order", .again, at: Self.start)  // due 10:01
        try record(store, "regression-floor", .good, at: Self.start)  // due 10:10
        try record(store, "psi-significant", .again, at: Self.start.addingTimeInterval(-120))  // due 09:59
        try record(store, "model-tests-kinds", .easy, at: Self.start)  // due in 8 days
        try record(store, "gate-order", .good, at: Self.start, profile: "bob")

        let at = Self.start.addingTimeInterval(600)
        #expect(
            try store.dueCards(profile: "ada", at: at).map(\.questionId) == [
                "psi-significant", "gate-order", "regression-floor",
            ])
        #expect(try store.dueCards(profile: "ada", at: at, limit: 1).map(\.questionId) == ["psi-significant"])
        #expect(try store.dueCards(profile: "ada", at: Self.start).map(\.questionId) == ["psi-significant"])
    }

    @Test func aReviewSessionAsksTheDueCardsAndMovesThem() throws {
        let directory = try TemporaryDirectory()
        let store = try ProgressStore(path: directory.path("progress.sqlite"))
        try record(store, "probabilistic-pass-fail", .again, at: Self.start)
        try record(store, "regression-floor", .again, at: Self.start)
        let clock = TestClock(Self.start.addingTimeInterval(120))

        let due = try store.dueCards(profile: "ada", at: clock.now).map(\.questionId)
        let plan = QuizPlanner.reviewPlan(try fixtureBank(), questionIds: due, seed: 1)
        var session = try QuizSession.review(plan, store: store, profile: "ada", clock: { clock.now })
        let attemptScope = try store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT scope FROM quiz_attempt WHERE id = ?", arguments: [session.attemptId])
        }
        #expect(attemptScope == "review")
        #expect(session.current?.question.id == "probabilistic-pass-fail")
        clock.advance(4)
        guard case .feedback(let first) = try session.answer("f") else {
            Issue.record("no feedback")
            return
        }
        // Again at 10:00:00, then easy (fast) at 10:02:04 in learning, same day: graduates.
        #expect(first.rating == .easy && first.card.state == .review)
        clock.advance(40)
        guard case .feedback(let second) = try session.answer("0.5") else {
            Issue.record("no feedback")
            return
        }
        #expect(second.rating == .again && second.card.state == .learning && second.card.step == 0)
        #expect(isoText(second.card.due) == "2025-03-01T10:03:44Z")
        #expect(session.isFinished)

        let answers = try store.answers(profile: "ada")
        #expect(answers.count == 4)
        #expect(answers.suffix(2).map(\.attemptId) == [session.attemptId, session.attemptId])
        #expect(answers.suffix(2).map(\.given) == ["false", "0.5"])
    }

    @Test func statsCountDueCardsByDayAndRetentionOfRepeatReviews() throws {
        let directory = try TemporaryDirectory()
        let store = try ProgressStore(path: directory.path("progress.sqlite"))
        let empty = try store.reviewStats(profile: "ada", at: Self.start, calendar: Self.utcCalendar)
        #expect(
            empty
                == ReviewStats(
                    cards: 0, learning: 0, review: 0, relearning: 0, dueNow: 0, dueToday: 0, dueThisWeek: 0, ratings: 0,
                    reviews: 0, retention: nil))

        try record(store, "gate-order", .again, at: Self.start)  // learning, due 10:01
        try record(store, "regression-floor", .good, at: Self.start)  // learning, due 10:10
        try record(store, "psi-significant", .easy, at: Self.start)  // review, due 03-09
        try record(store, "model-tests-kinds", .good, at: Self.start)
        try record(store, "model-tests-kinds", .good, at: Self.start.addingTimeInterval(600))  // review, due 03-03
        try record(store, "three-artifacts-what-changes", .easy, at: Self.start.addingTimeInterval(-86_400 * 20))
        try record(store, "three-artifacts-what-changes", .again, at: Self.start)  // relearning, due 10:10
        try record(store, "gate-order", .good, at: Self.start.addingTimeInterval(60))  // learning step 1, due 10:11

        let stats = try store.reviewStats(
            profile: "ada", at: Self.start.addingTimeInterval(610), calendar: Self.utcCalendar)
        #expect(
            stats
                == ReviewStats(
                    cards: 5, learning: 2, review: 2, relearning: 1, dueNow: 2, dueToday: 3, dueThisWeek: 4, ratings: 8,
                    reviews: 3, retention: 2.0 / 3.0))
    }

    /// Retrievability a day after a first rating, from the `fsrs` package
    /// (References/fsrs_references.py): again 0.766…, hard 0.916…, good 0.946…, easy 0.982….
    @Test func masteryIsTheMeanRecallOfAConceptsCardsADayAhead() throws {
        let directory = try TemporaryDirectory()
        let store = try ProgressStore(path: directory.path("progress.sqlite"))
        let bank = try fixtureBank()
        #expect(try store.conceptMastery(profile: "ada", questions: bank, at: Self.start).isEmpty)

        try record(store, "model-tests-kinds", .hard, at: Self.start)  // smoke-tests, sanity-tests
        try record(store, "regression-floor", .again, at: Self.start)  // regression-tests
        try record(store, "psi-significant", .easy, at: Self.start)  // drift-metrics
        try record(store, "gate-order", .good, at: Self.start)  // gate-sequence
        try record(store, "removed-question", .good, at: Self.start)  // no longer in the course

        let mastery = try store.conceptMastery(profile: "ada", questions: bank, at: Self.start)
        let expected: [(String, Double)] = [
            ("smoke-tests", 0.9166697187203525), ("sanity-tests", 0.9166697187203525),
            ("gate-sequence", 0.9468474993825461), ("regression-tests", 0.7661957302284143),
            ("drift-metrics", 0.9829234388308534),
        ]
        #expect(mastery.map(\.concept) == expected.map(\.0))
        for (concept, value) in expected {
            let found = try #require(mastery.first { $0.concept == concept })
            #expect(abs(found.mastery - value) < 1e-9, "\(concept): \(found.mastery), expected \(value)")
            #expect(found.cards == 1)
        }
        // Answered only wrong: counted, and no recall figure to show.
        let regression = try #require(mastery.first { $0.concept == "regression-tests" })
        #expect([regression.asked, regression.right] == [1, 0] && regression.recallOnceRight == nil)
        let drift = try #require(mastery.first { $0.concept == "drift-metrics" })
        #expect([drift.asked, drift.right] == [1, 1] && drift.recallOnceRight == drift.mastery)

        // Two days later the same cards, three days after their reviews.
        let later = try store.conceptMastery(
            profile: "ada", questions: bank, at: Self.start.addingTimeInterval(2 * 86_400))
        #expect(abs(later.first { $0.concept == "regression-tests" }!.mastery - 0.6595032117265339) < 1e-9)
        #expect(abs(later.first { $0.concept == "drift-metrics" }!.mastery - 0.9542852058192565) < 1e-9)
    }

    @Test func masteryAveragesOverTheConceptsCards() throws {
        let directory = try TemporaryDirectory()
        let store = try ProgressStore(path: directory.path("progress.sqlite"))
        let extra = Question(
            id: "psi-moderate", lessonId: "09-monitoring-drift", kind: .truefalse, difficulty: .easy,
            concepts: ["drift-metrics"], prompt: "PSI 0.15 is moderate drift.", options: [], answer: .truth(true),
            explanation: "0.1 to 0.2 is moderate.", hint: "Two thresholds.", mistakes: [],
            location: SourceLocation(file: "x", line: 1, column: 1))
        let bank = try QuestionBank(try fixtureQuestions() + [extra])
        try record(store, "psi-significant", .easy, at: Self.start)
        try store.recordAnswer(
            AnswerRecord(
                profile: "ada", attemptId: nil, questionId: "psi-moderate", lessonId: "09-monitoring-drift", given: "f",
                correct: false, skipped: false, hinted: false, points: 0, maxPoints: 1, seconds: 3,
                answeredAt: Self.start, rating: .again))
        let drift = try #require(try store.conceptMastery(profile: "ada", questions: bank, at: Self.start).first)
        #expect(drift.concept == "drift-metrics" && drift.cards == 2)
        #expect(abs(drift.mastery - (0.9829234388308534 + 0.7661957302284143) / 2) < 1e-9)
    }
}
