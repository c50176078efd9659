import Foundation
import GRDB

/// Review answers belong to attempts of scope `review`, as quiz answers belong to theirs.
extension ProgressStore {
    /// The scope of the attempt a `review` session opens.
    package static let reviewScope = "review"

    /// Gives every answer stored without an attempt (reviews before attempts were opened for
    /// them) an attempt of scope `review`: one per profile and day, started at its first answer
    /// and finished at its last, so that every exported answer has an `attempt_id`.
    static func registerReviewAttemptMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-review-answers-have-attempts") { db in
            let groups = try Row.fetchAll(
                db,
                sql: """
                    SELECT profile, date(answered_at) AS day, MIN(answered_at) AS first, MAX(answered_at) AS last
                    FROM quiz_answer WHERE attempt_id IS NULL GROUP BY profile, date(answered_at)
                    """)
            for group in groups {
                let profile: String = group["profile"]
                let day: String? = group["day"]
                try db.execute(
                    sql: """
                        INSERT INTO quiz_attempt (profile, scope, difficulty, seed, started_at, finished_at)
                        VALUES (?, ?, NULL, 0, ?, ?)
                        """,
                    arguments: [profile, reviewScope, group["first"] as DatabaseValue, group["last"] as DatabaseValue])
                try db.execute(
                    sql: """
                        UPDATE quiz_answer SET attempt_id = ?
                        WHERE attempt_id IS NULL AND profile = ? AND date(answered_at) IS ?
                        """,
                    arguments: [db.lastInsertedRowID, profile, day])
            }
        }
    }
}
