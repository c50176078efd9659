package import Foundation
import GRDB

/// One answer to store: what was asked, what was given, how it scored, and how it rates for
/// spaced review.
package struct AnswerRecord: Sendable, Equatable {
    package var profile: String
    /// The quiz attempt, or `nil` for an answer given in a review.
    package var attemptId: Int64?
    package var questionId: String
    package var lessonId: String
    /// The answer in the author's letters (`a,c`, `true`, `0.891`), empty when skipped.
    package var given: String
    package var correct: Bool
    package var skipped: Bool
    package var hinted: Bool
    package var points: Double
    package var maxPoints: Double
    package var seconds: Double
    package var answeredAt: Date
    package var rating: Rating
    /// Whether this answer ends its attempt (the attempt's `finished_at` is set with it).
    package var finishesAttempt: Bool

    package init(
        profile: String, attemptId: Int64?, questionId: String, lessonId: String, given: String,
        correct: Bool, skipped: Bool, hinted: Bool, points: Double, maxPoints: Double,
        seconds: Double, answeredAt: Date, rating: Rating, finishesAttempt: Bool = false
    ) {
        self.profile = profile
        self.attemptId = attemptId
        self.questionId = questionId
        self.lessonId = lessonId
        self.given = given
        self.correct = correct
        self.skipped = skipped
        self.hinted = hinted
        self.points = points
        self.maxPoints = maxPoints
        self.seconds = seconds
        self.answeredAt = answeredAt
        self.rating = rating
        self.finishesAttempt = finishesAttempt
    }
}

/// An answer as stored, for `export progress` and for the quiz history.
package struct StoredAnswer: Sendable, Equatable, Encodable {
    package var id: Int64
    package var attemptId: Int64?
    package var question: String
    package var lesson: String
    package var given: String
    package var correct: Bool
    package var skipped: Bool
    package var hinted: Bool
    package var points: Double
    package var maxPoints: Double
    package var seconds: Double
    package var answeredAt: Date
}

/// Quiz attempts and their answers.
extension ProgressStore {
    /// Opens a quiz attempt and returns its id.
    package func startQuizAttempt(
        profile: String, scope: String?, difficulty: Question.Difficulty?, seed: UInt64, at now: Date
    ) throws -> Int64 {
        try pool.write { db in
            try insertProfileIfMissing(db, profile, at: now)
            try db.execute(
                sql: """
                    INSERT INTO quiz_attempt (profile, scope, difficulty, seed, started_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [profile, scope ?? "all", difficulty?.rawValue, Int64(bitPattern: seed), now])
            return db.lastInsertedRowID
        }
    }

    /// Stores an answer and brings its question's review card up to date, in one transaction.
    ///
    /// After a crash, every stored answer has its card and review log entry, and no card has
    /// moved without its answer. Returns the card after the review.
    @discardableResult
    package func recordAnswer(_ record: AnswerRecord, scheduler: FSRSScheduler = FSRSScheduler()) throws -> ReviewCard {
        try pool.write { db in
            try insertProfileIfMissing(db, record.profile, at: record.answeredAt)
            try db.execute(
                sql: """
                    INSERT INTO quiz_answer (attempt_id, profile, question_id, lesson_id, given, correct,
                        skipped, hinted, points, max_points, seconds, answered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    record.attemptId, record.profile, record.questionId, record.lessonId, record.given,
                    record.correct, record.skipped, record.hinted, record.points, record.maxPoints,
                    record.seconds, record.answeredAt,
                ])
            let card =
                try fetchCard(db, profile: record.profile, questionId: record.questionId)
                ?? .new(at: record.answeredAt)
            let reviewed = scheduler.review(card, rating: record.rating, at: record.answeredAt)
            try saveCard(db, reviewed, profile: record.profile, questionId: record.questionId)
            try db.execute(
                sql:
                    "INSERT INTO review_log (profile, question_id, rating, reviewed_at, seconds) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    record.profile, record.questionId, record.rating.rawValue, record.answeredAt, record.seconds,
                ])
            if record.finishesAttempt, let attemptId = record.attemptId {
                try db.execute(
                    sql: "UPDATE quiz_attempt SET finished_at = ? WHERE id = ?",
                    arguments: [record.answeredAt, attemptId])
            }
            return reviewed
        }
    }

    /// The profile's stored answers, oldest first; only those of `attemptId` when given.
    package func answers(profile: String, attemptId: Int64? = nil) throws -> [StoredAnswer] {
        try pool.read { db in
            var sql = "SELECT * FROM quiz_answer WHERE profile = ?"
            var arguments: StatementArguments = [profile]
            if let attemptId {
                sql += " AND attempt_id = ?"
                arguments += [attemptId]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map { row in
                StoredAnswer(
                    id: row["id"], attemptId: row["attempt_id"], question: row["question_id"],
                    lesson: row["lesson_id"], given: row["given"], correct: row["correct"],
                    skipped: row["skipped"], hinted: row["hinted"], points: row["points"],
                    maxPoints: row["max_points"], seconds: row["seconds"], answeredAt: row["answered_at"])
            }
        }
    }

    /// When the attempt finished, `nil` while it is open (or was abandoned).
    package func attemptFinishedAt(_ attemptId: Int64) throws -> Date? {
        try pool.read { db in
            try Date.fetchOne(db, sql: "SELECT finished_at FROM quiz_attempt WHERE id = ?", arguments: [attemptId])
        }
    }

    /// Creates the profile row that answers and cards hang from, if it is not there yet.
    func insertProfileIfMissing(_ db: Database, _ profile: String, at now: Date) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO profile (name, created_at) VALUES (?, ?)", arguments: [profile, now])
    }
}
