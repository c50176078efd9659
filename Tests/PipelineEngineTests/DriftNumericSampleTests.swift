import Testing

@testable import LabSupport
@testable import PipelineEngine

/// The range taken in four lanes is the one `min` and `max` folded in order give, signed
/// zeros included.
@Suite struct DriftNumericSampleTests {
    static func folded(_ values: [Double]) -> (Double, Double) {
        values.reduce((Double.infinity, -Double.infinity)) { (min($0.0, $1), max($0.1, $1)) }
    }

    @Test(arguments: [1, 3, 4, 7, 1000, 1001])
    func rangeIsTheFoldedRange(_ count: Int) {
        var rng = SeededRandom(seed: UInt64(count))
        let values = (0..<count).map { _ in rng.nextGaussian() }
        let cases: [[Double]] = [
            values,
            // Zeros of both signs at the ends of the range, in either order.
            values.map { abs($0) } + [0.0, -0.0], [-0.0] + values.map { abs($0) } + [0.0],
            values.map { -abs($0) } + [-0.0, 0.0], values.map { -abs($0) } + [0.0, -0.0],
        ]
        for sample in cases {
            let range = NumericSample.range(sample)
            let expected = Self.folded(sample)
            #expect(range.low.bitPattern == expected.0.bitPattern && range.high.bitPattern == expected.1.bitPattern)
        }
    }
}
