import ArgumentParser
import Course
import Foundation
import LabSupport

/// `quiz [LESSON|CONCEPT] [--difficulty D] [--count N] [--seed S]`: practice questions.
struct QuizCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.learning

    static let configuration = CommandConfiguration(
        commandName: "quiz", abstract: "Practice questions, from one lesson or concept or the whole course.")

    @Argument(help: "A lesson (id or number) or a concept id; the whole course when omitted.")
    var scope: String?
    @Option(help: "Only questions of this difficulty: easy, medium or hard.")
    var difficulty: String?
    @Option(help: "How many questions to ask (default 5).")
    var count: Int?
    @Option(help: "Seed for the choice and order of questions and options.")
    var seed: UInt64?

    static var completion: CommandCompletion {
        CommandCompletion(
            values: .dynamic { session in
                guard let catalog = try? session.catalog() else { return [] }
                let bank = try? QuestionBank.load(from: catalog)
                return catalog.lessons.map(\.id) + (bank?.concepts ?? [])
            })
    }

    func run(in session: LabSession) throws -> Int32 {
        let catalog = try session.catalog()
        let bank = try QuestionBank.load(from: catalog)
        var level: Question.Difficulty?
        if let difficulty {
            guard let parsed = Question.Difficulty(rawValue: difficulty.lowercased()) else {
                throw LabError(.usageBadDifficulty, "--difficulty is '\(difficulty)'; expected easy, medium or hard")
            }
            level = parsed
        }
        let lessonScope = scope.flatMap { catalog.lesson($0)?.id } ?? scope
        let plan = try QuizPlanner.plan(
            bank, scope: lessonScope, difficulty: level, count: count,
            seed: seed ?? UInt64(Date().timeIntervalSince1970 * 1000))
        var quiz = try QuizSession.start(plan, store: session.store(), profile: session.profile())
        let runner = QuizRunner(session: session)
        try runner.run(&quiz)
        runner.summarise(quiz.summary)
        return 0
    }
}

/// `review [--stats]`: the questions due for spaced review, scheduled by FSRS.
struct ReviewCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.learning

    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Answer the questions due for spaced review (FSRS).")

    @Flag(help: "Show how many cards are due today and this week, and your retention.")
    var stats = false
    @Option(help: "Review at most this many cards.")
    var count: Int?

    static var completion: CommandCompletion { CommandCompletion(values: .none) }

    func run(in session: LabSession) throws -> Int32 {
        let store = try session.store()
        let profile = try session.profile()
        let now = Date()
        if stats {
            let figures = try store.reviewStats(profile: profile, at: now)
            if session.wantsJSON {
                try session.console.json(figures)
                return 0
            }
            var table = TextTable(
                headers: ["CARDS", "DUE NOW", "DUE TODAY", "DUE THIS WEEK", "RETENTION"],
                rightAligned: [0, 1, 2, 3, 4])
            table.append([
                "\(figures.cards)", "\(figures.dueNow)", "\(figures.dueToday)", "\(figures.dueThisWeek)",
                figures.retention.map { String(format: "%.0f%%", $0 * 100) } ?? "–",
            ])
            session.console.line(table.render(session.style))
            return 0
        }
        let due = try store.dueCards(profile: profile, at: now, limit: count)
        guard !due.isEmpty else {
            let next = try store.reviewStats(profile: profile, at: now)
            session.console.line(
                next.cards == 0
                    ? "Nothing to review yet: questions you answer in `quiz` become review cards."
                    : "Nothing is due now. \(next.dueToday) due later today, \(next.dueThisWeek) this week.")
            return 0
        }
        let bank = try QuestionBank.load(from: session.catalog())
        let plan = QuizPlanner.reviewPlan(
            bank, questionIds: due.map(\.questionId),
            seed: UInt64(now.timeIntervalSince1970))
        var quiz = try QuizSession.review(plan, store: store, profile: profile)
        let runner = QuizRunner(session: session)
        try runner.run(&quiz)
        runner.summarise(quiz.summary)
        return 0
    }
}
