package import Foundation
import GRDB

/// A review card with the question it belongs to.
package struct StoredCard: Sendable, Equatable {
    package var questionId: String
    package var card: ReviewCard
}

/// Counts for `review --stats`.
package struct ReviewStats: Sendable, Equatable, Encodable {
    /// Cards (questions answered at least once).
    package var cards: Int
    package var learning: Int
    package var review: Int
    package var relearning: Int
    /// Cards due now or overdue.
    package var dueNow: Int
    /// Cards due before the end of today (including those due now).
    package var dueToday: Int
    /// Cards due before the end of the seventh day, counting today.
    package var dueThisWeek: Int
    /// Every rating given, first answers included.
    package var ratings: Int
    /// Ratings of cards seen before: the ones that test memory.
    package var reviews: Int
    /// The share of `reviews` not rated again, `nil` before the first one.
    package var retention: Double?
}

/// A concept's mastery: how often its questions were answered right, and how likely they are
/// to be recalled.
package struct ConceptMastery: Sendable, Equatable, Encodable {
    package var concept: String
    /// Cards of questions tagged with the concept.
    package var cards: Int
    /// The mean probability of recall over those cards a day ahead, 0 to 1 (FSRS retrievability).
    package var mastery: Double
    /// Answers given to the concept's questions (skips included).
    package var asked: Int = 0
    /// Those answers that were right.
    package var right: Int = 0

    /// The recall probability worth showing: `nil` until the concept has been answered right
    /// once, since FSRS gives a card answered only wrong a high retrievability for a while.
    package var recallOnceRight: Double? { right > 0 ? mastery : nil }
}

/// Review cards, the review log, and the figures drawn from them.
extension ProgressStore {
    package func card(profile: String, questionId: String) throws -> ReviewCard? {
        try pool.read { db in try fetchCard(db, profile: profile, questionId: questionId) }
    }

    /// Every card of the profile, by question id.
    package func cards(profile: String) throws -> [StoredCard] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM review_card WHERE profile = ? ORDER BY question_id", arguments: [profile]
            ).map(storedCard)
        }
    }

    /// Cards due at `now`, most overdue first, at most `limit` of them.
    package func dueCards(profile: String, at now: Date, limit: Int? = nil) throws -> [StoredCard] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM review_card WHERE profile = ? AND due <= ?
                    ORDER BY due, question_id LIMIT ?
                    """,
                arguments: [profile, now, limit ?? -1]
            ).map(storedCard)
        }
    }

    /// Counts of cards by state and by when they are due, and the retention so far.
    ///
    /// Retention counts only ratings of a card after its first: the first answer to a question
    /// says whether it was known, not whether it was remembered.
    package func reviewStats(profile: String, at now: Date, calendar: Calendar = .current) throws -> ReviewStats {
        let startOfToday = calendar.startOfDay(for: now)
        let endOfToday = calendar.date(byAdding: .day, value: 1, to: startOfToday) ?? now.addingTimeInterval(86_400)
        let endOfWeek = calendar.date(byAdding: .day, value: 7, to: startOfToday) ?? now.addingTimeInterval(7 * 86_400)
        return try pool.read { db in
            let cards = try Row.fetchAll(db, sql: "SELECT * FROM review_card WHERE profile = ?", arguments: [profile])
                .map(storedCard).map(\.card)
            let log = try Row.fetchAll(
                db, sql: "SELECT question_id, rating FROM review_log WHERE profile = ? ORDER BY reviewed_at, id",
                arguments: [profile])
            var seen = Set<String>()
            var reviews = 0
            var remembered = 0
            for row in log {
                let question: String = row["question_id"]
                if seen.insert(question).inserted { continue }
                reviews += 1
                if (row["rating"] as Int) != Rating.again.rawValue { remembered += 1 }
            }
            return ReviewStats(
                cards: cards.count,
                learning: cards.filter { $0.state == .learning }.count,
                review: cards.filter { $0.state == .review }.count,
                relearning: cards.filter { $0.state == .relearning }.count,
                dueNow: cards.filter { $0.due <= now }.count,
                dueToday: cards.filter { $0.due < endOfToday }.count,
                dueThisWeek: cards.filter { $0.due < endOfWeek }.count,
                ratings: log.count, reviews: reviews,
                retention: reviews == 0 ? nil : Double(remembered) / Double(reviews))
        }
    }

    /// Mastery per concept: the mean probability of recall of the concept's cards `horizon`
    /// after `now` (a day by default).
    ///
    /// Looking a day ahead is what makes the figure mean something: right after any answer,
    /// right or wrong, FSRS puts recall near 100 %, but a day later a question answered wrong
    /// (low stability) has faded far more than one answered right. Concepts whose questions
    /// have never been answered are left out. `questions` maps the course's questions to their
    /// concepts (a card whose question left the course is ignored).
    package func conceptMastery(
        profile: String, questions: QuestionBank, at now: Date, horizon: TimeInterval = 86_400,
        scheduler: FSRSScheduler = FSRSScheduler()
    ) throws -> [ConceptMastery] {
        var recall: [String: [Double]] = [:]
        var asked: [String: Int] = [:]
        var right: [String: Int] = [:]
        let counts = try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT question_id, COUNT(*) AS asked, SUM(correct) AS right FROM quiz_answer
                    WHERE profile = ? GROUP BY question_id
                    """, arguments: [profile])
        }
        for row in counts {
            guard let question = questions.question(id: row["question_id"]) else { continue }
            for concept in question.concepts {
                asked[concept, default: 0] += row["asked"] as Int
                right[concept, default: 0] += row["right"] as Int
            }
        }
        for stored in try cards(profile: profile) {
            guard let question = questions.question(id: stored.questionId) else { continue }
            let value = scheduler.recallProbability(of: stored.card, at: now.addingTimeInterval(horizon))
            for concept in question.concepts { recall[concept, default: []].append(value) }
        }
        return questions.concepts.compactMap { concept in
            guard let values = recall[concept] else { return nil }
            return ConceptMastery(
                concept: concept, cards: values.count, mastery: values.reduce(0, +) / Double(values.count),
                asked: asked[concept] ?? 0, right: right[concept] ?? 0)
        }
    }

    func fetchCard(_ db: Database, profile: String, questionId: String) throws -> ReviewCard? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM review_card WHERE profile = ? AND question_id = ?",
            arguments: [profile, questionId]
        ).map(storedCard)?.card
    }

    func saveCard(_ db: Database, _ card: ReviewCard, profile: String, questionId: String) throws {
        try db.execute(
            sql: """
                INSERT INTO review_card (profile, question_id, state, step, stability, difficulty, due, last_review)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (profile, question_id) DO UPDATE SET state = excluded.state, step = excluded.step,
                    stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,
                    last_review = excluded.last_review
                """,
            arguments: [
                profile, questionId, card.state.rawValue, card.step, card.stability, card.difficulty, card.due,
                card.lastReview,
            ])
    }

    private func storedCard(_ row: Row) -> StoredCard {
        StoredCard(
            questionId: row["question_id"],
            card: ReviewCard(
                state: CardState(rawValue: row["state"]) ?? .learning, step: row["step"], stability: row["stability"],
                difficulty: row["difficulty"], due: row["due"], lastReview: row["last_review"]))
    }
}
