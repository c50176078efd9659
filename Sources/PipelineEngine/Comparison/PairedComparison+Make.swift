import LabSupport

extension PairedComparison {
    /// Compares two classifiers' predicted labels with the true labels of the same rows.
    ///
    /// A row counts as right when the predicted label equals the true one. The difference is
    /// (c − b) / n, its 95 % interval `(c − b)/n ± 1.96 · √((b + c) − (c − b)²/n) / n` (the
    /// Wald interval of paired proportions), and the p-value McNemar's exact test's.
    package static func classification<Label: Equatable>(
        truth: [Label], champion: [Label], challenger: [Label], rule: ComparisonRule
    ) throws -> PairedComparison {
        try classification(PairedCounts(truth: truth, champion: champion, challenger: challenger), rule: rule)
    }

    /// Compares two classifiers from the 2 × 2 table of their right and wrong rows.
    package static func classification(_ counts: PairedCounts, rule: ComparisonRule) throws -> PairedComparison {
        guard counts.rows > 0 else {
            throw LabError(.compareNoRows, "there are no labelled rows to compare the two models on")
        }
        let n = Double(counts.rows)
        let b = Double(counts.onlyChampionRight)
        let c = Double(counts.onlyChallengerRight)
        let difference = (c - b) / n
        let half = 1.96 * max(0, (b + c) - (c - b) * (c - b) / n).squareRoot() / n
        let pValue = McNemarExactTest.pValue(b: counts.onlyChampionRight, c: counts.onlyChallengerRight)
        return make(
            metric: .accuracy, rows: counts.rows,
            values: (Double(counts.championRight) / n, Double(counts.challengerRight) / n),
            difference: difference, interval: ConfidenceInterval(low: difference - half, high: difference + half),
            pValue: pValue, evidence: .mcnemar(counts), rule: rule)
    }

    /// Compares two regressors' predictions with the true values of the same rows: the paired
    /// t-test on each row's absolute errors, champion's minus challenger's, so a positive
    /// difference means the challenger's errors are smaller.
    package static func regression(
        truth: [Double], champion: [Double], challenger: [Double], rule: ComparisonRule
    ) throws -> PairedComparison {
        precondition(truth.count == champion.count && truth.count == challenger.count, "one prediction a row")
        guard truth.count >= 2 else {
            throw LabError(
                .compareNoRows,
                "the paired t-test needs at least 2 labelled rows to compare the two models on, found \(truth.count)")
        }
        let championErrors = zip(champion, truth).map { abs($0 - $1) }
        let challengerErrors = zip(challenger, truth).map { abs($0 - $1) }
        let test = PairedTTest(championErrors, challengerErrors)
        let n = Double(truth.count)
        return make(
            metric: .mae, rows: truth.count,
            values: (championErrors.reduce(0, +) / n, challengerErrors.reduce(0, +) / n),
            difference: test.meanDifference, interval: test.interval, pValue: test.pValue,
            evidence: .pairedT(test), rule: rule)
    }

    private static func make(
        metric: ComparisonMetric, rows: Int, values: (champion: Double, challenger: Double), difference: Double,
        interval: ConfidenceInterval, pValue: Double, evidence: Evidence, rule: ComparisonRule
    ) -> PairedComparison {
        let decision = rule.decide(difference: difference, pValue: pValue)
        let reason = ComparisonReason(
            metric: metric, difference: difference, interval: interval, pValue: pValue, rule: rule)
        return PairedComparison(
            metric: metric, rows: rows, championValue: values.champion, challengerValue: values.challenger,
            difference: difference, interval: interval, pValue: pValue, evidence: evidence, rule: rule,
            decision: decision, reason: reason.text(for: decision))
    }
}
