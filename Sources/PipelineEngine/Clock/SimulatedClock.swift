package import Foundation
import GRDB

/// The sandbox's simulated clock: production time that moves only when the learner says so.
///
/// Monitoring, delayed labels, scheduled retraining and the holiday surge all read this clock,
/// so a week of production can be lived in a second with `clock advance 7d`.
package struct SimulatedClock: Sendable {
    /// Where every new sandbox's clock starts: a Monday morning in early December, a few weeks
    /// before the holiday peak that the incident scenarios lead up to.
    package static let defaultStart = Date(timeIntervalSince1970: 1_796_634_000)  // 2026-12-07 09:00 UTC

    package let state: StateStore

    package init(state: StateStore) {
        self.state = state
    }

    /// The simulated time now.
    package func now() throws -> Date {
        try state.pool.read { db in try Self.read(db) }
    }

    /// Sets the clock (scenarios start at their own date); audited.
    package func set(_ date: Date, actor: String, reason: String) throws {
        try state.pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO clock (id, now) VALUES (1, ?)", arguments: [date])
            try StateStore.audit(
                db, actor: actor, action: "clock.set", subject: "clock",
                detail: "\(Self.format(date)): \(reason)")
        }
    }

    /// Moves the clock forward and returns the interval it crossed, `(from, to]`.
    @discardableResult
    package func advance(by duration: SimulatedDuration, actor: String) throws -> DateInterval {
        try state.pool.write { db in
            let from = try Self.read(db)
            let to = from.addingTimeInterval(duration.seconds)
            try db.execute(sql: "INSERT OR REPLACE INTO clock (id, now) VALUES (1, ?)", arguments: [to])
            try StateStore.audit(
                db, actor: actor, action: "clock.advance", subject: "clock",
                detail: "\(Self.format(from)) → \(Self.format(to)) (+\(duration))")
            return DateInterval(start: from, end: to)
        }
    }

    /// Sets the clock without an audit entry, for the steps of an advance that is audited as one.
    func move(to date: Date) throws {
        try state.pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO clock (id, now) VALUES (1, ?)", arguments: [date])
        }
    }

    static func read(_ db: Database) throws -> Date {
        try Date.fetchOne(db, sql: "SELECT now FROM clock WHERE id = 1") ?? defaultStart
    }

    /// `2026-12-07 09:00 (Mon)` in UTC, the way the lab shows simulated time.
    package static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm (EEE)"
        return formatter.string(from: date)
    }
}
