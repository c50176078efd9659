package import Foundation
import GRDB

/// Everything a learner has done, gathered for `progress` and `export progress`.
package struct ProgressReport: Encodable, Sendable {
    /// One lesson's state for the learner.
    package struct LessonLine: Encodable, Sendable {
        package var id: String
        package var title: String
        package var status: String
        package var pagesRead: Int
        package var pages: Int
        package var stepsDone: Int
        package var secondsSpent: Double
    }

    /// One question's review card, as exported.
    package struct CardLine: Encodable, Sendable {
        package var question: String
        package var state: String
        package var due: Date
        package var stability: Double?
        package var difficulty: Double?
    }

    package var profile: String
    package var lessons: [LessonLine]
    package var answers: [StoredAnswer]
    package var cards: [CardLine]
    package var mastery: [ConceptMastery]
    package var quizPoints: Double
    package var quizMaxPoints: Double
    /// Consecutive days, ending today or yesterday, with at least one page read or answer given.
    package var streakDays: Int
    /// Reading time plus time spent answering questions.
    package var secondsSpent: Double

    /// Gathers the report for `profile` from the store and the course content.
    package static func build(
        store: ProgressStore, profile: String, catalog: LessonCatalog, bank: QuestionBank?,
        now: Date = Date(), calendar: Calendar = .current
    ) throws -> ProgressReport {
        let progress = try store.lessonProgress(profile: profile)
        let lessons = catalog.lessons.map { lesson -> LessonLine in
            let done = progress[lesson.id]
            return LessonLine(
                id: lesson.id, title: lesson.title,
                status: done.map { $0.completed ? "done" : "in progress" } ?? "not started",
                pagesRead: done?.pagesRead ?? 0, pages: lesson.pages.count, stepsDone: done?.stepsDone ?? 0,
                secondsSpent: done?.secondsSpent ?? 0)
        }
        let answers = try store.answers(profile: profile)
        let cards = try store.cards(profile: profile).map {
            CardLine(
                question: $0.questionId, state: $0.card.state.rawValue, due: $0.card.due,
                stability: $0.card.stability, difficulty: $0.card.difficulty)
        }
        let mastery = try bank.map { try store.conceptMastery(profile: profile, questions: $0, at: now) } ?? []
        let activity = try store.activityDays(profile: profile, calendar: calendar)
        return ProgressReport(
            profile: profile, lessons: lessons, answers: answers, cards: cards, mastery: mastery,
            quizPoints: answers.reduce(0) { $0 + $1.points }, quizMaxPoints: answers.reduce(0) { $0 + $1.maxPoints },
            streakDays: streak(activity, now: now, calendar: calendar),
            secondsSpent: lessons.reduce(0) { $0 + $1.secondsSpent } + answers.reduce(0) { $0 + $1.seconds })
    }

    /// The number of consecutive active days ending today (or yesterday, if today has none yet).
    static func streak(_ days: Set<Date>, now: Date, calendar: Calendar) -> Int {
        var day = calendar.startOfDay(for: now)
        if !days.contains(day) { day = calendar.date(byAdding: .day, value: -1, to: day) ?? day }
        var count = 0
        while days.contains(day) {
            count += 1
            guard let previous = calendar.date(byAdding: .day, value: -1, to: day) else { break }
            day = previous
        }
        return count
    }
}

extension ProgressStore {
    /// The days (at local midnight) on which the profile read a page or answered a question.
    package func activityDays(profile: String, calendar: Calendar = .current) throws -> Set<Date> {
        let moments = try pool.read { db in
            try Date.fetchAll(
                db,
                sql: """
                    SELECT read_at FROM page_read WHERE profile = ?
                    UNION ALL SELECT answered_at FROM quiz_answer WHERE profile = ?
                    """, arguments: [profile, profile])
        }
        return Set(moments.map { calendar.startOfDay(for: $0) })
    }
}
