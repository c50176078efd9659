import Testing
@testable import PipelineEngine

/// Latencies keep the digits that matter, from a platform's hundreds of milliseconds down to a
/// small model's microseconds.
@Suite struct DurationTextTests {
    @Test(arguments: [
        (143.24, "143.2"), (50, "50.0"), (2.345, "2.35"), (1, "1.00"), (0.5, "0.5"),
        (0.00235, "0.00235"), (0.0123456, "0.0123"), (0, "0.0"),
    ])
    func millisecondsShowTheirSignificantDigits(value: Double, text: String) {
        #expect(DurationText.milliseconds(value) == text)
    }
}
