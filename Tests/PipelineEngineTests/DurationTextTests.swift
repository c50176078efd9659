import Testing

@testable import LabSupport
@testable import PipelineEngine

/// One rule for every duration: the unit chosen by magnitude (ns, µs, ms, s) and three
/// significant digits, from a small model's nanoseconds to a platform's timeouts.
@Suite struct DurationTextTests {
    @Test(arguments: [
        (0.000_000_29, "290 ns"), (0.000_001_82, "1.82 µs"), (0.00042, "420 µs"), (0.0123, "12.3 ms"),
        (0.02, "20.0 ms"), (0.25, "250 ms"), (1, "1.00 s"), (1.254, "1.25 s"), (42.5, "42.5 s"), (3600, "3600 s"),
        (0, "0 s"), (-0.0015, "-1.50 ms"),
    ])
    func secondsReadInTheUnitTheirSizeCallsFor(value: Double, text: String) {
        #expect(DurationText.seconds(value) == text)
    }

    @Test(arguments: [
        (0.00029, "290 ns"), (0.00181, "1.81 µs"), (143.24, "143 ms"), (50, "50.0 ms"), (2.345, "2.35 ms"),
        (1000, "1.00 s"), (0.0123456, "12.3 µs"),
    ])
    func millisecondsFollowTheSameRule(value: Double, text: String) {
        #expect(DurationText.milliseconds(value) == text)
    }

    /// Rounding to three digits can carry a value into the next unit or a fourth digit.
    @Test(arguments: [(0.000_999_7, "1.00 ms"), (0.009_996, "10.0 ms"), (0.099_96, "100 ms"), (999.96e-9, "1.00 µs")])
    func roundingCarriesIntoTheNextUnit(value: Double, text: String) {
        #expect(DurationText.seconds(value) == text)
    }
}
