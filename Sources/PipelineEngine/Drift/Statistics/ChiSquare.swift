/// Pearson's chi-square goodness-of-fit test, as scipy's `stats.chisquare(f_obs, f_exp)`.
enum ChiSquare {
    struct Result: Equatable {
        /// Σ (observed - expected)² / expected; infinite when a category expected nowhere occurs.
        var statistic: Double
        var pValue: Double
        var degreesOfFreedom: Int
    }

    /// Tests observed counts against expected counts over the same categories (at least two).
    static func test(observed: [Double], expected: [Double]) -> Result {
        precondition(observed.count == expected.count && observed.count >= 2)
        var statistic = 0.0
        for (o, e) in zip(observed, expected) {
            let gap = o - e
            statistic += gap == 0 ? 0 : gap * gap / e
        }
        let dof = observed.count - 1
        let p = statistic.isInfinite ? 0 : IncompleteGamma.upper(Double(dof) / 2, statistic / 2)
        return Result(statistic: statistic, pValue: p, degreesOfFreedom: dof)
    }
}
