import Foundation
import GRDB

extension AuditEntry {
    init(row: Row) {
        self.init(
            id: row["id"], at: row["at"], actor: row["actor"], action: row["action"], subject: row["subject"],
            detail: row["detail"])
    }
}

/// The newest entries of the audit log that `audit` shows, and how many matched in all.
package struct AuditPage: Sendable, Equatable {
    /// Newest first.
    package var entries: [AuditEntry]
    /// Entries whose action matched, shown or not.
    package var matching: Int
    /// Every action the log holds, sorted: what a filter can name.
    package var actions: [String]
}

extension StateStore {
    /// The `limit` newest entries whose action starts with `actionPrefix` (every entry when it
    /// is nil or empty), newest first.
    ///
    /// The prefix is compared as it is, so `clock` finds `clock.set` and `clock.advance`.
    package func auditLog(limit: Int, actionPrefix: String? = nil) throws -> AuditPage {
        let prefix = actionPrefix ?? ""
        let filter = "substr(action, 1, length(:prefix)) = :prefix"
        return try pool.read { db in
            let entries = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, at, actor, action, subject, detail FROM audit_log WHERE \(filter)
                    ORDER BY id DESC LIMIT :limit
                    """, arguments: ["prefix": prefix, "limit": max(0, limit)]
            ).map(AuditEntry.init(row:))
            let matching =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM audit_log WHERE \(filter)", arguments: ["prefix": prefix]) ?? 0
            let actions = try String.fetchAll(db, sql: "SELECT DISTINCT action FROM audit_log ORDER BY action")
            return AuditPage(entries: entries, matching: matching, actions: actions)
        }
    }
}
