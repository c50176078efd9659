import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

@Suite struct PortableMathTests {
    // References: Python's math.exp and math.log (correctly rounded to the digits shown).
    @Test(arguments: [
        (0.0, 1.0), (1.0, 2.718_281_828_459_045), (-1.0, 0.367_879_441_171_442_33),
        (10.0, 22_026.465_794_806_718), (-20.5, 1.250_152_866_386_742_6e-09), (700.0, 1.014_232_054_735_004_5e+304),
    ])
    func expMatchesTheReference(_ x: Double, _ expected: Double) {
        #expect(abs(PortableMath.exp(x) - expected) <= 4 * expected.ulp)
    }

    @Test(arguments: [
        (1.0, 0.0), (2.0, 0.693_147_180_559_945_3), (10.0, 2.302_585_092_994_046),
        (0.001, -6.907_755_278_982_137), (56_000.0, 10.933_106_969_717_286), (1e-300, -690.775_527_898_213_7),
    ])
    func logMatchesTheReference(_ x: Double, _ expected: Double) {
        #expect(abs(PortableMath.log(x) - expected) <= 4 * max(expected.ulp, Double.ulpOfOne))
    }

    @Test func edgesAreDefined() {
        #expect(PortableMath.exp(1000) == .infinity)
        #expect(PortableMath.exp(-1000) == 0)
        #expect(PortableMath.log(0) == -.infinity)
        #expect(PortableMath.log(-1).isNaN)
        #expect(PortableMath.sigmoid(0) == 0.5)
        #expect(PortableMath.pow(0, 2) == 0)
    }

    @Test(arguments: [
        (3.0, 2, "3.00"), (0.125, 2, "0.13"), (-0.125, 2, "-0.13"), (-0.004, 2, "0.00"), (1234.5678, 1, "1234.6"),
        (0.05, 3, "0.050"), (99.999, 2, "100.00"), (7.0, 0, "7"), (-2.5, 0, "-3"),
    ])
    func fixedDecimalsRoundHalfAwayFromZero(_ value: Double, _ decimals: Int, _ text: String) {
        #expect(FixedDecimal.format(value, decimals: decimals) == text)
    }

    @Test func paddingKeepsLongerNumbers() {
        #expect(FixedDecimal.padded(42, width: 6) == "000042")
        #expect(FixedDecimal.padded(1_234_567, width: 6) == "1234567")
    }

    @Test func normalDrawsHaveUnitSpread() {
        var random = SeededRandom(seed: 9)
        let draws = (0..<20_000).map { _ in random.normal() }
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws.count - 1)
        #expect(abs(mean) < 0.03)
        #expect(abs(variance - 1) < 0.05)
    }

    @Test func poissonDrawsHaveTheirMean() {
        var random = SeededRandom(seed: 10)
        let draws = (0..<20_000).map { _ in Double(random.poisson(2.5)) }
        #expect(abs(draws.reduce(0, +) / Double(draws.count) - 2.5) < 0.05)
    }
}

@Suite struct CivilTimeTests {
    // References: Python's datetime.date.toordinal() - date(1970, 1, 1).toordinal().
    @Test(arguments: [
        ("1970-01-01", 0), ("2000-03-01", 11_017), ("2024-02-29", 19_782), ("1969-12-31", -1), ("2025-12-24", 20_446),
    ])
    func datesCountDaysFromTheEpoch(_ text: String, _ days: Int) throws {
        let date = try #require(CivilDate(iso: text))
        #expect(date.daysSinceEpoch == days)
        #expect(CivilDate(daysSinceEpoch: days) == date)
        #expect(date.description == text)
    }

    @Test(arguments: ["2025-02-29", "2025-13-01", "2025-1-01", "25-01-01", "2025-01-00", "today"])
    func impossibleDatesAreRefused(_ text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test func timestampsAreISO8601InUTC() {
        #expect(Timestamp.iso8601(0) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.iso8601(1_766_534_399) == "2025-12-23T23:59:59Z")
        #expect(Timestamp.iso8601(-1) == "1969-12-31T23:59:59Z")
    }
}

@Suite struct CivilDateFoundationTests {
    // Reference: Python's datetime.fromtimestamp(1796634000, timezone.utc) is 2026-12-07 09:00.
    @Test func anInstantFallsOnItsUTCDate() {
        #expect(CivilDate(containing: Date(timeIntervalSince1970: 1_796_634_000)).description == "2026-12-07")
        #expect(CivilDate(containing: Date(timeIntervalSince1970: -1)).description == "1969-12-31")
    }
}
