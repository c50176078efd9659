package import Foundation

/// One quiz or review in progress: the question being asked, hints, skips and answers.
///
/// It does no terminal I/O: the shell shows `current`, passes on what the learner types, and
/// shows the `Feedback`. Each answer (and each skip) is stored with its review card before
/// `answer(_:)` or `skip()` returns, so quitting or a crash loses nothing already answered.
package struct QuizSession {
    package let plan: QuizPlan
    package let profile: String
    /// The stored attempt: a quiz's, or a review's (scope `review`).
    package let attemptId: Int64
    private let store: ProgressStore
    private let scheduler: FSRSScheduler
    private let clock: @Sendable () -> Date

    /// The index in `plan.questions` of the question being asked.
    package private(set) var index = 0
    /// Whether the learner has asked for the current question's hint.
    package private(set) var hintUsed = false
    private var askedAt: Date
    private var results: [(question: Question, feedback: Feedback)] = []

    /// Starts a quiz: opens its attempt in the store and asks the first question.
    package static func start(
        _ plan: QuizPlan, store: ProgressStore, profile: String,
        scheduler: FSRSScheduler = FSRSScheduler(), clock: @escaping @Sendable () -> Date = { Date() }
    ) throws -> QuizSession {
        let attempt = try store.startQuizAttempt(
            profile: profile, scope: plan.scope, difficulty: plan.difficulty, seed: plan.seed, at: clock())
        return QuizSession(
            plan: plan, store: store, profile: profile, attemptId: attempt, scheduler: scheduler, clock: clock)
    }

    /// Starts a review of due questions: opens an attempt of scope `review`, so that its
    /// answers carry an attempt id as a quiz's do.
    package static func review(
        _ plan: QuizPlan, store: ProgressStore, profile: String,
        scheduler: FSRSScheduler = FSRSScheduler(), clock: @escaping @Sendable () -> Date = { Date() }
    ) throws -> QuizSession {
        let attempt = try store.startQuizAttempt(
            profile: profile, scope: ProgressStore.reviewScope, difficulty: nil, seed: plan.seed, at: clock())
        return QuizSession(
            plan: plan, store: store, profile: profile, attemptId: attempt, scheduler: scheduler, clock: clock)
    }

    private init(
        plan: QuizPlan, store: ProgressStore, profile: String, attemptId: Int64, scheduler: FSRSScheduler,
        clock: @escaping @Sendable () -> Date
    ) {
        self.plan = plan
        self.store = store
        self.profile = profile
        self.attemptId = attemptId
        self.scheduler = scheduler
        self.clock = clock
        askedAt = clock()
    }

    /// The question being asked, `nil` once every question is done.
    package var current: PresentedQuestion? {
        index < plan.questions.count ? plan.questions[index] : nil
    }

    package var isFinished: Bool { current == nil }

    /// The current question's number, counting from 1, and the number of questions.
    package var position: (number: Int, total: Int) { (min(index + 1, plan.questions.count), plan.questions.count) }

    /// The points the current question is worth now (halved once the hint is shown).
    package var pointsAvailable: Double {
        guard let current else { return 0 }
        return QuizScoring.points(difficulty: current.question.difficulty, correct: true, hinted: hintUsed)
    }

    /// Shows the current question's hint; from now on a right answer earns half the points.
    package mutating func hint() -> String? {
        guard let current else { return nil }
        hintUsed = true
        return current.question.hint
    }

    /// Gives up on the current question: no points, and it comes back soon in review.
    package mutating func skip() throws -> Feedback? {
        guard current != nil else { return nil }
        return try record(nil)
    }

    /// Judges `input` as the answer to the current question and records it, or asks for it
    /// again if it cannot be read (recording nothing).
    package mutating func answer(_ input: String) throws -> AnswerReply? {
        guard let current else { return nil }
        switch AnswerParser.read(input, for: current) {
        case .unreadable(let message): return .unreadable(message)
        case .answer(let given): return .feedback(try record(given))
        }
    }

    /// The score of what has been done so far.
    package var summary: QuizSummary {
        QuizSummary(asked: plan.questions.count, results: results)
    }

    private mutating func record(_ given: Answer?) throws -> Feedback {
        let presented = plan.questions[index]
        let question = presented.question
        let now = clock()
        let seconds = max(0, now.timeIntervalSince(askedAt))
        let correct = given.map(question.isCorrect) ?? false
        let points = QuizScoring.points(difficulty: question.difficulty, correct: correct, hinted: hintUsed)
        let rating = Rating.forAnswer(
            correct: correct, hinted: hintUsed, skipped: given == nil, seconds: seconds, difficulty: question.difficulty
        )
        let card = try store.recordAnswer(
            AnswerRecord(
                profile: profile, attemptId: attemptId, questionId: question.id, lessonId: question.lessonId,
                given: given?.authoredText ?? "", correct: correct, skipped: given == nil, hinted: hintUsed,
                points: points, maxPoints: question.difficulty.points, seconds: seconds, answeredAt: now,
                rating: rating, finishesAttempt: index + 1 == plan.questions.count),
            scheduler: scheduler)
        let feedback = Feedback(
            questionId: question.id, correct: correct, skipped: given == nil, hinted: hintUsed,
            given: given.map(presented.display), correctAnswer: presented.correctAnswerText,
            explanation: question.explanation, mistakes: given.map(question.mistakes(matching:)) ?? [],
            points: points, maxPoints: question.difficulty.points, rating: rating, card: card)
        results.append((question, feedback))
        index += 1
        hintUsed = false
        askedAt = clock()
        return feedback
    }
}
