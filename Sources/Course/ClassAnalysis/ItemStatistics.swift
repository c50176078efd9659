/// The formulas of classical item analysis, on plain numbers.
///
/// Kept apart from exports and questions so that each can be checked against a hand
/// computation.
package enum ItemStatistics {
    /// The mean of `values`, or nil when there are none.
    package static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// Pearson's correlation of two equally long series; with a 0/1 series it is the
    /// point-biserial correlation.
    ///
    /// Nil when there are fewer than two pairs or either series does not vary: a correlation
    /// with a constant says nothing, and dividing by its zero spread would give NaN.
    package static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "pearson needs two series of the same length")
        guard x.count >= 2, let meanX = mean(x), let meanY = mean(y) else { return nil }
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - meanX) * (b - meanY)
            sxx += (a - meanX) * (a - meanX)
            syy += (b - meanY) * (b - meanY)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// The size of the upper and of the lower group among `count` learners: 27 % of them,
    /// rounded half up, at least 1 (Kelley's 27 %).
    package static func groupSize(of count: Int) -> Int {
        max(1, Int((0.27 * Double(count) + 0.5).rounded(.down)))
    }
}
