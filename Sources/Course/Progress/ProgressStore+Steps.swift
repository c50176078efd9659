package import Foundation
import GRDB

/// Where a profile stands on one hands-on step: done or not, and how many hints it has seen.
package struct StepRecord: Equatable, Sendable {
    package var stepID: String
    /// When the step's check first passed during `check`; nil while it is not done.
    package var completedAt: Date?
    package var hintsUsed: Int

    package var done: Bool { completedAt != nil }
}

/// What recording a passed check changed.
package struct StepCompletion: Equatable, Sendable {
    /// Whether the step was done just now (false if it was done before).
    package var newlyDone: Bool
    /// Whether the lesson is completed now (every page read, every step done).
    package var lessonCompleted: Bool
}

extension ProgressStore {
    /// Adds `step_hint`, the hints seen per step, kept even before the step is done.
    ///
    /// A `step_completion` row means done, so it cannot hold them. v1 and v2 stay as they shipped.
    static func registerStepHintMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-step-hints") { db in
            try db.create(table: "step_hint") { t in
                t.column("profile", .text).notNull().references("profile", onDelete: .cascade)
                t.column("lesson_id", .text).notNull()
                t.column("step_id", .text).notNull()
                t.column("hints_used", .integer).notNull()
                t.column("last_hint_at", .datetime).notNull()
                t.primaryKey(["profile", "lesson_id", "step_id"])
            }
        }
    }

    /// The profile's records for the steps of `lesson` it has done or asked hints for.
    package func stepRecords(profile: String, lesson: String) throws -> [String: StepRecord] {
        try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT step_id, MAX(completed_at) AS completed_at, MAX(hints) AS hints FROM (
                        SELECT step_id, completed_at, hints_used AS hints FROM step_completion
                        WHERE profile = ? AND lesson_id = ?
                        UNION ALL
                        SELECT step_id, NULL, hints_used FROM step_hint WHERE profile = ? AND lesson_id = ?
                    ) GROUP BY step_id
                    """, arguments: [profile, lesson, profile, lesson])
            var records: [String: StepRecord] = [:]
            for row in rows {
                let id: String = row["step_id"]
                records[id] = StepRecord(stepID: id, completedAt: row["completed_at"], hintsUsed: row["hints"] ?? 0)
            }
            return records
        }
    }

    /// Records that the step's check passed, in one transaction: the step is done (once, with
    /// the hints it took), the time since the last activity is credited to the lesson, and the
    /// lesson is completed if every page is read and every one of its `stepCount` steps done.
    @discardableResult
    package func recordStepDone(
        profile: String, lesson: String, step: String, pageCount: Int, stepCount: Int,
        now: Date = Date(), idleCap: TimeInterval = readingIdleCap
    ) throws -> StepCompletion {
        try pool.write { db in
            try Self.creditActivity(db, profile: profile, lesson: lesson, now: now, idleCap: idleCap)
            let hints =
                try Int.fetchOne(
                    db,
                    sql: "SELECT hints_used FROM step_hint WHERE profile = ? AND lesson_id = ? AND step_id = ?",
                    arguments: [profile, lesson, step]) ?? 0
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO step_completion (profile, lesson_id, step_id, completed_at, hints_used)
                    VALUES (?, ?, ?, ?, ?)
                    """, arguments: [profile, lesson, step, now, hints])
            let newlyDone = db.changesCount > 0
            try Self.completeIfFinished(
                db, profile: profile, lesson: lesson, pageCount: pageCount, stepCount: stepCount, now: now)
            let completed = try Self.progress(db, profile: profile, lesson: lesson).completed
            return StepCompletion(newlyDone: newlyDone, lessonCompleted: completed)
        }
    }

    /// Records that one more hint of the step was shown; returns how many it has seen now.
    @discardableResult
    package func recordHintShown(
        profile: String, lesson: String, step: String, now: Date = Date(),
        idleCap: TimeInterval = readingIdleCap
    ) throws -> Int {
        try pool.write { db in
            try Self.creditActivity(db, profile: profile, lesson: lesson, now: now, idleCap: idleCap)
            try db.execute(
                sql: """
                    INSERT INTO step_hint (profile, lesson_id, step_id, hints_used, last_hint_at) VALUES (?, ?, ?, 1, ?)
                    ON CONFLICT (profile, lesson_id, step_id)
                    DO UPDATE SET hints_used = hints_used + 1, last_hint_at = excluded.last_hint_at
                    """, arguments: [profile, lesson, step, now])
            let used =
                try Int.fetchOne(
                    db,
                    sql: "SELECT hints_used FROM step_hint WHERE profile = ? AND lesson_id = ? AND step_id = ?",
                    arguments: [profile, lesson, step]) ?? 1
            try db.execute(
                sql: "UPDATE step_completion SET hints_used = ? WHERE profile = ? AND lesson_id = ? AND step_id = ?",
                arguments: [used, profile, lesson, step])
            return used
        }
    }

    /// Credits the time spent on the lesson's steps since the last page view or step action
    /// (capped like reading time) and restarts the clock there.
    package func recordStepActivity(
        profile: String, lesson: String, now: Date = Date(), idleCap: TimeInterval = readingIdleCap
    ) throws {
        try pool.write { db in
            try Self.creditActivity(db, profile: profile, lesson: lesson, now: now, idleCap: idleCap)
        }
    }

    /// Credits the time since the last activity to the lesson being read and, when that is
    /// `lesson`, restarts the clock now (it was stopped after the last page or a closed REPL).
    private static func creditActivity(
        _ db: Database, profile: String, lesson: String, now: Date, idleCap: TimeInterval
    ) throws {
        try creditReadingTime(db, profile: profile, now: now, idleCap: idleCap)
        // The time up to now is credited, so another lesson's running clock moves to now too.
        try db.execute(
            sql: """
                UPDATE reading_position
                SET viewed_at = CASE WHEN lesson_id = ? OR viewed_at IS NOT NULL THEN ? END WHERE profile = ?
                """, arguments: [lesson, now, profile])
    }
}
