import Testing

@testable import Course

/// The formulas of item analysis on hand-computed cases.
@Suite struct ItemStatisticsTests {
    @Test func pearsonOfAZeroOneSeriesIsThePointBiserialCorrelation() throws {
        // x̄ = 0.5, ȳ = 1; Σdxdy = 1, Σdx² = 1, Σdy² = 2, so r = 1/√2.
        let r = try #require(ItemStatistics.pearson([1, 0, 1, 0], [2, 1, 1, 0]))
        #expect(abs(r - 1 / 2.0.squareRoot()) < 1e-15)
    }

    @Test func pearsonIsNilWhenEitherSeriesDoesNotVaryOrHasOnePair() {
        #expect(ItemStatistics.pearson([1, 1, 1], [0, 1, 2]) == nil)
        #expect(ItemStatistics.pearson([0, 1, 0], [2, 2, 2]) == nil)
        #expect(ItemStatistics.pearson([1], [3]) == nil)
    }

    @Test(arguments: [(1, 1), (2, 1), (3, 1), (5, 1), (10, 3), (30, 8), (32, 9), (50, 14), (100, 27)])
    func groupsAreTwentySevenPercentRoundedHalfUpAndAtLeastOne(count: Int, size: Int) {
        #expect(ItemStatistics.groupSize(of: count) == size, "group of \(count) learners")
    }

    @Test func theMeanOfNothingIsNil() {
        #expect(ItemStatistics.mean([]) == nil)
        #expect(ItemStatistics.mean([1, 0, 0, 1]) == 0.5)
    }
}
