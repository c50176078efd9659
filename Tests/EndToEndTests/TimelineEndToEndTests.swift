import Foundation
import Testing

/// Runs, the versions they register and rollouts share the sandbox's simulated clock, so a
/// learner reading `pipeline runs`, `registry list` and `rollout status` sees one timeline.
@Suite struct TimelineEndToEndTests {

    @Test func aRunByHandIsDatedOnTheSimulatedClock() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        func lab(_ arguments: String...) throws -> Binary.Result {
            try Binary.run(["--content", Binary.repository] + arguments, home: home)
        }
        #expect(try lab("clock", "advance", "2d").status == 0)
        #expect(try lab("pipeline", "run").status == 0)
        let runs = try JSONSerialization.jsonObject(with: Data(try lab("pipeline", "runs", "--json").stdout.utf8))
        #expect((runs as? [[String: Any]])?.first?["started_at"] as? String == "2026-12-09T09:00:00Z")
        let versions = try JSONSerialization.jsonObject(with: Data(try lab("registry", "list", "--json").stdout.utf8))
        #expect((versions as? [[String: Any]])?.first?["created_at"] as? String == "2026-12-09T09:00:00Z")
        #expect(try lab("rollout", "status").stdout.contains("started 2026-12-09 09:00 (Wed)"))
    }
}
