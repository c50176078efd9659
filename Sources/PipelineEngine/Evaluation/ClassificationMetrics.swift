/// Classification metrics over label indices, defined as scikit-learn defines them.
///
/// `truth` and `predicted` hold indices into one list of labels. Where a ratio has a zero
/// denominator (no predicted positives, say) it is 0, as scikit-learn's default
/// `zero_division` gives.
package enum ClassificationMetrics {
    /// The share of rows predicted correctly.
    package static func accuracy(_ truth: [Int], _ predicted: [Int]) -> Double {
        guard !truth.isEmpty else { return 0 }
        var correct = 0
        for i in truth.indices where truth[i] == predicted[i] { correct += 1 }
        return Double(correct) / Double(truth.count)
    }

    /// Precision, recall and F1 of one label treated as positive (`average="binary"`).
    package static func binary(_ truth: [Int], _ predicted: [Int], positive: Int) -> (
        precision: Double, recall: Double, f1: Double
    ) {
        var tp = 0
        var fp = 0
        var fn = 0
        for i in truth.indices {
            let actual = truth[i] == positive
            let guess = predicted[i] == positive
            if actual && guess { tp += 1 } else if guess { fp += 1 } else if actual { fn += 1 }
        }
        return scores(tp: tp, fp: fp, fn: fn)
    }

    /// Unweighted means of per-label precision, recall and F1 (`average="macro"`) over the
    /// labels that occur in `truth` or `predicted`.
    package static func macro(_ truth: [Int], _ predicted: [Int]) -> (precision: Double, recall: Double, f1: Double) {
        let labels = Set(truth).union(predicted).sorted()
        guard !labels.isEmpty else { return (0, 0, 0) }
        var sums = (precision: 0.0, recall: 0.0, f1: 0.0)
        for label in labels {
            let s = binary(truth, predicted, positive: label)
            sums.precision += s.precision
            sums.recall += s.recall
            sums.f1 += s.f1
        }
        let n = Double(labels.count)
        return (sums.precision / n, sums.recall / n, sums.f1 / n)
    }

    static func scores(tp: Int, fp: Int, fn: Int) -> (precision: Double, recall: Double, f1: Double) {
        let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
        let recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
        let f1 = 2 * tp + fp + fn == 0 ? 0 : Double(2 * tp) / Double(2 * tp + fp + fn)
        return (precision, recall, f1)
    }

    /// The area under the ROC curve of `scores` for the rows where `positive` is true, or nil
    /// when only one class is present.
    ///
    /// Computed as the Mann-Whitney statistic with average ranks, so tied scores count half,
    /// exactly as the trapezoids of scikit-learn's `roc_auc_score` do.
    package static func rocAUC(positive: [Bool], scores: [Double]) -> Double? {
        let positives = positive.filter { $0 }.count
        let negatives = positive.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let averageRank = Double(start + end) / 2 + 1
            for i in start...end where positive[order[i]] { rankSum += averageRank }
            start = end + 1
        }
        let p = Double(positives)
        let n = Double(negatives)
        return (rankSum - p * (p + 1) / 2) / (p * n)
    }
}

/// Counts of actual (rows) against predicted (columns) labels, as scikit-learn's `confusion_matrix`.
package struct ConfusionMatrix: Sendable, Equatable, Codable {
    package var labels: [String]
    /// `counts[actual][predicted]`.
    package var counts: [[Int]]

    enum CodingKeys: String, CodingKey {
        case labels
        case counts = "matrix"
    }

    package init(labels: [String], truth: [Int], predicted: [Int]) {
        self.labels = labels
        counts = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
        for i in truth.indices { counts[truth[i]][predicted[i]] += 1 }
    }
}
