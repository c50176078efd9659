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

    /// Buckets for two sorted numeric samples: decile bins or one bucket per value.
    static func numeric(sortedReference a: [Double], sortedCurrent b: [Double]) -> Buckets {
        if SortedSamples.distinctCount(a, limit: binningMinimumDistinct + 1) > binningMinimumDistinct {
            return deciles(sortedReference: a, sortedCurrent: b)
        }
        return values(sortedReference: a, sortedCurrent: b)
    }

    /// Bins cut at the reference's deciles.
    static func deciles(sortedReference a: [Double], sortedCurrent b: [Double]) -> Buckets {
        var edges: [Double] = []
        for level in binLevels {
            let edge = quantile(sorted: a, level)
            if edges.last != edge { edges.append(edge) }
        }
        // Bucket i holds edges[i-1] ≤ x < edges[i] (np.searchsorted(edges, x, side="right")).
        func counts(_ sorted: [Double]) -> [Int] {
            var bounds = [0]
            for edge in edges { bounds.append(SortedSamples.countBelow(sorted, edge)) }
            bounds.append(sorted.count)
            return (0...edges.count).map { bounds[$0 + 1] - bounds[$0] }
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
        return Buckets(labels: labels, reference: counts(a), current: counts(b))
    }

    /// One bucket per distinct value seen on either side, in ascending order.
    static func values(sortedReference a: [Double], sortedCurrent b: [Double]) -> Buckets {
        let ra = SortedSamples.runs(a)
        let rb = SortedSamples.runs(b)
        var labels: [String] = []
        var reference: [Int] = []
        var current: [Int] = []
        var i = 0
        var j = 0
        while i < ra.count || j < rb.count {
            let value: Double
            if j >= rb.count || (i < ra.count && ra[i].value < rb[j].value) {
                value = ra[i].value
            } else {
                value = rb[j].value
            }
            var r = 0
            var c = 0
            if i < ra.count && ra[i].value == value {
                r = ra[i].count
                i += 1
            }
            if j < rb.count && rb[j].value == value {
                c = rb[j].count
                j += 1
            }
            labels.append(formatDouble(value))
            reference.append(r)
            current.append(c)
        }
        return Buckets(labels: labels, reference: reference, current: current)
    }

    /// One bucket per category seen on either side, most frequent (in both together) first.
    static func categories(reference: [String: Int], current: [String: Int]) -> Buckets {
        let keys = Set(reference.keys).union(current.keys).sorted { x, y in
            let nx = reference[x, default: 0] + current[x, default: 0]
            let ny = reference[y, default: 0] + current[y, default: 0]
            return nx != ny ? nx > ny : x < y
        }
        return Buckets(
            labels: keys, reference: keys.map { reference[$0, default: 0] },
            current: keys.map { current[$0, default: 0] })
    }

    /// The `level` quantile of a sorted sample by linear interpolation, as `np.quantile`.
    static func quantile(sorted: [Double], _ level: Double) -> Double {
        let n = sorted.count
        let virtual = Double(n - 1) * level
        if virtual >= Double(n - 1) { return sorted[n - 1] }
        if virtual < 0 { return sorted[0] }
        let previous = virtual.rounded(.down)
        let below = sorted[Int(previous)]
        let above = sorted[Int(previous) + 1]
        let gamma = virtual - previous
        let difference = above - below
        // numpy's _lerp: interpolate from whichever end is nearer.
        return gamma >= 0.5 ? above - difference * (1 - gamma) : below + difference * gamma
    }

    static func formatEdge(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-3) {
            return String(format: "%.3g", value)
        }
        return formatDouble((value * 1000).rounded() / 1000)
    }
}
