import Foundation
package import GRDB
import LabSupport

/// The learner's progress database, `progress.sqlite` in the lab home.
///
/// It holds profiles, lesson and step progress, quiz attempts and answers, review cards and the
/// review log. It runs in WAL mode with a busy timeout so that two REPLs on one profile can
/// write at once; every learner action is one transaction, committed before the next prompt.
package final class ProgressStore: Sendable {
    package let path: String
    package let pool: DatabaseQueue

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    package init(path: String) throws {
        self.path = path
        pool = try SQLiteFile.open(path: path, label: "progress", migrator: Self.migrator)
    }

    /// The identifiers of the migrations that have been applied, oldest first.
    package func appliedMigrations() throws -> [String] {
        try pool.read { db in try Self.migrator.appliedMigrations(db) }
    }

    /// The journal mode SQLite reports (`wal` when healthy).
    package func journalMode() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "unknown" }
    }

    /// The version of the SQLite library in use.
    package func sqliteVersion() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "unknown" }
    }

    /// The result of `PRAGMA integrity_check`: `ok` when the file is sound.
    package func integrityCheck() throws -> String {
        try pool.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-profiles-progress-quiz-review") { db in
            try db.create(table: "profile") { t in
                t.primaryKey("name", .text)
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "lesson_progress") { t in
                t.column("profile", .text).notNull().references("profile", onDelete: .cascade)
                t.column("lesson_id", .text).notNull()
                t.column("current_page", .integer).notNull().defaults(to: 0)
                t.column("started_at", .datetime).notNull()
                t.column("completed_at", .datetime)
                t.column("seconds_spent", .double).notNull().defaults(to: 0)
                t.primaryKey(["profile", "lesson_id"])
            }
            try db.create(table: "page_read") { t in
                t.column("profile", .text).notNull().references("profile", onDelete: .cascade)
                t.column("lesson_id", .text).notNull()
                t.column("page", .integer).notNull()
                t.column("read_at", .datetime).notNull()
                t.primaryKey(["profile", "lesson_id", "page"])
            }
            try db.create(table: "step_completion") { t in
                t.column("profile", .text).notNull().references("profile", onDelete: .cascade)
                t.column("lesson_id", .text).notNull()
                t.column("step_id", .text).notNull()
                t.column("completed_at", .datetime).notNull()
                t.column("hints_used", .integer).notNull().defaults(to: 0)
                t.primaryKey(["profile", "lesson_id", "step_id"])
            }
            try db.create(table: "quiz_attempt") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("profile", .text).notNull().references("profile", onDelete: .cascade)
                t.column("scope", .text).notNull()
                t.column("difficulty", .text)
                t.column("seed", .integer).notNull()
                t.column("started_at", .datetime).notNull()
                t.column("finished_at", .datetime)
            }
            try db.create(table: "quiz_answer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("attempt_id", .integer).references("quiz_attempt", onDelete: .cascade)
                t.column("profile", .text).notNull().references("profile", onDelete: .cascade)
                t.column("question_id", .text).notNull()
                t.column("lesson_id", .text).notNull()
                t.column("given", .text).notNull()
                t.column("correct", .boolean).notNull()
                t.column("skipped", .boolean).notNull().defaults(to: false)
                t.column("hinted", .boolean).notNull().defaults(to: false)
                t.column("points", .double).notNull()
                t.column("max_points", .double).notNull()
                t.column("seconds", .double).notNull()
                t.column("answered_at", .datetime).notNull()
            }
            try db.create(index: "quiz_answer_by_profile", on: "quiz_answer", columns: ["profile", "question_id"])
            try db.create(table: "review_card") { t in
                t.column("profile", .text).notNull().references("profile", onDelete: .cascade)
                t.column("question_id", .text).notNull()
                t.column("state", .text).notNull()
                t.column("step", .integer)
                t.column("stability", .double)
                t.column("difficulty", .double)
                t.column("due", .datetime).notNull()
                t.column("last_review", .datetime)
                t.primaryKey(["profile", "question_id"])
            }
            try db.create(table: "review_log") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("profile", .text).notNull().references("profile", onDelete: .cascade)
                t.column("question_id", .text).notNull()
                t.column("rating", .integer).notNull()
                t.column("reviewed_at", .datetime).notNull()
                t.column("seconds", .double)
            }
        }
        registerReadingMigration(&migrator)
        registerStepHintMigration(&migrator)
        registerFreeSandboxMigration(&migrator)
        registerReviewAttemptMigration(&migrator)
        return migrator
    }
}
