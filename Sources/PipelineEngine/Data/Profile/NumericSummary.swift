/// The numbers that describe a numeric column: range, centre, spread, quartiles and shape.
///
/// The definitions are pandas' and NumPy's, so a learner can check them in a notebook: the
/// standard deviation is the sample one (ddof 1), quartiles interpolate linearly
/// (`numpy.percentile`'s default), and the histogram has `numpy.histogram`'s equal-width bins
/// with the last bin closed.
package struct NumericSummary: Sendable, Equatable, Encodable {
    /// How many non-null values were summarised.
    package var count: Int
    /// How many different values there are.
    package var distinct: Int
    package var min: Double
    package var max: Double
    package var mean: Double
    /// Sample standard deviation; nil for fewer than two values.
    package var std: Double?
    package var p25: Double
    package var median: Double
    package var p75: Double
    package var histogram: Histogram

    /// Summarises `values`; nil when there are none.
    package init?(_ values: [Double], bins: Int = 10) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        distinct = 1 + (1..<sorted.count).reduce(0) { $0 + (sorted[$1] != sorted[$1 - 1] ? 1 : 0) }
        min = sorted[0]
        max = sorted[sorted.count - 1]
        mean = Self.mean(sorted)
        std = Self.sampleStandardDeviation(sorted, mean: mean)
        p25 = Self.quantile(sorted, 0.25)
        median = Self.quantile(sorted, 0.5)
        p75 = Self.quantile(sorted, 0.75)
        histogram = Histogram(sorted: sorted, bins: bins)
    }

    /// The arithmetic mean, summed pairwise in blocks to keep rounding error small.
    package static func mean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let mean = pairwiseSum(values[...]) / Double(values.count)
        if mean.isFinite || values.contains(where: { !$0.isFinite }) { return mean }
        // Values near ±1.8e308 overflow the sum: take it over values scaled below 1.
        let scale = ExtremeValues.downscale(forMagnitude: ExtremeValues.largestMagnitude(values))
        return ExtremeValues.scaledMoments(values, scale: scale).mean / scale
    }

    /// The sample standard deviation (ddof 1) around `mean`; nil for fewer than two values.
    package static func sampleStandardDeviation(_ values: [Double], mean: Double) -> Double? {
        guard values.count >= 2 else { return nil }
        var squares = 0.0
        for value in values {
            let d = value - mean
            squares += d * d
        }
        if squares.isFinite || !mean.isFinite || values.contains(where: { !$0.isFinite }) {
            return (squares / Double(values.count - 1)).squareRoot()
        }
        // Deviations near 1e308 overflow their squares: square them scaled below 1.
        let scale = ExtremeValues.downscale(forMagnitude: ExtremeValues.largestMagnitude(values))
        var scaledSquares = 0.0
        for value in values {
            let d = value * scale - mean * scale
            scaledSquares += d * d
        }
        return (scaledSquares / Double(values.count - 1)).squareRoot() / scale
    }

    /// The `q` quantile of sorted values, interpolated linearly as NumPy does.
    package static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = Double(sorted.count - 1) * q
        let below = Int(position.rounded(.down))
        let above = Swift.min(below + 1, sorted.count - 1)
        let t = position - Double(below)
        let a = sorted[below]
        let b = sorted[above]
        // NumPy's _lerp: interpolate from the nearer end, so that t = 1 gives b exactly.
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }

    private static func pairwiseSum(_ values: ArraySlice<Double>) -> Double {
        if values.count <= 128 {
            var sum = 0.0
            for value in values { sum += value }
            return sum
        }
        let middle = values.startIndex + values.count / 2
        return pairwiseSum(values[..<middle]) + pairwiseSum(values[middle...])
    }
}

/// Counts of values in equal-width bins between the smallest and largest value.
package struct Histogram: Sendable, Equatable, Encodable {
    /// `counts.count + 1` bin edges; bin `i` is `[edges[i], edges[i+1])`, the last one closed.
    package var edges: [Double]
    package var counts: [Int]

    /// Bins sorted values as `numpy.histogram(values, bins)` does, including its range of
    /// `min - 0.5 ... max + 0.5` when all values are equal.
    package init(sorted: [Double], bins: Int) {
        var first = sorted.first ?? 0
        var last = sorted.last ?? 1
        if first == last {
            first -= 0.5
            last += 0.5
        }
        // Halves never overflow, so a range such as -1e308 ... 1e308 still has finite edges; a
        // constant far beyond 2^53 has first == last even after ±0.5, and falls in the middle bin.
        let halfWidth = last / 2 - first / 2
        let halfStep = halfWidth / Double(bins)
        // 2 × (first/2 + i × halfStep) is first + i × step exactly (halving is exact), without overflow.
        edges = (0...bins).map { 2 * (first / 2 + Double($0) * halfStep) }
        edges[bins] = last
        counts = [Int](repeating: 0, count: bins)
        for value in sorted {
            let fraction = halfWidth > 0 ? (value / 2 - first / 2) / halfWidth : 0.5
            var index = fraction.isFinite ? Int(min(max(fraction, 0), 1) * Double(bins)) : bins / 2
            index = min(max(index, 0), bins - 1)
            if index > 0, value < edges[index] { index -= 1 }
            if index != bins - 1, value >= edges[index + 1] { index += 1 }
            counts[index] += 1
        }
    }
}
