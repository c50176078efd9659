import Foundation
import Testing

@testable import PipelineEngine

/// Numeric chi-square over decile bins leaves out a bin empty on both sides, and its note
/// matches its numbers (issue #18, item 20).
@Suite struct DriftChiSquareBinsTests {
    /// Zero-inflated: 30% zeros, so the reference's 10% and 20% quantiles are its minimum and
    /// the bin below them is empty on both sides.
    static let reference = Array(repeating: 0.0, count: 30) + (1...70).map(Double.init)
    static let current = Array(repeating: 0.0, count: 45) + (1...55).map { Double($0) * 1.1 }

    @Test func aBinEmptyOnBothSidesIsNotADegreeOfFreedom() throws {
        let report = try DriftDetector.compare(
            reference: DriftTestData.numbers("x", Self.reference), current: DriftTestData.numbers("x", Self.current),
            options: .init(method: .chisquare))
        let result = try #require(DriftTestData.result(report, "x"))
        // numpy 2.4.6 / scipy 1.17.1: edges = unique(np.quantile(ref, [.1, ..., .9])), counts by
        // np.searchsorted(edges, x, side="right"), bins empty on both sides dropped, then
        // scipy.stats.chisquare(cur_counts, ref_counts * 100 / 100) -> statistic 16.2,
        // pvalue 0.023350640322425266 (7 degrees of freedom; with the empty bin, 8 would give
        // p = 0.03960533142782345).
        #expect(DriftTestData.close(result.statistic, 16.2, relative: 1e-12))
        #expect(DriftTestData.close(result.pValue, 0.023350640322425266, relative: 1e-9))
        #expect(result.reason == nil)
    }

    @Test func theInfiniteNoteOnlyComesWithAnInfiniteStatistic() throws {
        // Current values below the reference's minimum land in the lowest bin, which the
        // reference never fills: that is what makes chi-square infinite.
        let report = try DriftDetector.compare(
            reference: DriftTestData.numbers("x", Self.reference),
            current: DriftTestData.numbers("x", Self.current + [-5]), options: .init(method: .chisquare))
        let result = try #require(DriftTestData.result(report, "x"))
        #expect(result.statistic == .infinity)
        #expect(result.pValue == 0)
        #expect(result.reason == "'< 0' never seen in the reference: chi-square is infinite, p = 0")
    }
}
