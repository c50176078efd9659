/// The methods that compare counts over shared buckets: PSI, Jensen-Shannon, chi-square, z-test.
enum BucketDrift {
    struct Measure {
        var statistic: Double
        var pValue: Double?
        /// A remark for the report, such as why a statistic is infinite.
        var note: String?
    }

    /// Runs a bucket method over shared buckets.
    ///
    /// `firstKey` is the bucket the z-test counts as "0" (Evidently takes the smallest value);
    /// the others count as "1".
    static func measure(_ method: DriftMethod, _ buckets: Buckets, firstKey: Int = 0) -> Measure {
        let refShares = buckets.referenceShares
        let curShares = buckets.currentShares
        switch method {
        case .psi:
            let psi = Divergence.populationStability(reference: refShares, current: curShares)
            let note = psi >= 0.2 ? "significant shift (PSI ≥ 0.2)" : psi >= 0.1 ? "moderate shift (PSI ≥ 0.1)" : nil
            return Measure(statistic: psi, pValue: nil, note: note)
        case .jensenshannon:
            return Measure(statistic: Divergence.jensenShannon(refShares, curShares), pValue: nil)
        case .chisquare:
            return chiSquare(buckets)
        case .ztest:
            return zTest(buckets, firstKey: firstKey)
        case .auto, .ks, .wasserstein:
            preconditionFailure("\(method) does not work on buckets")
        }
    }

    /// Chi-square with the reference's frequencies scaled to the current size as expected
    /// counts, over every value seen on either side (Evidently's `chi_stat_test`).
    ///
    /// A bin empty on both sides (the reference's lowest decile bin when its 10% quantile is its
    /// minimum, as in zero-inflated data) is left out: it holds no observation, so counting it
    /// as a degree of freedom would only lower the statistic's significance.
    static func chiSquare(_ all: Buckets) -> Measure {
        let kept = all.labels.indices.filter { all.reference[$0] > 0 || all.current[$0] > 0 }
        let buckets = Buckets(
            labels: kept.map { all.labels[$0] }, reference: kept.map { all.reference[$0] },
            current: kept.map { all.current[$0] })
        if buckets.labels.count == 1 {
            return Measure(
                statistic: 0, pValue: 1,
                note: "one value ('\(buckets.labels[0])') on both sides: nothing to compare")
        }
        let scale = Double(buckets.currentTotal) / Double(buckets.referenceTotal)
        let expected = buckets.reference.map { Double($0) * scale }
        let observed = buckets.current.map(Double.init)
        let result = ChiSquare.test(observed: observed, expected: expected)
        var note: String?
        let unexpected = buckets.labels.indices.filter { buckets.reference[$0] == 0 }.map { "'\(buckets.labels[$0])'" }
        if !unexpected.isEmpty {
            let list = unexpected.prefix(3).joined(separator: ", ") + (unexpected.count > 3 ? ", …" : "")
            note = "\(list) never seen in the reference: chi-square is infinite, p = 0"
        }
        return Measure(statistic: result.statistic, pValue: result.pValue, note: note)
    }

    /// The two-proportion z-test over at most two buckets.
    static func zTest(_ buckets: Buckets, firstKey: Int) -> Measure {
        precondition(buckets.labels.count <= 2)
        if buckets.labels.count == 1 {
            // Evidently: the same single value on both sides gives p = 1.
            return Measure(
                statistic: 0, pValue: 1,
                note: "one value ('\(buckets.labels[0])') on both sides: nothing to compare")
        }
        let second = 1 - firstKey
        let result = ProportionZTest.test(
            successes1: buckets.reference[second], count1: buckets.referenceTotal,
            successes2: buckets.current[second], count2: buckets.currentTotal)
        return Measure(statistic: result.statistic, pValue: result.pValue)
    }

    /// Up to `limit` buckets for drawing, the rest folded into "(other)".
    static func histogram(_ buckets: Buckets, limit: Int = 10) -> DriftHistogram {
        let refShares = buckets.referenceShares
        let curShares = buckets.currentShares
        if buckets.labels.count <= limit {
            return DriftHistogram(labels: buckets.labels, reference: refShares, current: curShares)
        }
        let keep = limit - 1
        return DriftHistogram(
            labels: Array(buckets.labels.prefix(keep)) + ["(other)"],
            reference: Array(refShares.prefix(keep)) + [refShares.dropFirst(keep).reduce(0, +)],
            current: Array(curShares.prefix(keep)) + [curShares.dropFirst(keep).reduce(0, +)])
    }
}
