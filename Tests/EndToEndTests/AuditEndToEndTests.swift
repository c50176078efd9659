import Foundation
import Testing

/// `audit` through the binary: a deploy leaves an entry with who did it and when.
@Suite struct AuditEndToEndTests {
    func lab(_ arguments: [String], _ home: String) throws -> Binary.Result {
        try Binary.run(["--content", Binary.fixtureContent] + arguments, home: home, environment: ["USER": "ada"])
    }

    @Test func aDeployShowsUpInTheAuditLogWithItsActorAndTime() throws {
        let (home, _) = try DeployEndToEndTests.homeWithModels()
        defer { try? FileManager.default.removeItem(atPath: home) }
        // The log is dated on the sandbox's simulated clock, like runs, versions and rollouts.
        #expect(try lab(["clock", "advance", "1d"], home).status == 0)
        let deploy = try lab(["deploy", "v1", "--reason", "first model"], home)
        #expect(deploy.status == 0, "stderr: \(deploy.stderr)")

        let text = try lab(["audit", "--action", "deploy"], home)
        #expect(text.status == 0, "stderr: \(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(text.stdout)")
        #expect(lines.first?.hasPrefix("TIME                 ACTOR          ACTION  SUBJECT     DETAIL") == true)
        let row = lines.last ?? ""
        #expect(row.dropFirst(19).hasPrefix("  default (ada)  deploy  rollout #1  direct of v1"), "\(row)")
        #expect(row.hasSuffix(": first model"), "\(row)")

        let json = try lab(["audit", "--json"], home)
        let entries = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(
            entries.map { $0["action"] as? String } == ["alias", "deploy", "clock.advance", "register", "register"])
        let entry = try #require(entries.first { $0["action"] as? String == "deploy" })
        #expect(Set(entry.keys) == ["id", "at", "actor", "action", "subject", "detail"])
        #expect(entry["actor"] as? String == "default (ada)")
        #expect(entry["subject"] as? String == "rollout #1")
        let at = try #require(ISO8601DateFormatter().date(from: entry["at"] as? String ?? ""))
        #expect(entry["at"] as? String == "2026-12-08T09:00:00Z")
        let stamp = ISO8601DateFormatter.string(
            from: at, timeZone: TimeZone(identifier: "UTC")!,
            formatOptions: [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime])
        #expect(row.hasPrefix(stamp), "the table shows \(row.prefix(19)), the JSON \(stamp)")

        let bad = try lab(["audit", "--limit", "0"], home)
        #expect(bad.status == 2)
        #expect(bad.stderr == "error: --limit is 0; expected a whole number of entries, 1 or more\n")
    }
}
