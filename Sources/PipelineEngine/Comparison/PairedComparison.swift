/// Two models judged on the same labelled rows, and whether the challenger is better.
///
/// Pairing is what makes the comparison sharp: both models answer the very same rows, so the
/// rows both get right (or both wrong) say nothing about which is better, and only the rows
/// where they differ count. A classifier's accuracy is compared with McNemar's exact test on
/// those discordant rows, a regressor's mean absolute error with the paired t-test on the two
/// absolute errors of each row. The result holds every figure behind the ``decision``.
///
/// Build one with ``classification(truth:champion:challenger:rule:)`` or
/// ``regression(truth:champion:challenger:rule:)``: pure functions of the labels and the two
/// models' predictions, whatever produced them (a CSV file, labelled production requests).
package struct PairedComparison: Sendable, Equatable {
    package var metric: ComparisonMetric
    /// The labelled rows both models answered.
    package var rows: Int
    /// The champion's accuracy or mean absolute error on those rows.
    package var championValue: Double
    /// The challenger's accuracy or mean absolute error on those rows.
    package var challengerValue: Double
    /// How far the challenger is ahead, in the metric's units; negative when it is behind.
    ///
    /// For accuracy, (c − b) / n, with b the rows only the champion gets right and c those
    /// only the challenger gets right; for mean absolute error, the champion's minus the
    /// challenger's (the mean of the paired differences of absolute errors).
    package var difference: Double
    /// The 95 % interval of ``difference``.
    package var interval: ConfidenceInterval
    /// The two-sided p-value of the hypothesis that neither model is better.
    package var pValue: Double
    /// The counts or the t-test behind the p-value.
    package var evidence: Evidence
    /// The significance level and the smallest difference worth a change.
    package var rule: ComparisonRule
    package var decision: ComparisonDecision
    /// The decision in words, with its numbers: "inconclusive: the challenger is 0.001 ahead,
    /// but p = 1 ≥ 0.05; the 95 % interval -0.017 to 0.019 includes 0".
    package var reason: String

    /// What the p-value was computed from.
    package enum Evidence: Sendable, Equatable {
        /// McNemar's exact test on the paired right/wrong counts of two classifiers.
        case mcnemar(PairedCounts)
        /// The paired t-test on the absolute errors of two regressors (champion − challenger).
        case pairedT(PairedTTest)
    }
}

/// How two classifiers fared on the same rows: the 2 × 2 table of right and wrong.
package struct PairedCounts: Sendable, Equatable {
    package var bothRight: Int
    /// b: the rows only the champion gets right.
    package var onlyChampionRight: Int
    /// c: the rows only the challenger gets right.
    package var onlyChallengerRight: Int
    package var neitherRight: Int

    package init(bothRight: Int, onlyChampionRight: Int, onlyChallengerRight: Int, neitherRight: Int) {
        self.bothRight = bothRight
        self.onlyChampionRight = onlyChampionRight
        self.onlyChallengerRight = onlyChallengerRight
        self.neitherRight = neitherRight
    }

    /// Counts whether each model's prediction of each row equals its label.
    init<Label: Equatable>(truth: [Label], champion: [Label], challenger: [Label]) {
        precondition(truth.count == champion.count && truth.count == challenger.count, "one prediction a row")
        self.init(bothRight: 0, onlyChampionRight: 0, onlyChallengerRight: 0, neitherRight: 0)
        for row in truth.indices {
            switch (champion[row] == truth[row], challenger[row] == truth[row]) {
            case (true, true): bothRight += 1
            case (true, false): onlyChampionRight += 1
            case (false, true): onlyChallengerRight += 1
            case (false, false): neitherRight += 1
            }
        }
    }

    package var rows: Int { bothRight + onlyChampionRight + onlyChallengerRight + neitherRight }
    package var championRight: Int { bothRight + onlyChampionRight }
    package var challengerRight: Int { bothRight + onlyChallengerRight }
}
