/// The largest gap between two samples' empirical CDFs, found without sorting the samples.
///
/// It gives exactly what ``KolmogorovSmirnov/largestGap(_:_:)`` gives on the samples sorted,
/// the same point of the same largest gap, but reads each sample twice instead of sorting it:
/// 1. Both samples are counted into a fine grid of equal-width bins over their common range.
///    Every value of a bin is below every value of a later bin, so the ECDF difference at the
///    end of each bin is known exactly from the counts, and inside a bin it can rise by no more
///    than the bin's first-sample count and fall by no more than its second-sample count.
/// 2. The largest and smallest differences at bin ends bound the answer from below and above,
///    so only the bins that could reach past them (few, on continuous data) hold values worth
///    merging: a second read gathers those values, which are sorted and merged bin by bin.
///
/// Integer-valued samples with a small range get one bin per integer: every bin then holds one
/// value, and the bin ends are all the runs there are.
enum BinnedECDFGap {
    /// Below this many values in both samples together, sorting them is about as fast.
    static let minimumCount = 4096
    /// Bins per value of the larger sample, about: enough that a bin holds a few values.
    static let valuesPerBin = 16
    static let binCountRange = 256...(1 << 17)

    /// The gap, and how many values of each sample lie below each edge asked for.
    struct Result {
        var gap: (numerator: Int, value: Double)
        var firstBelow: [Int]
        var secondBelow: [Int]
    }

    /// The gap, or nil when binning does not pay (a range that is empty or beyond a double,
    /// or values so bunched that more than `mergeLimit` of them would need merging, by default
    /// a quarter): sort and merge instead.
    ///
    /// `low` and `high` are the smallest and largest value of both samples together; neither
    /// sample may be empty or hold NaN. `dense`, when given, is where nearly all values lie: the
    /// bins cover it alone, and the values beyond it share the first and the last bin, so that
    /// a heavy tail does not leave the bulk of the values in a few wide bins. `edges`, ascending
    /// and within `low...high`, are counted on the way (for the report's histogram), as
    /// `np.searchsorted(sorted, edges)` counts them.
    static func largestGap(
        _ a: [Double], _ b: [Double], low: Double, high: Double, dense: (low: Double, high: Double)? = nil,
        countingBelow edges: [Double] = [], binCount: Int? = nil, mergeLimit: Int? = nil
    ) -> Result? {
        let n1 = a.count
        let n2 = b.count
        guard n1 > 0, n2 > 0, max(n1, n2) < Int(UInt32.max) else { return nil }
        let fineCount =
            binCount ?? min(max(max(n1, n2) / valuesPerBin, binCountRange.lowerBound), binCountRange.upperBound)
        if let grid = BinGrid.integers(low: low, high: high, limit: 4 * fineCount), looksIntegral(a), looksIntegral(b) {
            let first = grid.count(a)
            let second = grid.count(b)
            if first.integral && second.integral {
                let none = [UInt8](repeating: 0, count: grid.count)
                return gap(grid, first.counts, second.counts, a, b, mergeable: none, edges: edges)
            }
        }
        let (gridLow, gridHigh) = (max(low, dense?.low ?? low), min(high, dense?.high ?? high))
        guard
            let grid = BinGrid.equalWidth(low: gridLow, high: gridHigh, count: fineCount)
                ?? BinGrid.equalWidth(low: low, high: high, count: fineCount)
        else { return nil }
        let first = grid.count(a).counts
        let second = grid.count(b).counts
        let bins = mergeableBins(first, second, n1: n1, n2: n2)
        guard bins.values <= mergeLimit ?? (n1 + n2) / 4 else { return nil }
        return gap(grid, first, second, a, b, mergeable: bins.flags, edges: edges)
    }

    /// Whether the first values of `values` are whole numbers, as a guess before counting.
    static func looksIntegral(_ values: [Double]) -> Bool {
        values.prefix(64).allSatisfy { $0 == $0.rounded(.towardZero) }
    }

    /// The bins whose values must be merged one by one (flag 1), and how many values they hold.
    ///
    /// A bin that starts at difference `s` and holds `c1` and `c2` values of each sample keeps
    /// its differences within `s - c2·n1 ... s + c1·n2`; only a bin holding both samples that
    /// reaches the largest (or smallest) difference seen at any bin end can hold the first point
    /// of the largest (or smallest) difference. The others' points are never recorded.
    static func mergeableBins(_ first: [UInt32], _ second: [UInt32], n1: Int, n2: Int) -> (flags: [UInt8], values: Int)
    {
        var highest = 0
        var lowest = 0
        var diff = 0
        for k in first.indices {
            diff += Int(first[k]) * n2 - Int(second[k]) * n1
            highest = max(highest, diff)
            lowest = min(lowest, diff)
        }
        var flags = [UInt8](repeating: 0, count: first.count)
        var values = 0
        diff = 0
        for k in first.indices {
            let c1 = Int(first[k])
            let c2 = Int(second[k])
            if c1 > 0 && c2 > 0 && (diff + c1 * n2 >= highest || diff - c2 * n1 <= lowest) {
                flags[k] = 1
                values += c1 + c2
            }
            diff += c1 * n2 - c2 * n1
        }
        return (flags, values)
    }

    /// Walks the bins in order: a flagged bin's gathered values are merged, any other bin
    /// counts at its end only; the bins of the edges are gathered too, to count below them.
    static func gap(
        _ grid: BinGrid, _ first: [UInt32], _ second: [UInt32], _ a: [Double], _ b: [Double], mergeable: [UInt8],
        edges: [Double]
    ) -> Result {
        var record = ECDFGapRecord(n1: a.count, n2: b.count)
        var flags = mergeable
        // Merging a bin that need not be is exact all the same, so an edge's bin can be flagged.
        let edgeBins = edges.map(grid.bin)
        for k in edgeBins { flags[k] = 1 }
        var totalA = 0
        var totalB = 0
        for k in flags.indices where flags[k] != 0 {
            totalA += Int(first[k])
            totalB += Int(second[k])
        }
        var gatheredA = grid.gather(a, flags: flags, total: totalA)
        var gatheredB = grid.gather(b, flags: flags, total: totalB)
        RadixSort.sort(&gatheredA)
        RadixSort.sort(&gatheredB)
        var i = 0
        var j = 0
        var nextA = 0
        var nextB = 0
        gatheredA.withUnsafeBufferPointer { gatheredA in
            gatheredB.withUnsafeBufferPointer { gatheredB in
                for k in first.indices {
                    let c1 = Int(first[k])
                    let c2 = Int(second[k])
                    if c1 | c2 == 0 { continue }
                    if flags[k] != 0 {
                        KolmogorovSmirnov.mergeRuns(
                            UnsafeBufferPointer(rebasing: gatheredA[nextA..<(nextA + c1)]),
                            UnsafeBufferPointer(rebasing: gatheredB[nextB..<(nextB + c2)]),
                            after: (i, j), into: &record)
                        nextA += c1
                        nextB += c2
                    }
                    i += c1
                    j += c2
                    record.record(i, j)
                }
            }
        }
        return Result(
            gap: record.gap, firstBelow: countBelow(edges, edgeBins, first, flags, gatheredA),
            secondBelow: countBelow(edges, edgeBins, second, flags, gatheredB))
    }

    /// How many values lie below each edge: all of the earlier bins' (counted, or gathered when
    /// flagged) and those of the edge's own bin, which is flagged, that are smaller.
    static func countBelow(
        _ edges: [Double], _ edgeBins: [Int], _ counts: [UInt32], _ flags: [UInt8], _ sortedGathered: [Double]
    ) -> [Int] {
        var below: [Int] = []
        var unflagged = 0
        var k = 0
        for (edge, bin) in zip(edges, edgeBins) {
            while k < bin {
                if flags[k] == 0 { unflagged += Int(counts[k]) }
                k += 1
            }
            below.append(unflagged + SortedCount.below(edge, in: sortedGathered))
        }
        return below
    }
}

/// A monotone map from values to bins: a smaller value never lands in a later bin.
struct BinGrid {
    let low: Double
    let scale: Double
    /// The number of bins.
    let count: Int

    /// `count` bins of equal width from `low` to `high`, or nil when that width is not a
    /// positive finite double.
    static func equalWidth(low: Double, high: Double, count: Int) -> BinGrid? {
        let scale = Double(count) / (high - low)
        guard high > low, scale.isFinite, scale > 0 else { return nil }
        return BinGrid(low: low, scale: scale, count: count)
    }

    /// One bin per whole number from `low` to `high`, when both are whole, at most `limit`
    /// apart and small enough that `x - low` and `low + k` are exact.
    static func integers(low: Double, high: Double, limit: Int) -> BinGrid? {
        guard low == low.rounded(.towardZero), high == high.rounded(.towardZero),
            abs(low) < 0x1p52, abs(high) < 0x1p52, high - low < Double(limit)
        else { return nil }
        return BinGrid(low: low, scale: 1, count: Int(high - low) + 1)
    }

    /// The bin of `x`; a value below the grid falls in the first bin, above it in the last.
    @inline(__always) func bin(_ x: Double) -> Int {
        Int(min(max((x - low) * scale, 0), Double(count &- 1)))
    }

    /// How many values fall in each bin, and whether every value is `low` plus its bin number
    /// (all whole numbers, on a grid of ``integers(low:high:limit:)``).
    func count(_ values: [Double]) -> (counts: [UInt32], integral: Bool) {
        var counts = [UInt32](repeating: 0, count: count)
        var mismatch = 0
        counts.withUnsafeMutableBufferPointer { counts in
            values.withUnsafeBufferPointer { values in
                for x in values {
                    let k = bin(x)
                    counts[k] &+= 1
                    mismatch |= low + Double(k) == x ? 0 : 1
                }
            }
        }
        return (counts, mismatch == 0)
    }

    /// The `total` values whose bins are flagged, in the order given.
    func gather(_ values: [Double], flags: [UInt8], total: Int) -> [Double] {
        guard total > 0 else { return [] }
        // One slot more, so that the loop can write every value and keep only the flagged ones.
        let gathered = [Double](unsafeUninitializedCapacity: total + 1) { buffer, initialized in
            var kept = 0
            flags.withUnsafeBufferPointer { flags in
                for x in values {
                    buffer[kept] = x
                    kept &+= Int(flags[bin(x)])
                }
            }
            precondition(kept == total, "the bins' counts and the values disagree")
            initialized = kept
        }
        return gathered
    }
}
