package import Foundation
import GRDB

/// How far a profile has come in one lesson.
package struct LessonProgress: Equatable, Sendable {
    package var lessonID: String
    package var currentPage: Int
    package var pagesRead: Int
    package var stepsDone: Int
    package var completed: Bool
    package var secondsSpent: Double
}

extension ProgressStore {
    /// The progress of every lesson the profile has opened, keyed by lesson id.
    package func lessonProgress(profile: String) throws -> [String: LessonProgress] {
        try pool.read { db in
            var result: [String: LessonProgress] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT lp.lesson_id, lp.current_page, lp.completed_at, lp.seconds_spent,
                           (SELECT COUNT(*) FROM page_read pr WHERE pr.profile = lp.profile AND pr.lesson_id = lp.lesson_id) AS pages,
                           (SELECT COUNT(*) FROM step_completion sc WHERE sc.profile = lp.profile AND sc.lesson_id = lp.lesson_id) AS steps
                    FROM lesson_progress lp WHERE lp.profile = ?
                    """, arguments: [profile])
            for row in rows {
                let id: String = row["lesson_id"]
                result[id] = LessonProgress(
                    lessonID: id, currentPage: row["current_page"], pagesRead: row["pages"],
                    stepsDone: row["steps"], completed: (row["completed_at"] as Date?) != nil,
                    secondsSpent: row["seconds_spent"])
            }
            return result
        }
    }

    /// Records that the profile is reading `page` of a lesson, in one transaction.
    package func recordPageRead(profile: String, lesson: String, page: Int, now: Date = Date()) throws {
        try pool.write { db in
            try Self.recordPageRead(db, profile: profile, lesson: lesson, page: page, now: now)
        }
    }

    /// Records a page as read inside a transaction that the caller owns.
    static func recordPageRead(_ db: Database, profile: String, lesson: String, page: Int, now: Date) throws {
        try db.execute(
            sql: """
                INSERT INTO lesson_progress (profile, lesson_id, current_page, started_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (profile, lesson_id) DO UPDATE SET current_page = excluded.current_page
                """, arguments: [profile, lesson, page, now])
        try db.execute(
            sql: "INSERT OR IGNORE INTO page_read (profile, lesson_id, page, read_at) VALUES (?, ?, ?, ?)",
            arguments: [profile, lesson, page, now])
    }
}
