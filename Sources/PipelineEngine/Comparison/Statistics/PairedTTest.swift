import Foundation

/// The paired t-test, as `scipy.stats.ttest_rel(first, second)`: whether the mean of the
/// differences `first − second` of paired measurements is zero.
package struct PairedTTest: Sendable, Equatable {
    /// mean / (s / √n), with s the standard deviation of the differences (n − 1 in the
    /// denominator); nil when every difference is the same, so s is 0 and t has no value.
    package var statistic: Double?
    /// n − 1.
    package var degreesOfFreedom: Int
    /// The two-sided p-value.
    ///
    /// When s is 0 the differences leave no doubt: 1 when they are all 0, else 0. Not a number
    /// when a difference is not one.
    package var pValue: Double
    /// The mean of `first − second`.
    package var meanDifference: Double
    /// The 95 % t interval of the mean difference, mean ± t(0.975, n − 1) · s / √n, as the
    /// result's `confidence_interval(0.95)` in scipy.
    package var interval: ConfidenceInterval

    /// Tests the differences of two equally long samples of at least two pairs.
    init(_ first: [Double], _ second: [Double]) {
        precondition(first.count == second.count && first.count >= 2, "at least two pairs")
        let n = Double(first.count)
        let differences = zip(first, second).map { $0 - $1 }
        let mean = differences.reduce(0, +) / n
        let variance = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let standardError = (variance / n).squareRoot()
        degreesOfFreedom = first.count - 1
        meanDifference = mean
        let df = Double(degreesOfFreedom)
        if standardError > 0 {
            let t = mean / standardError
            statistic = t
            pValue = StudentT.twoSidedTail(t, degreesOfFreedom: df)
            let half = StudentT.twoSidedCritical(tail: 0.05, degreesOfFreedom: df) * standardError
            interval = ConfidenceInterval(low: mean - half, high: mean + half)
        } else if standardError == 0 {
            statistic = nil
            pValue = mean == 0 ? 1 : 0
            interval = ConfidenceInterval(low: mean, high: mean)
        } else {
            // A difference that is not a number (a prediction that overflowed) decides nothing.
            statistic = nil
            pValue = .nan
            interval = ConfidenceInterval(low: .nan, high: .nan)
        }
    }
}

/// A 95 % confidence interval.
package struct ConfidenceInterval: Sendable, Equatable, Codable {
    package var low: Double
    package var high: Double

    /// Whether the interval holds `value` (its ends included).
    package func contains(_ value: Double) -> Bool { low <= value && value <= high }
}
