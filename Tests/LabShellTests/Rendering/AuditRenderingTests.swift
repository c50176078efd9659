import Foundation
import Testing

@testable import LabShell
@testable import PipelineEngine

/// `audit` in the terminal: a table of entries, newest first, and what to do when some are hidden.
@Suite struct AuditRenderingTests {
    static let start = Date(timeIntervalSince1970: 1_796_634_000)  // 2026-12-07 09:00:00 UTC

    static func entry(_ id: Int, _ action: String, _ subject: String, _ detail: String) -> AuditEntry {
        AuditEntry(
            id: id, at: start.addingTimeInterval(Double(id) * 60), actor: "default (ada)", action: action,
            subject: subject, detail: detail)
    }

    @Test func entriesAreATableWithTheLabsTimesAndAHintForOlderOnes() {
        let page = AuditPage(
            entries: [
                Self.entry(3, "deploy", "rollout #1", "direct of v1, normal load: first model"),
                Self.entry(2, "alias", "champion", "→ v1: rollout #1 (direct)"),
            ], matching: 3, actions: ["alias", "deploy", "register"])
        #expect(
            AuditRendering.page(page, action: nil, style: .plain) == """
                TIME                 ACTOR          ACTION  SUBJECT     DETAIL
                2026-12-07 09:03:00  default (ada)  deploy  rollout #1  direct of v1, normal load: first model
                2026-12-07 09:02:00  default (ada)  alias   champion    → v1: rollout #1 (direct)
                1 older entry not shown; `audit --limit 3` shows all.
                """)
    }

    @Test func aFilterThatMatchesNothingNamesTheActionsThereAre() {
        let page = AuditPage(entries: [], matching: 0, actions: ["alias", "deploy", "register"])
        #expect(
            AuditRendering.page(page, action: "promote", style: .plain)
                == "No audit entries whose action starts with 'promote'; the actions recorded are alias, deploy and register."
        )
        #expect(
            AuditRendering.page(AuditPage(entries: [], matching: 0, actions: []), action: nil, style: .plain)
                .hasPrefix("The audit log is empty: "))
    }
}
