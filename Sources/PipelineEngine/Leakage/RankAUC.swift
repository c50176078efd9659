/// The area under the ROC curve of one score against a binary label, as scikit-learn's
/// `roc_auc_score(y, x)` computes it.
///
/// It is the Mann-Whitney statistic over the product of the class sizes: the share of
/// (positive, negative) pairs in which the positive row scores higher, a tie counting one half
/// (average ranks). The sum is kept in integers, so only the final division rounds.
enum RankAUC {
    /// The AUC of `scores` against `positive` (true for the positive class), or nil when one
    /// class is absent.
    static func auc(scores: [Double], positive: [Bool]) -> Double? {
        let positives = positive.reduce(0) { $0 + ($1 ? 1 : 0) }
        let negatives = positive.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        // Twice the Mann-Whitney U of the positives: each counts 2 per negative below it and
        // 1 per negative tied with it.
        var twiceU = 0
        var negativesBelow = 0
        var start = 0
        while start < order.count {
            var end = start
            var groupPositives = 0
            var groupNegatives = 0
            while end < order.count, scores[order[end]] == scores[order[start]] {
                if positive[order[end]] { groupPositives += 1 } else { groupNegatives += 1 }
                end += 1
            }
            twiceU += groupPositives * (2 * negativesBelow + groupNegatives)
            negativesBelow += groupNegatives
            start = end
        }
        return Double(twiceU) / (2 * Double(positives) * Double(negatives))
    }
}
