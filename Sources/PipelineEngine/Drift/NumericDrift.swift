/// Drift of one numeric column.
enum NumericDrift {
    /// Compares two sorted, non-empty samples of finite numbers.
    static func compare(
        name: String, aspect: String? = nil, reference r: [Double], current c: [Double],
        options: DriftOptions
    ) -> DriftColumnResult {
        let distinct = SortedSamples.distinctCount(r, c, limit: 6)
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
            referenceCount: r.count, currentCount: c.count, histogram: histogram(r, c))
        var notes: [String] = []
        switch method {
        case .ks:
            let ks = KolmogorovSmirnov.test(sortedReference: r, sortedCurrent: c)
            result.statistic = ks.statistic
            result.pValue = ks.pValue
        case .wasserstein:
            let sd = Wasserstein.populationStandardDeviation(r)
            if sd < 0.001 { notes.append("reference spread below 0.001: distance divided by 0.001") }
            result.statistic = Wasserstein.distance(sortedReference: r, sortedCurrent: c) / max(sd, 0.001)
        case .psi, .jensenshannon, .chisquare:
            let measure = BucketDrift.measure(method, Buckets.numeric(sortedReference: r, sortedCurrent: c))
            result.statistic = measure.statistic
            result.pValue = measure.pValue
            if let note = measure.note { notes.append(note) }
        case .ztest:
            if distinct > 2 {
                let count = SortedSamples.distinctCount(r, c)
                result.reason = "ztest needs two values; '\(name)' has \(count) (try chisquare or ks)"
                result.method = nil
                return result
            }
            let measure = BucketDrift.measure(.ztest, Buckets.values(sortedReference: r, sortedCurrent: c))
            result.statistic = measure.statistic
            result.pValue = measure.pValue
        case .auto:
            preconditionFailure("auto is resolved above")
        }
        let threshold = options.threshold ?? method.defaultThreshold
        result.threshold = threshold
        let drifted = method.crosses(statistic: result.statistic ?? 0, pValue: result.pValue, threshold: threshold)
        result.verdict = drifted ? .drift : .noDrift
        let constant = constantNotes(r, c)
        // For a column constant on both sides, that says all the bucket remark would.
        if r.first == r.last && c.first == c.last { notes.removeAll() }
        notes.insert(contentsOf: constant, at: 0)
        if let note = result.smallEffectNote { notes.append(note) }
        result.reason = notes.isEmpty ? nil : notes.joined(separator: "; ")
        return result
    }

    /// Remarks on columns that hold a single value on one or both sides.
    static func constantNotes(_ r: [Double], _ c: [Double]) -> [String] {
        let refConstant = r.first == r.last
        let curConstant = c.first == c.last
        switch (refConstant, curConstant) {
        case (true, true) where r[0] == c[0]:
            return ["constant on both sides (\(formatDouble(r[0])))"]
        case (true, true):
            return ["constant on each side: \(formatDouble(r[0])) in the reference, \(formatDouble(c[0])) now"]
        case (true, false):
            return ["constant in the reference (\(formatDouble(r[0])))"]
        case (false, true):
            return ["constant in the current data (\(formatDouble(c[0])))"]
        case (false, false):
            return []
        }
    }

    /// Shares over ten equal-width bins of both sides' range (np.histogram), or per value when
    /// there are few values.
    static func histogram(_ r: [Double], _ c: [Double]) -> DriftHistogram {
        if SortedSamples.distinctCount(r, c, limit: 11) <= 10 {
            return BucketDrift.histogram(Buckets.values(sortedReference: r, sortedCurrent: c), limit: 10)
        }
        let low = min(r[0], c[0])
        let high = max(r[r.count - 1], c[c.count - 1])
        let binCount = 10
        let width = (high - low) / Double(binCount)
        var edges = (0..<binCount).map { low + Double($0) * width }
        edges.append(high)
        func shares(_ sorted: [Double]) -> [Double] {
            var bounds = [0]
            for edge in edges.dropFirst().dropLast() { bounds.append(SortedSamples.countBelow(sorted, edge)) }
            bounds.append(sorted.count)
            return (0..<binCount).map { Double(bounds[$0 + 1] - bounds[$0]) / Double(sorted.count) }
        }
        let labels = (0..<binCount).map { i in
            "\(Buckets.formatEdge(edges[i]))–\(Buckets.formatEdge(edges[i + 1]))"
        }
        return DriftHistogram(labels: labels, reference: shares(r), current: shares(c))
    }
}
