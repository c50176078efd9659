import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// `evaluate`: metrics, measured latency, slices and fairness of a saved model on new data.
@Suite struct EvaluatorTests {
    func customersModel() throws -> TrainedModel {
        try Trainer.train(.fixture("customers", target: "churned", model: .logistic)).model
    }

    @Test func slicesAndFairnessMatchFairlearnOnTheSamePredictions() throws {
        let report = try Evaluator.evaluate(
            customersModel(), on: TestTables.fixture("customers-test.csv"), slice: "region")
        // Fairlearn's MetricFrame over scikit-learn's predictions (`customers-slices`).
        let expected: [(String, Int, Double, Double, Double, Double)] = [
            ("east", 32, 0.71875, 0.71875, 0.7692307692307693, 0.5),
            ("north", 82, 0.9390243902439024, 0.0975609756097561, 0.6363636363636364, 0.014084507042253521),
            ("south", 23, 0.6521739130434783, 0.5217391304347826, 0.7, 0.38461538461538464),
            ("west", 63, 0.9682539682539683, 0.8412698412698413, 0.9811320754716981, 0.1),
        ]
        #expect(report.slices.map(\.value) == expected.map(\.0))
        for (slice, (_, rows, accuracy, selection, tpr, fpr)) in zip(report.slices, expected) {
            #expect(slice.column == "region")
            #expect(slice.rows == rows)
            #expect(abs(slice.metrics["accuracy"]! - accuracy) < 1e-9)
            #expect(abs(slice.metrics["selection_rate"]! - selection) < 1e-9)
            #expect(abs(slice.metrics["tpr"]! - tpr) < 1e-9)
            #expect(abs(slice.metrics["fpr"]! - fpr) < 1e-9)
        }
        let fairness = try #require(report.fairness)
        #expect(abs(fairness.demographicParityRatio! - 0.11596870685687989) < 1e-9)
        #expect(abs(fairness.equalizedOddsDifference - 0.4859154929577465) < 1e-9)
    }

    @Test func overallMetricsAreTheTrainingTestMetrics() throws {
        let outcome = try Trainer.train(.fixture("customers", target: "churned", model: .logistic))
        let report = try Evaluator.evaluate(outcome.model, on: TestTables.fixture("customers-test.csv"))
        #expect(report.metrics == outcome.report.metrics)
        #expect(report.rows == 200)
        #expect(report.positiveClass == "1")
        #expect(report.average == "binary")
        let matrix = try #require(report.confusionMatrix)
        #expect(matrix.labels == ["0", "1"])
        #expect(matrix.counts.joined().reduce(0, +) == 200)
        #expect(Double(matrix.counts[0][0] + matrix.counts[1][1]) / 200 == report.metrics["accuracy"])
        #expect(report.slices.isEmpty && report.fairness == nil)
    }

    @Test func latencyIsMeasuredPerPrediction() throws {
        let report = try Evaluator.evaluate(
            customersModel(), on: TestTables.fixture("customers-test.csv"), timedRows: 150)
        let latency = report.latencyMs
        #expect(latency.samples == 150)
        #expect(latency.p50 > 0)
        #expect(latency.p50 <= latency.p95 && latency.p95 <= latency.p99)
        #expect(report.throughputRowsPerSecond > 0)
        #expect(report.peakMemoryMb > 1)
    }

    @Test func rowsWithoutATargetAreSkippedAndNewLabelsKept() throws {
        let model = try Trainer.train(.fixture("wine", target: "cultivar", model: .naiveBayes)).model
        var table = try TestTables.fixture("wine-test.csv")
        let index = table.columnNames.firstIndex(of: "cultivar")!
        guard case .string(var codes, var dictionary) = table.columns[index].storage else {
            Issue.record("labels are text")
            return
        }
        codes[0] = -1
        dictionary.append("nebbiolo")
        codes[1] = Int32(dictionary.count - 1)
        table.columns[index] = Column(
            name: "cultivar", storage: .string(codes: codes, dictionary: dictionary),
            nulls: codes.map { $0 < 0 })
        let report = try Evaluator.evaluate(model, on: table)
        #expect(report.rows == 44 && report.skippedRows == 1)
        #expect(report.average == "macro")
        #expect(report.confusionMatrix?.labels == ["barbera", "barolo", "grignolino", "nebbiolo"])
        #expect(report.metrics["roc_auc"] == nil)
    }

    @Test func regressionIsScoredWithErrors() throws {
        let model = try Trainer.train(.fixture("diabetes", target: "progression", model: .linear)).model
        let report = try Evaluator.evaluate(model, on: TestTables.fixture("diabetes-test.csv"), slice: "sex")
        #expect(report.metrics.names == ["rmse", "mae", "r2"])
        #expect(abs(report.metrics["r2"]! - 0.48589618270899726) < 1e-9)
        #expect(report.slices.map(\.value) == ["1", "2"])
        #expect(report.slices.map(\.rows).reduce(0, +) == report.rows)
        #expect(report.fairness == nil && report.confusionMatrix == nil)
    }

    @Test func aSliceColumnWithTooManyValuesIsRefused() throws {
        let model = try customersModel()
        #expect(
            throws: LabError(
                "evaluate.too_many_slices",
                "slice column 'spend' has 200 distinct values; pick a column with at most 50 groups")
        ) {
            try Evaluator.evaluate(model, on: TestTables.fixture("customers-test.csv"), slice: "spend")
        }
    }

    @Test func theReportsEncodeToTheJSONContracts() throws {
        let outcome = try Trainer.train(.fixture("customers", target: "churned", model: .logistic))
        let evaluation = try Evaluator.evaluate(
            outcome.model, on: TestTables.fixture("customers-test.csv"), slice: "premium")
        let encoder = JSONEncoder()
        let train = try #require(
            try JSONSerialization.jsonObject(with: encoder.encode(outcome.report)) as? [String: Any])
        let model = try #require(train["model"] as? [String: Any])
        #expect(Set(["kind", "target", "features", "params", "hash"]).isSubset(of: model.keys))
        #expect(
            Set(["accuracy", "precision", "recall", "f1", "roc_auc"])
                == Set((train["metrics"] as? [String: Any] ?? [:]).keys))
        #expect(train["train_rows"] as? Int == 600 && train["test_rows"] as? Int == 200)
        #expect(train["train_seconds"] is Double)
        let evaluate = try #require(
            try JSONSerialization.jsonObject(with: encoder.encode(evaluation)) as? [String: Any])
        #expect(Set(["p50", "p95", "p99"]).isSubset(of: (evaluate["latency_ms"] as? [String: Any] ?? [:]).keys))
        let slices = try #require(evaluate["slices"] as? [[String: Any]])
        #expect(
            slices.map { Set($0.keys) } == [
                ["column", "value", "rows", "metrics"], ["column", "value", "rows", "metrics"],
            ])
        #expect(slices.map { $0["value"] as? String } == ["false", "true"])
        #expect(
            (evaluate["fairness"] as? [String: Any])?.keys.sorted() == [
                "demographic_parity_ratio", "equalized_odds_difference",
            ])
    }
}

/// An evaluation handed to the gates.
@Suite struct EvaluationGateEvidenceTests {
    @Test func theEvidenceCarriesMetricsLatencyMemoryAndFairness() throws {
        let model = try Trainer.train(.fixture("customers", target: "churned", model: .logistic)).model
        let data = try TestTables.fixture("customers-test.csv")
        let report = try Evaluator.evaluate(model, on: data, slice: "region")
        let evidence = report.gateEvidence(data: data)
        #expect(evidence.metrics["accuracy"] == report.metrics["accuracy"])
        #expect(evidence.metrics.keys.sorted() == ["accuracy", "f1", "precision", "recall", "roc_auc"])
        #expect(
            evidence.latencyMs == [
                "p50": report.latencyMs.p50, "p95": report.latencyMs.p95, "p99": report.latencyMs.p99,
            ])
        #expect(evidence.peakMemoryMb == report.peakMemoryMb)
        #expect(evidence.columns["region"] == .string && evidence.columns["premium"] == .boolean)
        let fairness = try #require(evidence.fairness["region"])
        #expect(abs(fairness["demographic_parity_ratio"]! - 0.11596870685687989) < 1e-9)
        #expect(abs(fairness["equalized_odds_difference"]! - 0.4859154929577465) < 1e-9)
    }
}
