/// One side's finite numbers with the summaries every method shares, sorted only on demand.
///
/// Only `wasserstein` needs both sides sorted (and `ks` on values too bunched to bin, see
/// ``BinnedECDFGap``), and PSI, Jensen-Shannon and chi-square only the reference's deciles;
/// the rest (mean, spread, range, distinct values) takes a pass or two, so a million-row column
/// is sorted only when a method needs it.
struct NumericSample {
    /// The values, in row order until ``sort()`` is called.
    private(set) var values: [Double]
    private(set) var isSorted: Bool
    let minimum: Double
    let maximum: Double
    let mean: Double
    /// The population standard deviation (`np.std`, ddof 0).
    let standardDeviation: Double

    /// Summarises a non-empty sample of finite numbers.
    init(_ values: [Double], sorted: Bool = false) {
        precondition(!values.isEmpty)
        self.values = values
        isSorted = sorted
        let (low, high) = Self.range(values)
        let n = Double(values.count)
        // The same operations as np.mean and np.std, pairwise sums included, so that the
        // normed Wasserstein distance and the effect size agree with numpy to the last digits.
        let mu = values.withUnsafeBufferPointer { Self.pairwiseSum($0, 0, $0.count) { $0 } } / n
        minimum = low
        maximum = high
        let squares = values.withUnsafeBufferPointer { v in
            Self.pairwiseSum(v, 0, v.count) { x in
                let d = x - mu
                return d * d
            }
        }
        if mu.isFinite && squares.isFinite {
            mean = mu
            standardDeviation = (squares / n).squareRoot()
        } else {
            // Values near ±1.8e308 overflow the sums: take them over values scaled below 1.
            let scale = ExtremeValues.downscale(forMagnitude: max(abs(low), abs(high)))
            let scaled = ExtremeValues.scaledMoments(values, scale: scale)
            mean = scaled.mean / scale
            standardDeviation = scaled.variance.squareRoot() / scale
        }
    }

    /// The smallest and largest value, as `min` and `max` folded over them in order give them.
    static func range(_ values: [Double]) -> (low: Double, high: Double) {
        func folded(_ values: UnsafeBufferPointer<Double>) -> (Double, Double) {
            var low = Double.infinity
            var high = -Double.infinity
            for v in values {
                low = min(low, v)
                high = max(high, v)
            }
            return (low, high)
        }
        return values.withUnsafeBufferPointer { v in
            // Four lanes, so that each step does not wait for the one before; for values free of
            // NaN that changes nothing but which of 0.0 and -0.0 is kept (the first seen, in
            // order), so a zero at either end is taken again in order.
            var (low0, low1, low2, low3) = (Double.infinity, Double.infinity, Double.infinity, Double.infinity)
            var (high0, high1, high2, high3) = (-Double.infinity, -Double.infinity, -Double.infinity, -Double.infinity)
            var i = 0
            while i + 4 <= v.count {
                low0 = min(low0, v[i])
                low1 = min(low1, v[i + 1])
                low2 = min(low2, v[i + 2])
                low3 = min(low3, v[i + 3])
                high0 = max(high0, v[i])
                high1 = max(high1, v[i + 1])
                high2 = max(high2, v[i + 2])
                high3 = max(high3, v[i + 3])
                i += 4
            }
            var (low, high) = folded(UnsafeBufferPointer(rebasing: v[i...]))
            low = min(min(low, low0), min(min(low1, low2), low3))
            high = max(max(high, high0), max(max(high1, high2), high3))
            return low == 0 || high == 0 ? folded(v) : (low, high)
        }
    }

    /// numpy's pairwise summation (`pairwise_sum` in its umath loops) of `term(x)`: blocks of
    /// at most 128 summed with eight accumulators, halves added recursively.
    @inline(__always) static func pairwiseSum(
        _ a: UnsafeBufferPointer<Double>, _ start: Int, _ n: Int, _ term: (Double) -> Double
    ) -> Double {
        if n < 8 {
            var sum = 0.0
            for i in start..<(start + n) { sum += term(a[i]) }
            return sum
        }
        if n <= 128 {
            var r0 = term(a[start])
            var r1 = term(a[start + 1])
            var r2 = term(a[start + 2])
            var r3 = term(a[start + 3])
            var r4 = term(a[start + 4])
            var r5 = term(a[start + 5])
            var r6 = term(a[start + 6])
            var r7 = term(a[start + 7])
            var i = 8
            while i < n - n % 8 {
                let p = start + i
                r0 += term(a[p])
                r1 += term(a[p + 1])
                r2 += term(a[p + 2])
                r3 += term(a[p + 3])
                r4 += term(a[p + 4])
                r5 += term(a[p + 5])
                r6 += term(a[p + 6])
                r7 += term(a[p + 7])
                i += 8
            }
            var sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
            while i < n {
                sum += term(a[start + i])
                i += 1
            }
            return sum
        }
        var half = n / 2
        half -= half % 8
        return pairwiseSum(a, start, half, term) + pairwiseSum(a, start + half, n - half, term)
    }

    var count: Int { values.count }
    var isConstant: Bool { minimum == maximum }

    /// Sorts the values in place (once).
    mutating func sort() {
        if !isSorted {
            RadixSort.sort(&values)
            isSorted = true
        }
    }

    /// The distinct values of both samples together, counting no further than `limit`.
    static func distinctCount(_ a: NumericSample, _ b: NumericSample, limit: Int) -> Int {
        distinctValues(a, b, limit: limit).count
    }

    /// Up to `limit` distinct values of both samples together, in the order first seen.
    static func distinctValues(_ a: NumericSample, _ b: NumericSample, limit: Int) -> [Double] {
        var seen: [Double] = []
        for sample in [a, b] {
            for v in sample.values where !seen.contains(v) {
                seen.append(v)
                if seen.count >= limit { return seen }
            }
        }
        return seen
    }

    /// The distinct values of one sample, counting no further than `limit`.
    func distinctCount(limit: Int) -> Int {
        var seen: [Double] = []
        for v in values where !seen.contains(v) {
            seen.append(v)
            if seen.count >= limit { break }
        }
        return seen.count
    }
}
