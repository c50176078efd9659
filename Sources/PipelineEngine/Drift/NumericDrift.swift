/// Drift of one numeric column.
enum NumericDrift {
    /// Compares two non-empty samples of finite numbers.
    static func compare(
        name: String, aspect: String? = nil, reference: consuming NumericSample, current: consuming NumericSample,
        options: DriftOptions
    ) -> DriftColumnResult {
        // Owned, so that sorting sorts these values in place instead of a copy of them.
        var r = consume reference
        var c = consume current
        let distinct = NumericSample.distinctCount(r, c, limit: 6)
        var method = options.method
        if method == .auto {
            if r.count <= 1000 {
                method = distinct > 5 ? .ks : (distinct > 2 ? .chisquare : .ztest)
            } else {
                method = distinct > 5 ? .wasserstein : .jensenshannon
            }
        }
        var result = DriftColumnResult(
            column: name, aspect: aspect, kind: aspect == nil ? .numeric : .text, method: method,
            statistic: nil, pValue: nil, threshold: nil, verdict: .skipped,
            effectSize: EffectSize.meanShift(reference: r, current: c), reason: nil,
            referenceCount: r.count, currentCount: c.count, histogram: nil)
        var notes: [String] = []
        switch method {
        case .ks:
            let gap: (numerator: Int, value: Double)
            let (low, high) = (min(r.minimum, c.minimum), max(r.maximum, c.maximum))
            if r.count + c.count >= BinnedECDFGap.minimumCount,
                let binned = BinnedECDFGap.largestGap(
                    r.values, c.values, low: low, high: high, dense: denseRange(r, c),
                    countingBelow: histogramEdges(low: low, high: high))
            {
                gap = binned.gap
                result.histogram = histogram(r, c, below: (binned.firstBelow, binned.secondBelow))
            } else {
                r.sort()
                c.sort()
                gap = KolmogorovSmirnov.largestGap(r.values, c.values)
            }
            let ks = KolmogorovSmirnov.test(gap: gap, n1: r.count, n2: c.count)
            result.statistic = ks.statistic
            result.pValue = ks.pValue
        case .wasserstein:
            if r.standardDeviation < 0.001 { notes.append("reference spread below 0.001: distance divided by 0.001") }
            r.sort()
            c.sort()
            // Halved values when the range overflows a double (halving is exact): the distance
            // and the spread are then both in halves, and so is nothing in their ratio.
            let scale = (max(r.maximum, c.maximum) - min(r.minimum, c.minimum)).isFinite ? 1.0 : 0.5
            let distance = Wasserstein.distance(sortedReference: r.values, sortedCurrent: c.values, scale: scale)
            result.statistic = distance / (max(r.standardDeviation, 0.001) * scale)
        case .psi, .jensenshannon, .chisquare:
            let buckets = Buckets.numeric(r, c)
            // Draw what the method measured: the reference's deciles (or values).
            result.histogram = BucketDrift.histogram(buckets, limit: 12)
            let measure = BucketDrift.measure(method, buckets)
            result.statistic = measure.statistic
            result.pValue = measure.pValue
            if let note = measure.note { notes.append(note) }
        case .ztest:
            if distinct > 2 {
                let count = NumericSample.distinctCount(r, c, limit: .max)
                result.reason = "ztest needs two values; '\(name)' has \(count) (try chisquare or ks)"
                result.method = nil
                return result
            }
            let measure = BucketDrift.measure(.ztest, Buckets.values(r, c))
            result.statistic = measure.statistic
            result.pValue = measure.pValue
        case .auto:
            preconditionFailure("auto is resolved above")
        }
        if result.histogram == nil { result.histogram = histogram(r, c) }
        let threshold = options.threshold ?? method.defaultThreshold
        result.threshold = threshold
        let drifted = method.crosses(statistic: result.statistic ?? 0, pValue: result.pValue, threshold: threshold)
        result.verdict = drifted ? .drift : .noDrift
        let constant = constantNotes(r, c)
        // For a column constant on both sides, that says all the bucket remark would.
        if r.isConstant && c.isConstant { notes.removeAll() }
        notes.insert(contentsOf: constant, at: 0)
        if result.effectSize == nil { notes.append(EffectSize.meanShiftOverflow) }
        if let note = result.smallEffectNote { notes.append(note) }
        result.reason = notes.isEmpty ? nil : notes.joined(separator: "; ")
        return result
    }

    /// Where nearly all of both samples lie: within eight standard deviations of either mean,
    /// which holds all but 1/64 of any sample (Chebyshev) and nearly all of a real one.
    static func denseRange(_ r: NumericSample, _ c: NumericSample) -> (low: Double, high: Double) {
        let reach = 8.0
        return (
            min(r.mean - reach * r.standardDeviation, c.mean - reach * c.standardDeviation),
            max(r.mean + reach * r.standardDeviation, c.mean + reach * c.standardDeviation)
        )
    }

    /// Remarks on columns that hold a single value on one or both sides.
    static func constantNotes(_ r: NumericSample, _ c: NumericSample) -> [String] {
        switch (r.isConstant, c.isConstant) {
        case (true, true) where r.minimum == c.minimum:
            return ["constant on both sides (\(formatDouble(r.minimum)))"]
        case (true, true):
            return [
                "constant on each side: \(formatDouble(r.minimum)) in the reference, \(formatDouble(c.minimum)) now"
            ]
        case (true, false):
            return ["constant in the reference (\(formatDouble(r.minimum)))"]
        case (false, true):
            return ["constant in the current data (\(formatDouble(c.minimum)))"]
        case (false, false):
            return []
        }
    }

    /// The histogram's bins: ten of equal width over both sides' range.
    static let histogramBinCount = 10

    /// The edges between the histogram's bins over `low...high`: bin i holds
    /// low + i·width ≤ x < low + (i+1)·width; the last bin also holds `high`.
    static func histogramEdges(low: Double, high: Double) -> [Double] {
        // By halves, so that a range such as -1e308 ... 1e308 still has finite edges.
        let halfWidth = (high / 2 - low / 2) / Double(histogramBinCount)
        return (1..<histogramBinCount).map { 2 * (low / 2 + Double($0) * halfWidth) }
    }

    /// Shares over ten equal-width bins of both sides' range, or per value when there are few.
    ///
    /// `below` may give how many values of each side lie below each of ``histogramEdges(low:high:)``.
    static func histogram(
        _ r: NumericSample, _ c: NumericSample, below: (reference: [Int], current: [Int])? = nil
    ) -> DriftHistogram {
        if NumericSample.distinctCount(r, c, limit: 11) <= 10 {
            return BucketDrift.histogram(Buckets.values(r, c), limit: 10)
        }
        let binCount = histogramBinCount
        let low = min(r.minimum, c.minimum)
        let high = max(r.maximum, c.maximum)
        let inner = histogramEdges(low: low, high: high)
        func shares(_ sample: NumericSample, _ below: [Int]?) -> [Double] {
            // Sorted already (ks, wasserstein): nine binary searches instead of a pass.
            guard let below = below ?? (sample.isSorted ? inner.map { SortedCount.below($0, in: sample.values) } : nil)
            else { return Buckets.binCounts(sample.values, inner).map { Double($0) / Double(sample.count) } }
            let bounds = [0] + below + [sample.count]
            return (0..<binCount).map { Double(bounds[$0 + 1] - bounds[$0]) / Double(sample.count) }
        }
        let labels = (0..<binCount).map { i in
            let from = i == 0 ? low : inner[i - 1]
            let to = i == binCount - 1 ? high : inner[i]
            return "\(Buckets.formatEdge(from))–\(Buckets.formatEdge(to))"
        }
        return DriftHistogram(
            labels: labels, reference: shares(r, below?.reference), current: shares(c, below?.current))
    }
}
