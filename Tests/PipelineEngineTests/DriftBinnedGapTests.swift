import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// The binned ECDF gap finds the very point (and so the float) that merging the sorted samples
/// finds; the reference here is that merge, which the scipy cases in
/// DriftKolmogorovSmirnovTests pin to `ks_2samp`.
@Suite struct DriftBinnedGapTests {
    /// Draws `count` values: `shape(rng)` per value.
    static func draw(_ seed: UInt64, _ count: Int, _ shape: (inout SeededRandom) -> Double) -> [Double] {
        var rng = SeededRandom(seed: seed)
        return (0..<count).map { _ in shape(&rng) }
    }

    static func sortedGap(_ a: [Double], _ b: [Double]) -> (numerator: Int, value: Double) {
        KolmogorovSmirnov.largestGap(a.sorted(), b.sorted())
    }

    static func binnedGap(
        _ a: [Double], _ b: [Double], binCount: Int? = nil, mergeLimit: Int? = nil, dense: Bool = false
    ) -> (numerator: Int, value: Double)? {
        BinnedECDFGap.largestGap(
            a, b, low: min(a.min()!, b.min()!), high: max(a.max()!, b.max()!),
            dense: dense ? NumericDrift.denseRange(NumericSample(a), NumericSample(b)) : nil, binCount: binCount,
            mergeLimit: mergeLimit)?.gap
    }

    /// Student's t with 5 degrees of freedom: heavy tails, finite spread.
    static let studentT: @Sendable (inout SeededRandom) -> Double = { rng in
        let chiSquare = (0..<5).map { _ in pow(rng.nextGaussian(), 2) }.reduce(0, +)
        return rng.nextGaussian() / (chiSquare / 5).squareRoot()
    }

    typealias Shape = (String, @Sendable (inout SeededRandom) -> Double, @Sendable (inout SeededRandom) -> Double)

    static let shapes: [Shape] = [
        ("normal, shifted", { $0.nextGaussian() }, { 0.05 + $0.nextGaussian() }),
        ("normal, not shifted", { $0.nextGaussian() }, { $0.nextGaussian() }),
        (
            "six digits, as the CSV files", { ($0.nextGaussian() * 1e5).rounded() / 1e5 },
            { ($0.nextGaussian() * 1e5).rounded() / 1e5 }
        ),
        ("heavy tail", { 1 / ($0.nextUnit() + 1e-3) }, { 1.1 / ($0.nextUnit() + 1e-3) }),
        ("heavy ties", { ($0.nextGaussian() * 4).rounded() / 4 }, { ($0.nextGaussian() * 4 + 0.1).rounded() / 4 }),
        ("small integers", { ($0.nextUnit() * 120).rounded(.down) }, { ($0.nextUnit() * 121).rounded(.down) }),
        ("wide integers", { ($0.nextGaussian() * 1e7).rounded() }, { ($0.nextGaussian() * 1e7 + 1e5).rounded() }),
        ("whole ends, fractions inside", { $0.nextUnit() < 0.01 ? 0 : 100 * $0.nextUnit() }, { 100 * $0.nextUnit() }),
        ("disjoint", { $0.nextUnit() }, { 2 + $0.nextUnit() }),
        ("one side constant", { _ in 0.5 }, { $0.nextUnit() }),
        ("t-like tails", studentT, { 0.02 + studentT(&$0) }),
        ("outlier", { $0.nextGaussian() }, { $0.nextUnit() < 1e-4 ? 1e12 : $0.nextGaussian() }),
    ]

    @Test(arguments: shapes.indices)
    func findsTheSameGapAsMerging(_ index: Int) throws {
        let (name, first, second) = Self.shapes[index]
        var binned = 0
        for (n1, n2) in [(50_000, 50_000), (40_000, 27_000), (3000, 70_000)] {
            let a = Self.draw(UInt64(index * 7 + n1), n1, first)
            let b = Self.draw(UInt64(index * 7 + n2 + 1), n2, second)
            let expected = Self.sortedGap(a, b)
            for binCount in [nil, 1, 7, 300] {
                let gap = Self.binnedGap(a, b, binCount: binCount)
                let dense = Self.binnedGap(a, b, binCount: binCount, dense: true)
                if gap != nil || dense != nil { binned += 1 }
                // Without a limit on merging, every grid over a finite range gives the gap.
                let merged = Self.binnedGap(a, b, binCount: binCount, mergeLimit: .max)
                let denseMerged = Self.binnedGap(a, b, binCount: binCount, mergeLimit: .max, dense: true)
                for found in [gap, dense, merged, denseMerged].compactMap({ $0 }) {
                    #expect(
                        found == expected, "\(name), \(n1) and \(n2), \(binCount.map(String.init) ?? "default") bins")
                }
                #expect(merged != nil)
            }
        }
        #expect(binned > 0 || name.hasPrefix("heavy") || name == "outlier")
        // Binning pays on continuous values and on whole numbers.
        if index < 3 || name.hasSuffix("integers") { #expect(binned >= 3) }
    }

    @Test(arguments: shapes.indices)
    func countsBelowEdgesAsSearchingTheSortedSamples(_ index: Int) throws {
        let (name, first, second) = Self.shapes[index]
        let a = Self.draw(UInt64(index + 100), 30_000, first)
        let b = Self.draw(UInt64(index + 200), 20_000, second)
        let (low, high) = (min(a.min()!, b.min()!), max(a.max()!, b.max()!))
        // The histogram's edges, and edges on values of the samples, where ties matter.
        for edges in [NumericDrift.histogramEdges(low: low, high: high), [low, a[0], b[0], b[1], high].sorted()] {
            guard
                let found = BinnedECDFGap.largestGap(
                    a, b, low: low, high: high, countingBelow: edges, mergeLimit: .max)
            else { continue }
            func below(_ values: [Double]) -> [Int] {
                let sorted = values.sorted()
                return edges.map { edge in sorted.firstIndex { $0 >= edge } ?? sorted.count }
            }
            #expect(found.firstBelow == below(a), "\(name): \(edges)")
            #expect(found.secondBelow == below(b), "\(name): \(edges)")
        }
    }

    @Test func bins() throws {
        let a = Self.draw(1, 60_000) { $0.nextGaussian() }
        let b = Self.draw(2, 50_000) { 0.02 + $0.nextGaussian() }
        // Continuous values need few bins merged: binning is used.
        let gap = try #require(Self.binnedGap(a, b))
        #expect(gap == Self.sortedGap(a, b))
        // Whole numbers get a bin each; the gap needs no merging at all.
        let integers = a.map { ($0 * 10).rounded() }
        #expect(Self.binnedGap(integers, b.map { ($0 * 10).rounded() }) != nil)
    }

    @Test func binsTheDenseRangeOfHeavyTails() throws {
        let a = Self.draw(5, 200_000, Self.studentT)
        let b = Self.draw(6, 200_000) { 0.01 + Self.studentT(&$0) }
        // The tails beyond the dense range share the first and last bins and are merged there.
        let gap = try #require(Self.binnedGap(a, b, dense: true))
        #expect(gap == Self.sortedGap(a, b))
        let narrow = try #require(
            BinnedECDFGap.largestGap(
                a, b, low: min(a.min()!, b.min()!), high: max(a.max()!, b.max()!), dense: (-0.5, 0.5),
                mergeLimit: .max))
        #expect(narrow.gap == gap)
    }

    @Test func declinesRangesBeyondADouble() {
        let a = [-Double.greatestFiniteMagnitude, 0, 1]
        let b = [Double.greatestFiniteMagnitude, 2]
        #expect(Self.binnedGap(a, b) == nil)
    }

    @Test func smallSamplesMatchScipy() throws {
        // scipy: ks_2samp([1, 2, 3], [4, 5]) -> statistic 1.0, pvalue 0.2
        let gap = try #require(BinnedECDFGap.largestGap([3, 1, 2], [5, 4], low: 1, high: 5)?.gap)
        let result = KolmogorovSmirnov.test(gap: gap, n1: 3, n2: 2)
        #expect(result.statistic == 1)
        #expect(DriftTestData.close(result.pValue, 0.2, relative: 1e-12))
    }
}
