import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

@Suite struct SimulatedClockTests {
    @Test(arguments: [
        ("30m", 1_800.0, "30m"), ("12h", 43_200, "12h"), ("7d", 604_800, "1w"), ("1d12h", 129_600, "1d12h"),
        ("2w", 1_209_600, "2w"), ("90s", 90, "1m30s"), ("1.5h", 5_400, "1h30m"),
    ])
    func durationsParseAndPrint(text: String, seconds: Double, printed: String) throws {
        let duration = try SimulatedDuration(parsing: text)
        #expect(duration.seconds == seconds)
        #expect(duration.description == printed)
    }

    @Test(arguments: ["7", "d", "7x", "-1d", "0d", "", "1d 2h"])
    func badDurationsAreExplained(text: String) {
        #expect(
            throws: LabError(
                "clock.bad_duration",
                "'\(text)' is not a duration; write a number and a unit (s, m, h, d, w), such as 30m, 12h, 7d or 1d12h")
        ) {
            try SimulatedDuration(parsing: text)
        }
    }

    @Test(arguments: ["367d", "999999999999d", String(repeating: "9", count: 400) + "d"])
    func spansLongerThanAYearAreRefused(text: String) {
        #expect(
            throws: LabError(
                "clock.too_long",
                "'\(text.excerpt())' is longer than a year (366d), the longest span the lab simulates at once; move in steps of a year or less"
            )
        ) {
            try SimulatedDuration(parsing: text)
        }
        #expect((try? SimulatedDuration(parsing: "366d"))?.seconds == 366 * 86_400)
    }

    @Test func theClockStartsAtTheDefaultAndOnlyMovesWhenAdvanced() throws {
        let dir = try TemporaryDirectory("clock")
        defer { dir.remove() }
        let state = try StateStore(path: dir.path + "/state.sqlite")
        let clock = SimulatedClock(state: state)
        #expect(try clock.now() == SimulatedClock.defaultStart)
        #expect(SimulatedClock.format(SimulatedClock.defaultStart) == "2026-12-07 09:00 (Mon)")
        let crossed = try clock.advance(by: SimulatedDuration(parsing: "7d"), actor: "ada")
        #expect(crossed == DateInterval(start: SimulatedClock.defaultStart, duration: 604_800))
        #expect(try clock.now() == SimulatedClock.defaultStart.addingTimeInterval(604_800))
        #expect(try state.auditLog().last?.detail == "2026-12-07 09:00 (Mon) → 2026-12-14 09:00 (Mon) (+1w)")
    }
}
