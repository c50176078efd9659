/// Arithmetic that stays finite for any finite doubles, for data with values near ±1.8e308.
///
/// A plain sum, square or difference of such values overflows to infinity, and an infinity
/// divided by another becomes NaN. Multiplying by a power of two changes only the exponent, so
/// figures computed over values scaled below 1 and scaled back are the same figures without the
/// overflow. Ordinary data never takes these paths and keeps its numpy-matching digits.
enum ExtremeValues {
    /// A power of two `s` with `|magnitude × s| < 1` (1 for zero or a non-finite magnitude).
    static func downscale(forMagnitude magnitude: Double) -> Double {
        guard magnitude.isFinite, magnitude > 0 else { return 1 }
        return Double(sign: .plus, exponent: -(magnitude.exponent + 1), significand: 1)
    }

    /// The largest magnitude among `values` (0 for none).
    static func largestMagnitude<Values: Sequence>(_ values: Values) -> Double where Values.Element == Double {
        values.reduce(0) { max($0, abs($1)) }
    }

    /// The mean and population variance of `values` scaled by `scale`, in scaled units.
    static func scaledMoments(_ values: [Double], scale: Double) -> (mean: Double, variance: Double) {
        let n = Double(values.count)
        var sum = 0.0
        for value in values { sum += value * scale }
        let mean = sum / n
        var squares = 0.0
        for value in values {
            let d = value * scale - mean
            squares += d * d
        }
        return (mean, squares / n)
    }

    /// `(a - b) / divisor`, or nil when even computed term by term it is not a finite number.
    static func scaledDifference(_ a: Double, _ b: Double, over divisor: Double) -> Double? {
        let direct = (a - b) / divisor
        if direct.isFinite { return direct }
        let split = a / divisor - b / divisor
        return split.isFinite ? split : nil
    }
}
