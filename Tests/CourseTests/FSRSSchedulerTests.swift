import Foundation
import Testing

@testable import Course

/// One review of a reference sequence and the card the `fsrs` package produced after it.
struct ReferenceReview: Sendable, CustomStringConvertible {
    var rating: Rating
    var at: String
    var state: CardState
    var step: Int?
    var stability: Double
    var difficulty: Double
    var due: String

    init(_ rating: Rating, at: String, state: CardState, step: Int?, stability: Double, difficulty: Double, due: String)
    {
        self.rating = rating
        self.at = at
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
    }

    var description: String { "\(rating) at \(at)" }
}

/// A named sequence of reviews of one new card.
struct ReferenceSequence: Sendable, CustomStringConvertible {
    var name: String
    var reviews: [ReferenceReview]
    init(_ name: String, _ reviews: [ReferenceReview]) {
        self.name = name
        self.reviews = reviews
    }
    var description: String { name }
}

func utc(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)!
}

func isoText(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
}

/// The scheduler against the `fsrs` package (References/fsrs_references.py, fuzzing off):
/// the same due times to the second, stability and difficulty to 1e-6, on the same ratings at
/// the same review times.
@Suite struct FSRSSchedulerTests {
    // fsrs 6.3.2, start 2025-01-01T09:00:00Z, fuzzing off
    static let sequences: [ReferenceSequence] = [
        ReferenceSequence(
            "goodAtEveryDue",
            [
                .init(
                    .good, at: "2025-01-01T09:00:00Z", state: .learning, step: 1, stability: 2.3065,
                    difficulty: 2.118103970459016, due: "2025-01-01T09:10:00Z"),
                .init(
                    .good, at: "2025-01-01T09:10:00Z", state: .review, step: nil, stability: 2.3065,
                    difficulty: 2.111214235785395, due: "2025-01-03T09:10:00Z"),
                .init(
                    .good, at: "2025-01-03T09:10:00Z", state: .review, step: nil, stability: 10.971048263078135,
                    difficulty: 2.1043313908464483, due: "2025-01-14T09:10:00Z"),
                .init(
                    .good, at: "2025-01-14T09:10:00Z", state: .review, step: nil, stability: 46.316858440073425,
                    difficulty: 2.0974554287524403, due: "2025-03-01T09:10:00Z"),
                .init(
                    .good, at: "2025-03-01T09:10:00Z", state: .review, step: nil, stability: 162.99981577472244,
                    difficulty: 2.0905863426205262, due: "2025-08-11T09:10:00Z"),
                .init(
                    .good, at: "2025-08-11T09:10:00Z", state: .review, step: nil, stability: 497.8765551245907,
                    difficulty: 2.083724125574744, due: "2026-12-22T09:10:00Z"),
            ]),
        ReferenceSequence(
            "againThenGood",
            [
                .init(
                    .again, at: "2025-01-01T09:00:00Z", state: .learning, step: 0, stability: 0.212, difficulty: 6.4133,
                    due: "2025-01-01T09:01:00Z"),
                .init(
                    .again, at: "2025-01-01T09:01:00Z", state: .learning, step: 0, stability: 0.08335671711031604,
                    difficulty: 8.806304468856837, due: "2025-01-01T09:02:00Z"),
                .init(
                    .good, at: "2025-01-01T09:02:00Z", state: .learning, step: 1, stability: 0.10314065007785231,
                    difficulty: 8.792726533684817, due: "2025-01-01T09:12:00Z"),
                .init(
                    .good, at: "2025-01-01T09:12:00Z", state: .review, step: nil, stability: 0.12584423732556518,
                    difficulty: 8.77916217644797, due: "2025-01-02T09:12:00Z"),
                .init(
                    .good, at: "2025-01-02T09:12:00Z", state: .review, step: nil, stability: 0.7789614697751799,
                    difficulty: 8.76561138356836, due: "2025-01-03T09:12:00Z"),
                .init(
                    .good, at: "2025-01-03T09:12:00Z", state: .review, step: nil, stability: 1.941503313108059,
                    difficulty: 8.752074141481629, due: "2025-01-05T09:12:00Z"),
            ]),
        ReferenceSequence(
            "hardInLearning",
            [
                .init(
                    .hard, at: "2025-01-01T09:00:00Z", state: .learning, step: 0, stability: 1.2931,
                    difficulty: 5.112170705601056, due: "2025-01-01T09:05:30Z"),
                .init(
                    .hard, at: "2025-01-01T09:05:30Z", state: .learning, step: 0, stability: 1.2931,
                    difficulty: 6.7404595108297, due: "2025-01-01T09:11:00Z"),
                .init(
                    .good, at: "2025-01-01T09:11:00Z", state: .learning, step: 1, stability: 1.3358997622047517,
                    difficulty: 6.728947420615708, due: "2025-01-01T09:21:00Z"),
                .init(
                    .hard, at: "2025-01-01T09:21:00Z", state: .learning, step: 1, stability: 1.3358997622047517,
                    difficulty: 7.813751236051346, due: "2025-01-01T09:31:00Z"),
                .init(
                    .good, at: "2025-01-01T09:31:00Z", state: .review, step: nil, stability: 1.3771622371865915,
                    difficulty: 7.801165854112133, due: "2025-01-02T09:31:00Z"),
                .init(
                    .easy, at: "2025-01-02T09:31:00Z", state: .review, step: nil, stability: 4.702306715824056,
                    difficulty: 7.051646317524445, due: "2025-01-07T09:31:00Z"),
            ]),
        ReferenceSequence(
            "easyThenLapse",
            [
                .init(
                    .easy, at: "2025-01-01T09:00:00Z", state: .review, step: nil, stability: 8.2956, difficulty: 1.0,
                    due: "2025-01-09T09:00:00Z"),
                .init(
                    .good, at: "2025-01-09T09:00:00Z", state: .review, step: nil, stability: 38.90514998232684,
                    difficulty: 1.0, due: "2025-02-17T09:00:00Z"),
                .init(
                    .again, at: "2025-02-17T09:00:00Z", state: .relearning, step: 0, stability: 2.8623266774582303,
                    difficulty: 7.0269895692968385, due: "2025-02-17T09:10:00Z"),
                .init(
                    .hard, at: "2025-02-17T09:10:00Z", state: .relearning, step: 0, stability: 2.8623266774582303,
                    difficulty: 8.011605503110008, due: "2025-02-17T09:25:00Z"),
                .init(
                    .good, at: "2025-02-17T09:25:00Z", state: .review, step: nil, stability: 2.8623266774582303,
                    difficulty: 7.998822266903736, due: "2025-02-20T09:25:00Z"),
                .init(
                    .good, at: "2025-02-20T09:25:00Z", state: .review, step: nil, stability: 6.878593043239243,
                    difficulty: 7.9860518139336705, due: "2025-02-27T09:25:00Z"),
            ]),
        ReferenceSequence(
            "lateReviews",
            [
                .init(
                    .good, at: "2025-01-01T09:00:00Z", state: .learning, step: 1, stability: 2.3065,
                    difficulty: 2.118103970459016, due: "2025-01-01T09:10:00Z"),
                .init(
                    .good, at: "2025-01-01T09:10:00Z", state: .review, step: nil, stability: 2.3065,
                    difficulty: 2.111214235785395, due: "2025-01-03T09:10:00Z"),
                .init(
                    .good, at: "2025-01-08T09:10:00Z", state: .review, step: nil, stability: 21.42621174777395,
                    difficulty: 2.1043313908464483, due: "2025-01-29T09:10:00Z"),
                .init(
                    .hard, at: "2025-02-08T09:10:00Z", state: .review, step: nil, stability: 69.1355406530845,
                    difficulty: 4.743715608383524, due: "2025-04-18T09:10:00Z"),
                .init(
                    .again, at: "2025-05-18T09:10:00Z", state: .relearning, step: 0, stability: 3.41635325236276,
                    difficulty: 8.257523432506366, due: "2025-05-18T09:20:00Z"),
                .init(
                    .easy, at: "2025-05-19T09:20:00Z", state: .review, step: nil, stability: 6.283749517694872,
                    difficulty: 7.660497332354876, due: "2025-05-25T09:20:00Z"),
            ]),
        ReferenceSequence(
            "sameDayRepeats",
            [
                .init(
                    .good, at: "2025-01-01T09:00:00Z", state: .learning, step: 1, stability: 2.3065,
                    difficulty: 2.118103970459016, due: "2025-01-01T09:10:00Z"),
                .init(
                    .good, at: "2025-01-01T09:01:00Z", state: .review, step: nil, stability: 2.3065,
                    difficulty: 2.111214235785395, due: "2025-01-03T09:01:00Z"),
                .init(
                    .easy, at: "2025-01-01T09:10:00Z", state: .review, step: nil, stability: 3.946054067969477,
                    difficulty: 1.0, due: "2025-01-05T09:10:00Z"),
                .init(
                    .again, at: "2025-01-01T10:00:00Z", state: .relearning, step: 0, stability: 1.2800093588060393,
                    difficulty: 7.0269895692968385, due: "2025-01-01T10:10:00Z"),
                .init(
                    .good, at: "2025-01-01T11:00:00Z", state: .review, step: nil, stability: 1.3232614904764382,
                    difficulty: 7.0151909490243805, due: "2025-01-02T11:00:00Z"),
                .init(
                    .good, at: "2025-01-01T11:01:00Z", state: .review, step: nil, stability: 1.3649870851200507,
                    difficulty: 7.003404127372194, due: "2025-01-02T11:01:00Z"),
            ]),
        ReferenceSequence(
            "quizAnswersOverWeeks",
            [
                .init(
                    .again, at: "2025-01-01T09:00:00Z", state: .learning, step: 0, stability: 0.212, difficulty: 6.4133,
                    due: "2025-01-01T09:01:00Z"),
                .init(
                    .good, at: "2025-01-03T09:00:00Z", state: .learning, step: 1, stability: 2.4329484753070623,
                    difficulty: 6.402115069296838, due: "2025-01-03T09:10:00Z"),
                .init(
                    .hard, at: "2025-01-06T09:00:00Z", state: .learning, step: 1, stability: 6.050030072680837,
                    difficulty: 7.596784690858309, due: "2025-01-06T09:10:00Z"),
                .init(
                    .easy, at: "2025-01-13T09:00:00Z", state: .review, step: nil, stability: 23.103758350567478,
                    difficulty: 6.7789704936734, due: "2025-02-05T09:00:00Z"),
                .init(
                    .good, at: "2025-02-10T09:00:00Z", state: .review, step: nil, stability: 58.718470535329466,
                    difficulty: 6.767419892476565, due: "2025-04-10T09:00:00Z"),
                .init(
                    .again, at: "2025-07-20T09:00:00Z", state: .relearning, step: 0, stability: 3.435939605617264,
                    difficulty: 8.922701269498617, due: "2025-07-20T09:10:00Z"),
                .init(
                    .good, at: "2025-07-21T09:00:00Z", state: .review, step: nil, stability: 4.5952849376705425,
                    difficulty: 8.909006937525955, due: "2025-07-26T09:00:00Z"),
            ]),
        ReferenceSequence(
            "easyStreakToCap",
            [
                .init(
                    .easy, at: "2025-01-01T09:00:00Z", state: .review, step: nil, stability: 8.2956, difficulty: 1.0,
                    due: "2025-01-09T09:00:00Z"),
                .init(
                    .easy, at: "2025-01-09T09:00:00Z", state: .review, step: nil, stability: 65.62422616189994,
                    difficulty: 1.0, due: "2025-03-16T09:00:00Z"),
                .init(
                    .easy, at: "2025-03-16T09:00:00Z", state: .review, step: nil, stability: 396.7750233497581,
                    difficulty: 1.0, due: "2026-04-17T09:00:00Z"),
                .init(
                    .easy, at: "2026-04-17T09:00:00Z", state: .review, step: nil, stability: 1874.9169554074524,
                    difficulty: 1.0, due: "2031-06-05T09:00:00Z"),
                .init(
                    .easy, at: "2031-06-05T09:00:00Z", state: .review, step: nil, stability: 7265.432894791257,
                    difficulty: 1.0, due: "2051-04-26T09:00:00Z"),
                .init(
                    .easy, at: "2051-04-26T09:00:00Z", state: .review, step: nil, stability: 23932.922499822544,
                    difficulty: 1.0, due: "2116-11-04T09:00:00Z"),
                .init(
                    .easy, at: "2116-11-04T09:00:00Z", state: .review, step: nil, stability: 68949.18220077343,
                    difficulty: 1.0, due: "2216-10-11T09:00:00Z"),
                .init(
                    .easy, at: "2216-10-11T09:00:00Z", state: .review, step: nil, stability: 135806.9865065576,
                    difficulty: 1.0, due: "2316-09-17T09:00:00Z"),
            ]),
    ]

    /// Retrievability of a card rated good at 09:00 and again at its due time, 09:10.
    static let retrievability: [(String, Double)] = [
        ("2025-01-01T09:10:00Z", 1.0),
        ("2025-01-01T10:10:00Z", 1.0),
        ("2025-01-02T09:09:59Z", 1.0),
        ("2025-01-02T09:10:00Z", 0.9468474993825461),
        ("2025-01-04T11:10:00Z", 0.8809479557659419),
        ("2025-01-11T09:10:00Z", 0.7743669167614039),
        ("2025-04-11T09:10:00Z", 0.5589067446271925),
    ]

    @Test(arguments: sequences)
    func matchesTheReferenceScheduler(_ sequence: ReferenceSequence) {
        let scheduler = FSRSScheduler()
        var card = ReviewCard.new(at: utc("2025-01-01T09:00:00Z"))
        for (number, expected) in sequence.reviews.enumerated() {
            card = scheduler.review(card, rating: expected.rating, at: utc(expected.at))
            let context = "\(sequence.name) review \(number + 1) (\(expected))"
            #expect(card.state == expected.state, "\(context): state \(card.state), expected \(expected.state)")
            #expect(
                card.step == expected.step,
                "\(context): step \(String(describing: card.step)), expected \(String(describing: expected.step))")
            #expect(
                abs(card.stability! - expected.stability) <= 1e-6,
                "\(context): stability \(card.stability!), expected \(expected.stability)")
            #expect(
                abs(card.difficulty! - expected.difficulty) <= 1e-6,
                "\(context): difficulty \(card.difficulty!), expected \(expected.difficulty)")
            #expect(isoText(card.due) == expected.due, "\(context): due \(isoText(card.due)), expected \(expected.due)")
            #expect(card.lastReview == utc(expected.at))
        }
    }

    @Test func retrievabilityCountsWholeDaysAsTheReferenceDoes() {
        let scheduler = FSRSScheduler()
        var card = ReviewCard.new(at: utc("2025-01-01T09:00:00Z"))
        card = scheduler.review(card, rating: .good, at: utc("2025-01-01T09:00:00Z"))
        card = scheduler.review(card, rating: .good, at: card.due)
        for (moment, expected) in Self.retrievability {
            let value = scheduler.retrievability(of: card, at: utc(moment))
            #expect(abs(value - expected) <= 1e-9, "at \(moment): \(value), expected \(expected)")
        }
    }

    @Test func aNewCardHasNoRetrievability() {
        let card = ReviewCard.new(at: utc("2025-01-01T09:00:00Z"))
        #expect(card.state == .learning && card.step == 0 && card.stability == nil)
        #expect(FSRSScheduler().retrievability(of: card, at: utc("2025-01-02T09:00:00Z")) == 0)
        #expect(FSRSScheduler().recallProbability(of: card, at: utc("2025-01-02T09:00:00Z")) == 0)
    }

    @Test func recallProbabilityFollowsTheCurveBetweenWholeDays() {
        let scheduler = FSRSScheduler()
        let card = scheduler.review(
            .new(at: utc("2025-01-01T09:00:00Z")), rating: .good, at: utc("2025-01-01T09:00:00Z"))
        // Half a day after a first "good" (stability 2.3065): (1 + factor * 0.5 / 2.3065) ^ -0.1542.
        let factor = pow(0.9, 1 / -0.1542) - 1
        let expected = pow(1 + factor * 0.5 / 2.3065, -0.1542)
        #expect(abs(scheduler.recallProbability(of: card, at: utc("2025-01-01T21:00:00Z")) - expected) <= 1e-12)
        #expect(scheduler.retrievability(of: card, at: utc("2025-01-01T21:00:00Z")) == 1)
    }
}

/// How quiz outcomes rate for spaced review.
@Suite struct AnswerRatingTests {
    @Test(arguments: [
        (false, false, false, 3.0, Question.Difficulty.easy, Rating.again),
        (false, true, false, 3.0, .easy, .again),
        (false, false, true, 3.0, .easy, .again),
        (true, true, false, 3.0, .easy, .hard),
        (true, false, false, 10.0, .easy, .easy),
        (true, false, false, 10.5, .easy, .good),
        (true, false, false, 20.0, .medium, .easy),
        (true, false, false, 25.0, .medium, .good),
        (true, false, false, 30.0, .hard, .easy),
        (true, false, false, 31.0, .hard, .good),
    ])
    func ratesAnswers(
        correct: Bool, hinted: Bool, skipped: Bool, seconds: Double, difficulty: Question.Difficulty, expected: Rating
    ) {
        let rating = Rating.forAnswer(
            correct: correct, hinted: hinted, skipped: skipped, seconds: seconds, difficulty: difficulty)
        #expect(rating == expected)
    }
}
