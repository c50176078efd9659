import Foundation
import Testing

@testable import LabShell
@testable import LabSupport
@testable import PipelineEngine

/// The terminal drawings of training and evaluation reports, in plain style.
@Suite struct TrainingRenderingTests {
    /// A small churn table: churn follows the plan and short tenure, with one region slice.
    static func table(_ source: String) -> DataTable {
        let plans = ["basic", "pro", "basic", "pro", "basic", "pro", "basic", "pro", "basic", "basic", "pro", "pro"]
        let tenure: [Int64] = [1, 30, 2, 25, 3, 40, 1, 35, 5, 2, 28, 33]
        let churned: [Int64] = [1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0]
        let regions = [0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1].map(Int32.init)
        return DataTable(
            columns: [
                Column(name: "tenure", storage: .integer(IntegerValues(tenure))),
                Column(
                    name: "plan",
                    storage: .string(codes: plans.map { $0 == "basic" ? 0 : 1 }, dictionary: ["basic", "pro"])),
                Column(name: "region", storage: .string(codes: regions, dictionary: ["north", "south"])),
                Column(name: "churned", storage: .integer(IntegerValues(churned))),
            ], source: source)
    }

    func outcome() throws -> Trainer.Outcome {
        var request = TrainingRequest(
            train: Self.table("churn.csv"), target: "churned", dataHash: ContentHash.hex("data"))
        request.test = Self.table("churn.csv")
        request.features = ["tenure", "plan"]
        return try Trainer.train(request)
    }

    @Test func theConfusionMatrixIsAGridOfActualAgainstPredicted() {
        let matrix = ConfusionMatrix(labels: ["no", "yes"], truth: [0, 0, 0, 1, 1], predicted: [0, 0, 1, 1, 1])
        #expect(
            MetricsRendering.confusionMatrix(matrix, .plain) == """
                        │ predicted
                 actual │   no  yes
                ────────┼──────────
                 no     │    2    1
                 yes    │    0    2
                """)
    }

    @Test func theTrainingSummaryNamesModelDataFitAndMetrics() throws {
        var report = try outcome().report
        report.out = "models/candidate.json"
        let text = report.render(.plain, source: "churn.csv")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Trained logistic on churn.csv → models/candidate.json")
        #expect(lines[1] == "  target    churned (classes 0, 1; positive 1)")
        #expect(lines[2] == "  features  2 columns → 3 model features")
        #expect(lines[3] == "            tenure  numeric, standardised")
        #expect(lines[4] == "            plan    categorical, one-hot over 2 values")
        #expect(lines[5] == "  rows      12 train · 12 test")
        #expect(lines[6].hasPrefix("  fit       ") && lines[6].hasSuffix(" L-BFGS iterations · converged"))
        #expect(text.contains("Test metrics (positive class 1)\nMETRIC      VALUE\naccuracy   0.8333  ███"))
        #expect(text.contains("roc_auc"))
        // Rows 8 (basic, yet stayed) and 10 (pro, yet churned) go against the pattern.
        #expect(
            text.hasSuffix(
                """
                Confusion matrix (rows: actual, columns: predicted)
                        │ predicted
                 actual │  0  1
                ────────┼──────
                 0      │  5  1
                 1      │  1  5
                """))
    }

    @Test func theEvaluationShowsLatencySlicesAndFairness() throws {
        let model = try outcome().model
        var report = try Evaluator.evaluate(model, on: Self.table("churn.csv"), slice: "region")
        #expect(report.slices.map(\.value) == ["north", "south"])
        // Known numbers, so the drawing is what is under test.
        report.slices = [
            SliceMetrics(
                column: "region", value: "north", rows: 6,
                metrics: MetricSet([
                    "accuracy": 0.5, "f1": 0.4, "selection_rate": 0.25, "tpr": 0.5, "fpr": 0.125,
                ])),
            SliceMetrics(
                column: "region", value: nil, rows: 2,
                metrics: MetricSet([
                    "accuracy": 1, "f1": 1, "selection_rate": 0.5, "tpr": 1, "fpr": 0,
                ])),
        ]
        report.fairness = FairnessMetrics(
            truth: [true, false, true, false], predicted: [true, false, false, false], groups: [0, 0, 1, 1])
        let text = report.render(.plain, source: "churn.csv")
        #expect(text.contains("Latency (12 single-row predictions, measured)\n  p50  "))
        #expect(text.contains("  throughput  "))
        #expect(
            text.contains(
                """
                Slices by region
                REGION  ROWS  ACCURACY      F1  SELECTION_RATE     TPR     FPR
                north      6    0.5000  0.4000          0.2500  0.5000  0.1250
                (null)     2    1.0000  1.0000          0.5000  1.0000  0.0000

                Fairness across region (positive class 1, as Fairlearn)
                  demographic parity ratio    0.000  ✗ below 0.8  min/max selection rate; 1 = groups selected alike
                  equalized odds difference   1.000  ✗ above 0.1  largest TPR or FPR gap; 0 = equal error rates
                """))
    }

    @Test func largeNumbersAreGrouped() {
        #expect(MetricsRendering.grouped(1_250_000.4) == "1,250,000")
        #expect(MetricsRendering.grouped(999) == "999")
    }
}
