import Foundation
import LabSupport

/// Counts of reference and current values over shared buckets, for PSI, Jensen-Shannon and
/// chi-square.
///
/// Numbers with more than ``Buckets/binningMinimumDistinct`` distinct reference values fall in
/// bins cut at the reference's deciles (`np.quantile`, linear), with open outer bins so that
/// every current value lands somewhere; repeated edges are merged. Numbers with fewer distinct
/// values, and categories, get one bucket per value seen on either side (as Evidently's
/// `get_binned_data` does).
struct Buckets: Equatable {
    /// Above this many distinct reference values, numbers are binned rather than counted by value.
    static let binningMinimumDistinct = 20
    /// The quantiles that cut numeric bins.
    static let binLevels = (1...9).map { Double($0) / 10 }

    var labels: [String]
    var reference: [Int]
    var current: [Int]

    var referenceTotal: Int { reference.reduce(0, +) }
    var currentTotal: Int { current.reduce(0, +) }
    var referenceShares: [Double] { Self.shares(reference) }
    var currentShares: [Double] { Self.shares(current) }

    static func shares(_ counts: [Int]) -> [Double] {
        let total = Double(counts.reduce(0, +))
        return counts.map { total > 0 ? Double($0) / total : 0 }
    }

    /// Buckets for two numeric samples: decile bins or one bucket per value.
    static func numeric(_ reference: NumericSample, _ current: NumericSample) -> Buckets {
        if reference.distinctCount(limit: binningMinimumDistinct + 1) > binningMinimumDistinct {
            return deciles(reference, current)
        }
        return values(reference, current)
    }

    /// Bins cut at the reference's deciles.
    static func deciles(_ reference: NumericSample, _ current: NumericSample) -> Buckets {
        var edges: [Double] = []
        for edge in quantiles(reference, binLevels) where edges.last != edge {
            edges.append(edge)
        }
        var labels: [String] = []
        for i in 0...edges.count {
            if i == 0 {
                labels.append("< \(formatEdge(edges[0]))")
            } else if i == edges.count {
                labels.append("≥ \(formatEdge(edges[i - 1]))")
            } else {
                labels.append("[\(formatEdge(edges[i - 1])), \(formatEdge(edges[i])))")
            }
        }
        return Buckets(
            labels: labels, reference: binCounts(reference.values, edges),
            current: binCounts(current.values, edges))
    }

    /// How many values fall in each bin: bin i holds edges[i-1] ≤ x < edges[i], as
    /// `np.searchsorted(edges, x, side="right")` numbers them.
    static func binCounts(_ values: [Double], _ edges: [Double]) -> [Int] {
        precondition(edges.count <= 15)
        // Fifteen edges padded with +inf (no finite value reaches them) make a branch-free
        // binary search of exactly four steps.
        var padded = [Double](repeating: .infinity, count: 16)
        padded.replaceSubrange(0..<edges.count, with: edges)
        var tallies = [Int](repeating: 0, count: 32)
        padded.withUnsafeBufferPointer { e in
            tallies.withUnsafeMutableBufferPointer { t in
                values.withUnsafeBufferPointer { v in
                    for i in 0..<v.count {
                        let x = v[i]
                        // 1 when x ≥ edge: the sign bit of x - edge (+0 when they are equal).
                        // Integer arithmetic on it keeps the loop free of branches, where
                        // `x >= edge ? 1 : 0` compiles to branches.
                        var bin = (1 &- Int(truncatingIfNeeded: (x - e[7]).bitPattern >> 63)) &<< 3
                        bin |= (1 &- Int(truncatingIfNeeded: (x - e[bin &+ 3]).bitPattern >> 63)) &<< 2
                        bin |= (1 &- Int(truncatingIfNeeded: (x - e[bin &+ 1]).bitPattern >> 63)) &<< 1
                        bin &+= 1 &- Int(truncatingIfNeeded: (x - e[bin]).bitPattern >> 63)
                        // Alternate two tallies so that runs in one bin do not queue on one store.
                        t[(i & 1) &<< 4 &+ bin] &+= 1
                    }
                }
            }
        }
        return (0...edges.count).map { tallies[$0] + tallies[16 + $0] }
    }

    /// Quantiles of a sample by linear interpolation, as `np.quantile`.
    static func quantiles(_ sample: NumericSample, _ levels: [Double]) -> [Double] {
        let n = sample.count
        var ranks: [Int] = []
        for level in levels {
            let previous = Int((Double(n - 1) * level).rounded(.down))
            ranks.append(previous)
            if previous + 1 < n { ranks.append(previous + 1) }
        }
        let valueAt: (Int) -> Double
        if sample.isSorted {
            let values = sample.values
            valueAt = { values[$0] }
        } else {
            let selected = Selection.values(atRanks: ranks, of: sample.values)
            valueAt = { selected[$0] ?? .nan }
        }
        return levels.map { level in
            let virtual = Double(n - 1) * level
            if virtual >= Double(n - 1) { return valueAt(n - 1) }
            let previous = virtual.rounded(.down)
            let below = valueAt(Int(previous))
            let above = valueAt(Int(previous) + 1)
            let gamma = virtual - previous
            let difference = above - below
            // A gap beyond a double (-1e308 to 1e308): weigh the two ends instead.
            guard difference.isFinite else { return below * (1 - gamma) + above * gamma }
            // numpy's _lerp: interpolate from whichever end is nearer.
            return gamma >= 0.5 ? above - difference * (1 - gamma) : below + difference * gamma
        }
    }

    /// One bucket per distinct value seen on either side, in ascending order.
    static func values(_ reference: NumericSample, _ current: NumericSample) -> Buckets {
        let r = valueCounts(reference.values)
        let c = valueCounts(current.values)
        let keys = Set(r.keys).union(c.keys).sorted()
        return Buckets(
            labels: keys.map(formatDouble), reference: keys.map { r[$0, default: 0] },
            current: keys.map { c[$0, default: 0] })
    }

    /// How often each value occurs: a short list while there are few, a dictionary past that.
    static func valueCounts(_ values: [Double]) -> [Double: Int] {
        var keys: [Double] = []
        var counts: [Int] = []
        var index = 0
        while index < values.count && keys.count <= 64 {
            let v = values[index]
            if let slot = keys.firstIndex(of: v) {
                counts[slot] += 1
            } else {
                keys.append(v)
                counts.append(1)
            }
            index += 1
        }
        var out = Dictionary(uniqueKeysWithValues: zip(keys, counts))
        while index < values.count {
            out[values[index], default: 0] += 1
            index += 1
        }
        return out
    }

    /// One bucket per category seen on either side, most frequent (in both together) first.
    static func categories(reference: [CodePoints: Int], current: [CodePoints: Int]) -> Buckets {
        let keys = Set(reference.keys).union(current.keys).sorted { x, y in
            let nx = reference[x, default: 0] + current[x, default: 0]
            let ny = reference[y, default: 0] + current[y, default: 0]
            return nx != ny ? nx > ny : x < y
        }
        return Buckets(
            labels: keys.map(\.text), reference: keys.map { reference[$0, default: 0] },
            current: keys.map { current[$0, default: 0] })
    }

    static func formatEdge(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-3) {
            return String(format: "%.3g", value)
        }
        return formatDouble((value * 1000).rounded() / 1000)
    }
}
