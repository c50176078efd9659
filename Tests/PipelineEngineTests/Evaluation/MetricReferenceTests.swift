import Testing

@testable import PipelineEngine

/// Metric functions against scikit-learn and Fairlearn on fixed vectors
/// (`References/training_references.py`).
@Suite struct MetricReferenceTests {
    static let binaryTruth = [0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0]
    static let scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.2, 0.9, 0.35, 0.35, 0.6, 0.7, 0.1]
    static let binaryPredicted = scores.map { $0 >= 0.5 ? 1 : 0 }

    @Test func binaryMetricsMatchScikitLearn() {
        let truth = Self.binaryTruth
        let predicted = Self.binaryPredicted
        let s = ClassificationMetrics.binary(truth, predicted, positive: 1)
        #expect(abs(ClassificationMetrics.accuracy(truth, predicted) - 0.5) < 1e-9)
        #expect(abs(s.precision - 0.5) < 1e-9)
        #expect(abs(s.recall - 0.3333333333333333) < 1e-9)
        #expect(abs(s.f1 - 0.4) < 1e-9)
    }

    @Test func rocAUCCountsTiedScoresAsHalf() throws {
        let auc = try #require(
            ClassificationMetrics.rocAUC(positive: Self.binaryTruth.map { $0 == 1 }, scores: Self.scores))
        #expect(abs(auc - 0.7222222222222222) < 1e-9)
    }

    @Test func rocAUCIsUndefinedForOneClass() {
        #expect(ClassificationMetrics.rocAUC(positive: [true, true], scores: [0.2, 0.9]) == nil)
    }

    @Test func macroMetricsMatchScikitLearn() {
        let truth = [0, 1, 2, 2, 1, 0, 2, 1, 1, 0, 2, 2]
        let predicted = [0, 2, 2, 2, 1, 1, 0, 1, 2, 0, 2, 1]
        let s = ClassificationMetrics.macro(truth, predicted)
        #expect(abs(ClassificationMetrics.accuracy(truth, predicted) - 0.5833333333333334) < 1e-9)
        #expect(abs(s.precision - 0.5888888888888889) < 1e-9)
        #expect(abs(s.recall - 0.5888888888888889) < 1e-9)
        #expect(abs(s.f1 - 0.5888888888888889) < 1e-9)
    }

    @Test func zeroDivisionGivesZero() {
        let s = ClassificationMetrics.binary([1, 1, 0], [0, 0, 0], positive: 1)
        #expect(s.precision == 0 && s.recall == 0 && s.f1 == 0)
    }

    @Test func regressionMetricsMatchScikitLearn() {
        let truth = [3.0, -0.5, 2.0, 7.0, 4.2, 1.1]
        let predicted = [2.5, 0.0, 2.1, 7.8, 3.9, 0.7]
        #expect(abs(RegressionMetrics.rmse(truth, predicted) - 0.48304589153964794) < 1e-9)
        #expect(abs(RegressionMetrics.mae(truth, predicted) - 0.4333333333333334) < 1e-9)
        #expect(abs(RegressionMetrics.r2(truth, predicted) - 0.9588960657662948) < 1e-9)
    }

    @Test func r2OfAConstantTargetIsFinite() {
        #expect(RegressionMetrics.r2([2, 2, 2], [2, 2, 2]) == 1)
        #expect(RegressionMetrics.r2([2, 2, 2], [1, 2, 3]) == 0)
    }

    @Test func confusionMatrixCountsActualAgainstPredicted() {
        let matrix = ConfusionMatrix(labels: ["a", "b", "c"], truth: [0, 1, 2, 2, 1], predicted: [0, 2, 2, 1, 1])
        #expect(matrix.counts == [[1, 0, 0], [0, 1, 1], [0, 1, 1]])
    }

    @Test func fairnessMatchesFairlearn() {
        let truth = [1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1].map { $0 == 1 }
        let predicted = [1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 0].map { $0 == 1 }
        let groups = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2]
        let fairness = FairnessMetrics(truth: truth, predicted: predicted, groups: groups)
        #expect(abs(fairness.demographicParityRatio! - 0.6666666666666667) < 1e-9)
        #expect(abs(fairness.equalizedOddsDifference - 0.6666666666666666) < 1e-9)
    }

    @Test func aGroupWithoutPositivesHasZeroTruePositiveRate() {
        let rates = FairnessMetrics.groupRates(
            truth: [false, false, true], predicted: [true, false, true], groups: [0, 0, 1])
        #expect(rates[0] == .init(selectionRate: 0.5, truePositiveRate: 0, falsePositiveRate: 0.5))
        #expect(rates[1] == .init(selectionRate: 1, truePositiveRate: 1, falsePositiveRate: 0))
    }

    @Test(arguments: [(50.0, 2.5), (95.0, 3.85), (99.0, 3.97), (0.0, 1.0), (100.0, 4.0)])
    func percentilesInterpolateLikeNumpy(q: Double, expected: Double) {
        #expect(abs(percentile([1, 2, 3, 4], q) - expected) < 1e-12)
    }
}
