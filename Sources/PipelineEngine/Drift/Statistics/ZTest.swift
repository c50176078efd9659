import Foundation

/// The two-proportion z-test that Evidently runs on binary columns.
enum ProportionZTest {
    struct Result: Equatable {
        /// (p₁ - p₂) / pooled standard error, with p the share of the second category.
        var statistic: Double
        var pValue: Double
    }

    /// Tests whether the share of "successes" differs between two samples.
    ///
    /// The p-value is `2·(1 - Φ(|z|))` exactly as Evidently computes it (so it reaches 0 a bit
    /// before the true tail does, for |z| above about 8.3).
    static func test(successes1: Int, count1: Int, successes2: Int, count2: Int) -> Result {
        let n1 = Double(count1)
        let n2 = Double(count2)
        let p1 = Double(successes1) / n1
        let p2 = Double(successes2) / n2
        let pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
        let z = (p1 - p2) / (pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2)).squareRoot()
        return Result(statistic: z, pValue: 2 * (1 - normalCDF(abs(z))))
    }

    /// Φ(x), the standard normal CDF, as cephes' `ndtr`.
    static func normalCDF(_ x: Double) -> Double {
        let t = x * 0.5.squareRoot()
        if abs(t) < 0.5.squareRoot() { return 0.5 + 0.5 * erf(t) }
        let y = 0.5 * erfc(abs(t))
        return t > 0 ? 1 - y : y
    }
}
