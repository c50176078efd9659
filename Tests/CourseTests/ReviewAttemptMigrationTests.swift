import Foundation
import GRDB
import Testing

@testable import Course

/// Answers stored by reviews before reviews opened attempts get one when the store opens.
@Suite struct ReviewAttemptMigrationTests {
    @Test func answersWithoutAnAttemptGetAReviewAttemptPerProfileAndDay() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("progress.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try ProgressStore.migrator.migrate(queue, upTo: "v4-free-sandbox")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO profile (name, created_at) VALUES ('ada', '2025-03-01 09:00:00.000')")
                for moment in ["2025-03-01 10:00:00.000", "2025-03-01 10:05:00.000", "2025-03-02 08:00:00.000"] {
                    try db.execute(
                        sql: """
                            INSERT INTO quiz_answer (attempt_id, profile, question_id, lesson_id, given, correct,
                                points, max_points, seconds, answered_at)
                            VALUES (NULL, 'ada', 'gate-order', 'l', 'a', 1, 1, 1, 3, ?)
                            """, arguments: [moment])
                }
            }
        }
        let store = try ProgressStore(path: path)
        let answers = try store.answers(profile: "ada")
        #expect(answers.map(\.attemptId) == [1, 1, 2])
        let attempts = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, scope, started_at, finished_at FROM quiz_attempt ORDER BY id")
                .map {
                    "\($0["id"] as Int64) \($0["scope"] as String) \($0["started_at"] as String) \($0["finished_at"] as String)"
                }
        }
        #expect(
            attempts == [
                "1 review 2025-03-01 10:00:00.000 2025-03-01 10:05:00.000",
                "2 review 2025-03-02 08:00:00.000 2025-03-02 08:00:00.000",
            ])
    }
}
