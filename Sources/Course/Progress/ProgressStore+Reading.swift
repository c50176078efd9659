package import Foundation
import GRDB

/// The lesson a profile has open and the page it is on, kept across sessions so that a
/// learner who quits in the middle of a lesson comes back to the same page.
package struct ReadingPosition: Equatable, Sendable {
    package var lessonID: String
    /// The page shown last (0-based), as in `lesson_progress.current_page`.
    package var page: Int
    /// When that page was shown; nil once the reading clock is stopped (the REPL closed, or
    /// the last page was passed).
    package var viewedAt: Date?
    /// Whether the learner stepped out to the free sandbox (`sandbox use free`) since.
    package var freeSandbox: Bool

    package init(lessonID: String, page: Int, viewedAt: Date?, freeSandbox: Bool = false) {
        self.lessonID = lessonID
        self.page = page
        self.viewedAt = viewedAt
        self.freeSandbox = freeSandbox
    }
}

extension ProgressStore {
    /// The most time one page view counts, so that a terminal left open overnight does not
    /// count as study time.
    package static let readingIdleCap: TimeInterval = 600

    /// Adds `reading_position` (one row per profile).
    ///
    /// v1 stays as it shipped.
    static func registerReadingMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-reading-position") { db in
            try db.create(table: "reading_position") { t in
                t.primaryKey("profile", .text).references("profile", onDelete: .cascade)
                t.column("lesson_id", .text).notNull()
                t.column("viewed_at", .datetime)
            }
        }
    }

    /// Adds `reading_position.free_sandbox`: whether sandbox commands act on the free sandbox
    /// rather than the lesson's.
    static func registerFreeSandboxMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-free-sandbox") { db in
            try db.alter(table: "reading_position") { t in
                t.add(column: "free_sandbox", .boolean).notNull().defaults(to: false)
            }
        }
    }

    /// Sends sandbox commands to the free sandbox (`free` true) or back to the lesson's.
    ///
    /// Returns false when no lesson is open (the free sandbox is then in use anyway).
    @discardableResult
    package func useFreeSandbox(_ free: Bool, profile: String) throws -> Bool {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE reading_position SET free_sandbox = ? WHERE profile = ?", arguments: [free, profile])
            return db.changesCount > 0
        }
    }

    /// Where the profile is reading, or nil if it has not opened a lesson.
    package func readingPosition(profile: String) throws -> ReadingPosition? {
        try pool.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT rp.lesson_id, rp.viewed_at, rp.free_sandbox, COALESCE(lp.current_page, 0) AS page
                    FROM reading_position rp
                    LEFT JOIN lesson_progress lp ON lp.profile = rp.profile AND lp.lesson_id = rp.lesson_id
                    WHERE rp.profile = ?
                    """, arguments: [profile])
            return row.map {
                ReadingPosition(
                    lessonID: $0["lesson_id"], page: $0["page"], viewedAt: $0["viewed_at"],
                    freeSandbox: $0["free_sandbox"])
            }
        }
    }

    /// The pages (0-based) of `lesson` the profile has read.
    package func pagesRead(profile: String, lesson: String) throws -> Set<Int> {
        try pool.read { db in
            Set(
                try Int.fetchAll(
                    db, sql: "SELECT page FROM page_read WHERE profile = ? AND lesson_id = ?",
                    arguments: [profile, lesson]))
        }
    }

    /// Records that the profile is looking at `page` (0-based) of `lesson`, in one transaction.
    ///
    /// The time since the previous page view (of any lesson, at most `idleCap` seconds) is
    /// added to the lesson that page belonged to; the page is marked read and becomes the
    /// lesson's current page and the profile's reading position; and the lesson is completed
    /// if every page has now been read and every one of its `stepCount` steps is done.
    /// Returns the lesson's progress afterwards.
    @discardableResult
    package func recordPageView(
        profile: String, lesson: String, page: Int, pageCount: Int, stepCount: Int,
        now: Date = Date(), idleCap: TimeInterval = readingIdleCap
    ) throws -> LessonProgress {
        try pool.write { db in
            try Self.creditReadingTime(db, profile: profile, now: now, idleCap: idleCap)
            try Self.recordPageRead(db, profile: profile, lesson: lesson, page: page, now: now)
            try db.execute(
                sql: """
                    INSERT INTO reading_position (profile, lesson_id, viewed_at) VALUES (?, ?, ?)
                    ON CONFLICT (profile) DO UPDATE SET lesson_id = excluded.lesson_id, viewed_at = excluded.viewed_at,
                        free_sandbox = 0
                    """, arguments: [profile, lesson, now])
            try Self.completeIfFinished(
                db, profile: profile, lesson: lesson, pageCount: pageCount,
                stepCount: stepCount, now: now)
            return try Self.progress(db, profile: profile, lesson: lesson)
        }
    }

    /// Stops the reading clock: credits the time since the last page view (at most `idleCap`)
    /// and keeps the position, so the next session resumes there without counting the gap.
    package func stopReadingClock(
        profile: String, now: Date = Date(),
        idleCap: TimeInterval = readingIdleCap
    ) throws {
        try pool.write { db in
            try Self.creditReadingTime(db, profile: profile, now: now, idleCap: idleCap)
            try db.execute(sql: "UPDATE reading_position SET viewed_at = NULL WHERE profile = ?", arguments: [profile])
        }
    }

    /// Marks the lesson completed if every page has been read and every step done; returns
    /// whether the lesson is completed now.
    ///
    /// For whoever records the last step or page.
    @discardableResult
    package func completeLessonIfFinished(
        profile: String, lesson: String, pageCount: Int, stepCount: Int,
        now: Date = Date()
    ) throws -> Bool {
        try pool.write { db in
            try Self.completeIfFinished(
                db, profile: profile, lesson: lesson, pageCount: pageCount,
                stepCount: stepCount, now: now)
            return try Self.progress(db, profile: profile, lesson: lesson).completed
        }
    }

    static func creditReadingTime(_ db: Database, profile: String, now: Date, idleCap: TimeInterval) throws {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT lesson_id, viewed_at FROM reading_position WHERE profile = ? AND viewed_at IS NOT NULL
                    """, arguments: [profile]),
            let viewedAt: Date = row["viewed_at"]
        else { return }
        let seconds = min(max(0, now.timeIntervalSince(viewedAt)), idleCap)
        try db.execute(
            sql: """
                UPDATE lesson_progress SET seconds_spent = seconds_spent + ? WHERE profile = ? AND lesson_id = ?
                """, arguments: [seconds, profile, row["lesson_id"] as String])
    }

    static func completeIfFinished(
        _ db: Database, profile: String, lesson: String, pageCount: Int,
        stepCount: Int, now: Date
    ) throws {
        let read =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM page_read WHERE profile = ? AND lesson_id = ? AND page < ?
                    """, arguments: [profile, lesson, pageCount]) ?? 0
        let steps =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM step_completion WHERE profile = ? AND lesson_id = ?
                    """, arguments: [profile, lesson]) ?? 0
        guard read >= pageCount, steps >= stepCount else { return }
        try db.execute(
            sql: """
                UPDATE lesson_progress SET completed_at = ? WHERE profile = ? AND lesson_id = ? AND completed_at IS NULL
                """, arguments: [now, profile, lesson])
    }

    static func progress(_ db: Database, profile: String, lesson: String) throws -> LessonProgress {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT current_page, completed_at, seconds_spent,
                       (SELECT COUNT(*) FROM page_read pr WHERE pr.profile = lp.profile AND pr.lesson_id = lp.lesson_id) AS pages,
                       (SELECT COUNT(*) FROM step_completion sc WHERE sc.profile = lp.profile AND sc.lesson_id = lp.lesson_id) AS steps
                FROM lesson_progress lp WHERE lp.profile = ? AND lp.lesson_id = ?
                """, arguments: [profile, lesson])
        return LessonProgress(
            lessonID: lesson, currentPage: row?["current_page"] ?? 0, pagesRead: row?["pages"] ?? 0,
            stepsDone: row?["steps"] ?? 0, completed: (row?["completed_at"] as Date?) != nil,
            secondsSpent: row?["seconds_spent"] ?? 0)
    }
}
