import Foundation
import Testing

/// `train` and `evaluate` run by the real binary on the customers fixture.
@Suite struct TrainEndToEndTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("PipelineEngineTests/Fixtures")

    /// A temporary folder holding copies of the customers CSVs, and a lab home.
    func workspace() throws -> (dir: String, home: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-train-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in ["customers-train.csv", "customers-test.csv"] {
            try FileManager.default.copyItem(
                at: Self.fixtures.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        return (dir.path, try Binary.temporaryHome())
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func trainSavesAModelThatEvaluateScores() throws {
        let (dir, home) = try workspace()
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: home)
        }
        let train = try Binary.run(
            [
                "train", "customers-train.csv", "--target", "churned", "--test", "customers-test.csv",
                "--out", "models/candidate.json", "--json",
            ], home: home, directory: dir)
        #expect(train.status == 0, "\(train.stderr)")
        let report = try json(train.stdout)
        let model = try #require(report["model"] as? [String: Any])
        #expect(model["kind"] as? String == "logistic")
        #expect(model["target"] as? String == "churned")
        #expect((model["hash"] as? String)?.count == 64)
        #expect(report["train_rows"] as? Int == 600 && report["test_rows"] as? Int == 200)
        // scikit-learn's LogisticRegression() on the same split: 0.88 (References/training_references.py).
        let accuracy = try #require((report["metrics"] as? [String: Any])?["accuracy"] as? Double)
        #expect(abs(accuracy - 0.88) <= 0.01)
        #expect(FileManager.default.fileExists(atPath: dir + "/models/candidate.json"))

        let evaluate = try Binary.run(
            ["evaluate", "models/candidate.json", "customers-test.csv", "--slice", "region", "--json"], home: home,
            directory: dir)
        #expect(evaluate.status == 0, "\(evaluate.stderr)")
        let evaluation = try json(evaluate.stdout)
        #expect((evaluation["metrics"] as? [String: Any])?["accuracy"] as? Double == accuracy)
        #expect(Set(((evaluation["latency_ms"] as? [String: Any]) ?? [:]).keys).isSuperset(of: ["p50", "p95", "p99"]))
        let slices = try #require(evaluation["slices"] as? [[String: Any]])
        #expect(slices.map { $0["value"] as? String } == ["east", "north", "south", "west"])
        #expect(slices.map { $0["rows"] as? Int } == [32, 82, 23, 63])
        let fairness = try #require(evaluation["fairness"] as? [String: Double])
        #expect(abs(fairness["demographic_parity_ratio"]! - 0.11596870685687989) < 1e-9)
    }

    @Test func theTextReportsShowTheSummaryAndTheFairness() throws {
        let (dir, home) = try workspace()
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: home)
        }
        let train = try Binary.run(
            [
                "train", "customers-train.csv", "--target", "churned", "--model", "naive-bayes", "--test-ratio", "0.25",
                "--seed", "7", "--out", "nb.json",
            ], home: home, directory: dir)
        #expect(train.status == 0, "\(train.stderr)")
        #expect(train.stdout.hasPrefix("Trained naive-bayes on customers-train.csv → nb.json\n"))
        #expect(train.stdout.contains("  rows      450 train · 150 test\n"))
        let evaluate = try Binary.run(
            ["evaluate", "nb.json", "customers-test.csv", "--slice", "premium"], home: home, directory: dir)
        #expect(evaluate.status == 0, "\(evaluate.stderr)")
        #expect(evaluate.stdout.contains("Slices by premium\nPREMIUM  ROWS  ACCURACY"))
        #expect(evaluate.stdout.contains("Fairness across premium (positive class 1, as Fairlearn)"))
    }

    @Test func badInputExitsTwoWithTheReason() throws {
        let (dir, home) = try workspace()
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: home)
        }
        let model = try Binary.run(
            ["train", "customers-train.csv", "--target", "churned", "--model", "logstic"], home: home, directory: dir)
        #expect(model.status == 2)
        #expect(
            model.stderr
                == "error: unknown model 'logstic'. Did you mean 'logistic'? (models: logistic, linear, knn, naive-bayes)\n"
        )
        let column = try Binary.run(
            ["train", "customers-train.csv", "--target", "churn", "--json"], home: home, directory: dir)
        #expect(column.status == 2)
        let error = try #require(try json(column.stdout)["error"] as? [String: Any])
        #expect(error["code"] as? String == "data.unknown_column")
        #expect(error["message"] as? String == "no column 'churn' in customers-train.csv. Did you mean 'churned'?")
        let both = try Binary.run(
            [
                "train", "customers-train.csv", "--target", "churned", "--test", "customers-test.csv",
                "--test-ratio", "0.3",
            ], home: home, directory: dir)
        #expect(both.status == 2)
        #expect(both.stderr == "error: give --test FILE or --test-ratio R, not both\n")
        let missing = try Binary.run(["evaluate", "none.json", "customers-test.csv"], home: home, directory: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: none.json: no such file; expected a model file written by `train --out`\n")
    }
}
