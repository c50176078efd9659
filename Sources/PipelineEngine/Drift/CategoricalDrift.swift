import LabSupport

/// Drift of one categorical column (strings that are not free text, and booleans).
enum CategoricalDrift {
    /// Compares category counts of two non-empty samples.
    static func compare(
        name: String, aspect: String? = nil, kind: DriftFeatureKind = .categorical,
        reference: [CodePoints: Int], current: [CodePoints: Int], options: DriftOptions
    ) -> DriftColumnResult {
        let buckets = Buckets.categories(reference: reference, current: current)
        let distinct = buckets.labels.count
        var method = options.method
        if method == .auto {
            method = buckets.referenceTotal <= 1000 ? (distinct > 2 ? .chisquare : .ztest) : .jensenshannon
        }
        var result = DriftColumnResult(
            column: name, aspect: aspect, kind: kind, method: method, statistic: nil, pValue: nil,
            threshold: nil, verdict: .skipped,
            effectSize: EffectSize.totalVariation(buckets.referenceShares, buckets.currentShares),
            reason: nil, referenceCount: buckets.referenceTotal, currentCount: buckets.currentTotal,
            histogram: BucketDrift.histogram(buckets))
        switch method {
        case .ks, .wasserstein:
            result.method = nil
            result.reason =
                "\(method.rawValue) compares numbers; '\(name)' holds categories "
                + "(try chisquare, jensenshannon or psi)"
            return result
        case .ztest where distinct > 2:
            result.method = nil
            result.reason = "ztest needs two values; '\(name)' has \(distinct) (try chisquare)"
            return result
        default:
            break
        }
        let firstKey =
            buckets.labels.indices.min { CodePoints(buckets.labels[$0]) < CodePoints(buckets.labels[$1]) } ?? 0
        let measure = BucketDrift.measure(method, buckets, firstKey: firstKey)
        let threshold = options.threshold ?? method.defaultThreshold
        result.statistic = measure.statistic
        result.pValue = measure.pValue
        result.threshold = threshold
        result.verdict =
            method.crosses(statistic: measure.statistic, pValue: measure.pValue, threshold: threshold)
            ? .drift : .noDrift
        var notes: [String] = []
        let refKeys = reference.filter { $0.value > 0 }.keys
        let curKeys = current.filter { $0.value > 0 }.keys
        if refKeys.count == 1, curKeys.count == 1, let was = refKeys.first, let now = curKeys.first {
            notes.append(
                was == now
                    ? "one category on both sides ('\(was)')"
                    : "one category on each side: '\(was)' in the reference, '\(now)' now")
        } else if let note = measure.note {
            notes.append(note)
        } else {
            let new = curKeys.filter { reference[$0, default: 0] == 0 }.sorted()
            if !new.isEmpty {
                notes.append(
                    "new in the current data: " + new.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
                        + (new.count > 3 ? ", …" : ""))
            }
        }
        if refKeys.count > 20 && refKeys.count == buckets.referenceTotal {
            notes.append("every reference value is distinct: an identifier? Leave it out with --columns")
        }
        if let note = result.smallEffectNote { notes.append(note) }
        result.reason = notes.isEmpty ? nil : notes.joined(separator: "; ")
        return result
    }
}
