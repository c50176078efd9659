import Foundation
import GRDB
import Testing

@testable import PipelineEngine

/// The audit log read back as `audit` shows it: newest first, limited, filtered by action prefix.
@Suite struct AuditLogQueryTests {
    /// A state database holding six entries, one a simulated minute from 09:00, in this order.
    func store() throws -> (StateStore, TemporaryDirectory) {
        let dir = try TemporaryDirectory("audit")
        let state = try StateStore(path: dir.path + "/state.sqlite")
        let start = Date(timeIntervalSince1970: 1_796_634_000)  // 2026-12-07 09:00 UTC
        let entries = [
            ("register", "v1"), ("alias", "champion"), ("deploy", "rollout #1"), ("clock.set", "clock"),
            ("clock.advance", "clock"), ("deploy", "rollout #2"),
        ]
        try state.pool.write { db in
            for (index, (action, subject)) in entries.enumerated() {
                // Entries are dated on the simulated clock, moved here without an audit entry.
                try db.execute(
                    sql: "INSERT OR REPLACE INTO clock (id, now) VALUES (1, ?)",
                    arguments: [start.addingTimeInterval(Double(index) * 60)])
                try StateStore.audit(
                    db, actor: "ada", action: action, subject: subject, detail: "entry \(index + 1)")
            }
        }
        return (state, dir)
    }

    @Test func theNewestEntriesComeFirstUpToTheLimit() throws {
        let (state, dir) = try store()
        defer { dir.remove() }
        let page = try state.auditLog(limit: 3)
        #expect(page.entries.map(\.detail) == ["entry 6", "entry 5", "entry 4"])
        #expect(page.entries.map(\.id) == [6, 5, 4])
        #expect(page.entries.first?.at == Date(timeIntervalSince1970: 1_796_634_300))
        #expect(page.matching == 6)
        #expect(page.actions == ["alias", "clock.advance", "clock.set", "deploy", "register"])
    }

    @Test(arguments: [
        ("deploy", ["entry 6", "entry 3"]), ("clock", ["entry 5", "entry 4"]), ("clock.set", ["entry 4"]),
        ("Deploy", []), ("%", []), ("", ["entry 6", "entry 5", "entry 4", "entry 3", "entry 2", "entry 1"]),
    ])
    func anActionPrefixKeepsTheActionsThatStartWithIt(prefix: String, details: [String]) throws {
        let (state, dir) = try store()
        defer { dir.remove() }
        let page = try state.auditLog(limit: 10, actionPrefix: prefix)
        #expect(page.entries.map(\.detail) == details)
        #expect(page.matching == details.count)
    }

    @Test func aFilteredPageCountsEveryMatchNotOnlyThoseShown() throws {
        let (state, dir) = try store()
        defer { dir.remove() }
        let page = try state.auditLog(limit: 1, actionPrefix: "clock")
        #expect(page.entries.map(\.action) == ["clock.advance"])
        #expect(page.matching == 2)
    }
}
