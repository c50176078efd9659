/// Group fairness of a binary classifier across the values of a sensitive column, as Fairlearn
/// defines it.
package struct FairnessMetrics: Sendable, Equatable, Codable {
    /// The smallest group selection rate over the largest (1 = every group selected equally);
    /// nil when no group has any positive prediction.
    package var demographicParityRatio: Double?
    /// The larger of the spread (max − min across groups) of true-positive rates and of
    /// false-positive rates (0 = equal error rates).
    package var equalizedOddsDifference: Double

    enum CodingKeys: String, CodingKey {
        case demographicParityRatio = "demographic_parity_ratio"
        case equalizedOddsDifference = "equalized_odds_difference"
    }

    /// Computes both metrics from per-row truth, prediction (true = positive class) and group.
    ///
    /// A group without actual positives has a true-positive rate of 0 (and one without
    /// negatives a false-positive rate of 0), as Fairlearn's rates from a normalised confusion
    /// matrix give.
    package init(truth: [Bool], predicted: [Bool], groups: [Int]) {
        let rates = Self.groupRates(truth: truth, predicted: predicted, groups: groups)
        let selection = rates.map(\.selectionRate)
        let top = selection.max() ?? 0
        demographicParityRatio = selection.min().flatMap { top > 0 ? $0 / top : nil }
        func spread(_ values: [Double]) -> Double { (values.max() ?? 0) - (values.min() ?? 0) }
        equalizedOddsDifference = max(spread(rates.map(\.truePositiveRate)), spread(rates.map(\.falsePositiveRate)))
    }

    /// Selection, true-positive and false-positive rates of one group.
    package struct GroupRates: Sendable, Equatable {
        package var selectionRate: Double
        package var truePositiveRate: Double
        package var falsePositiveRate: Double
    }

    /// The rates of each group that has rows, by group index.
    package static func groupRates(truth: [Bool], predicted: [Bool], groups: [Int]) -> [GroupRates] {
        let count = (groups.max() ?? -1) + 1
        var rows = [Int](repeating: 0, count: count)
        var selected = rows
        var tp = rows
        var fn = rows
        var fp = rows
        var tn = rows
        for i in groups.indices {
            let g = groups[i]
            rows[g] += 1
            if predicted[i] { selected[g] += 1 }
            switch (truth[i], predicted[i]) {
            case (true, true): tp[g] += 1
            case (true, false): fn[g] += 1
            case (false, true): fp[g] += 1
            case (false, false): tn[g] += 1
            }
        }
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        return (0..<count).filter { rows[$0] > 0 }.map {
            GroupRates(
                selectionRate: ratio(selected[$0], rows[$0]),
                truePositiveRate: ratio(tp[$0], tp[$0] + fn[$0]),
                falsePositiveRate: ratio(fp[$0], fp[$0] + tn[$0]))
        }
    }
}
