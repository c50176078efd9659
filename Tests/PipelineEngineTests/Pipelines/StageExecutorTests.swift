import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// The real executors: validation on CSV, training with registration, evaluation and gates.
@Suite struct StageExecutorTests {
    static let pipeline = """
        stages:
          validate:
            kind: validate
            data: data/train.csv
            suite: suites/train.yaml
          train:
            kind: train
            needs: [validate]
            data: data/train.csv
            target: churned
            params: [train.model, train.C, train.seed]
            outs: [models/candidate.json]
          evaluate:
            kind: evaluate
            needs: [train]
            data: data/test.csv
            slice: region
          gate:
            kind: gate
            needs: [evaluate]
            gates: gates.yaml
        """

    static let params = "train:\n  model: logistic\n  C: 1.0\n  seed: 7\n"

    /// Rows where churn mostly follows short tenure, with some noise, so a model learns something.
    static func rows(_ range: Range<Int>) -> String {
        "tenure,plan,region,churned\n"
            + range.map { i in
                let tenure = (i * 7) % 60
                let churned = (tenure < 20) != (i % 9 == 0) ? 1 : 0
                return "\(tenure),\(["basic", "premium"][i % 2]),\(["north", "south"][(i / 2) % 2]),\(churned)"
            }.joined(separator: "\n") + "\n"
    }

    static let gates = """
        gates:
          - name: accuracy-floor
            type: threshold
            metric: accuracy
            min: 0.6
          - type: shadow
            min_agreement: 0.5
        """

    func sandbox(train: String = rows(0..<80), gates: String = StageExecutorTests.gates) throws -> PipelineSandbox {
        try PipelineSandbox(
            pipeline: Self.pipeline, params: Self.params,
            files: [
                "data/train.csv": train, "data/test.csv": Self.rows(80..<120), "gates.yaml": gates,
                "suites/train.yaml":
                    "expectations:\n  - expect: columns_exist\n    columns: [tenure, plan, region, churned]\n"
                    + "  - expect: in_set\n    column: churned\n    values: [0, 1]\n",
            ])
    }

    @discardableResult
    func run(_ sandbox: PipelineSandbox) throws -> PipelineRunReport {
        var runner = PipelineRunner(workspace: sandbox.workspace, pipeline: try sandbox.load(), executors: .standard())
        runner.actor = "tester"
        return try runner.run()
    }

    @Test func aPipelineTrainsRegistersEvaluatesAndGates() throws {
        let sandbox = try sandbox()
        defer { sandbox.cleanUp() }
        let report = try run(sandbox)
        #expect(report.statuses == ["validate:ran", "train:ran", "evaluate:ran", "gate:ran"])
        #expect(report.stage("validate")?.summary == "2 of 2 expectations passed on 80 rows")

        let registry = ModelRegistry(workspace: sandbox.workspace)
        let version = try registry.version("challenger")
        #expect(version.version == 1)
        #expect(version.lineage.pipelineHash == (try sandbox.load().hash))
        #expect(version.lineage.runID == 1)
        #expect(version.lineage.dataHash == (try ContentHash.hex(fileAt: sandbox.root + "/data/train.csv")))
        #expect(version.artifactHash == (try ContentHash.hex(fileAt: sandbox.root + "/models/candidate.json")))
        #expect(version.source == "pipeline run #1, stage train")

        // The recorded metrics are the evaluator's on the saved model and the test file.
        let model = try TrainedModel.load(from: sandbox.root + "/models/candidate.json")
        let evaluation = try Evaluator.evaluate(
            model, on: try CSVReader.read(file: sandbox.root + "/data/test.csv"), slice: "region")
        #expect(report.stage("evaluate")?.metrics["accuracy"] == evaluation.metrics["accuracy"])
        #expect(report.stage("evaluate")?.metrics["f1"] == evaluation.metrics["f1"])
        #expect(report.gates.map { "\($0.name):\($0.status.rawValue)" } == ["accuracy-floor:passed", "shadow:skipped"])
        #expect(report.gates.last?.message == "no champion to shadow yet")
    }

    @Test func aFailedExpectationFailsValidationAndNothingTrains() throws {
        let sandbox = try sandbox(train: Self.rows(0..<80) + "30,basic,north,2\n")
        defer { sandbox.cleanUp() }
        let report = try run(sandbox)
        #expect(report.status == .failed)
        #expect(report.statuses == ["validate:failed", "train:skipped", "evaluate:skipped", "gate:skipped"])
        #expect(report.stage("validate")?.reason.hasPrefix("1 of 2 expectations failed: ") == true)
        #expect(report.stage("train")?.reason == "not run: stage 'validate' failed")
        #expect(try ModelRegistry(workspace: sandbox.workspace).list().isEmpty)
    }

    @Test func aBrokenCSVFailsTheStageNamingTheFileAsThePipelineDoes() throws {
        let sandbox = try sandbox(train: "tenure,plan,region,churned\n1,basic,north,0\n2,basic,south\n")
        defer { sandbox.cleanUp() }
        let report = try run(sandbox)
        #expect(report.stage("validate")?.status == .failed)
        #expect(
            report.stage("validate")?.reason
                == "data/train.csv:3:14: row has 3 fields but the header has 4 columns (no value for 'churned'): found '2,basic,south'"
        )
        #expect(report.stage("train")?.reason == "not run: stage 'validate' failed")
    }

    @Test func aModelTakenFromTheCacheIsTheChallengerAgain() throws {
        let sandbox = try sandbox()
        defer { sandbox.cleanUp() }
        try run(sandbox)
        try sandbox.write("params.yaml", "train:\n  model: logistic\n  C: 0.05\n  seed: 7\n")
        let second = try run(sandbox)
        #expect(second.stage("train")?.reason == "params changed: train.C 1.0 → 0.05")
        let registry = ModelRegistry(workspace: sandbox.workspace)
        #expect(try registry.version("challenger").version == 2)
        try sandbox.write("params.yaml", Self.params)
        let third = try run(sandbox)
        #expect(third.stage("train")?.status == .cached)
        #expect(third.stage("train")?.cachedFrom == 1)
        #expect(try registry.version("challenger").version == 1)
        #expect(try registry.list().count == 2)
        #expect(
            try sandbox.workspace.state.auditLog().last { $0.action == "alias" }?.detail
                == "v2 → v1: restored from the cache of run #1")
    }

    @Test func theGateComparesWithTheChampionAndMeasuresShadowAgreement() throws {
        let sandbox = try sandbox()
        defer { sandbox.cleanUp() }
        try run(sandbox)
        let registry = ModelRegistry(workspace: sandbox.workspace)
        try registry.setAlias("champion", to: "v1", actor: "tester")
        try sandbox.write("params.yaml", "train:\n  model: knn\n  C: 1.0\n  seed: 7\n")
        let knn = try run(sandbox)
        #expect(knn.stage("train")?.status == .failed)
        #expect(knn.stage("train")?.reason.hasPrefix("unknown parameter 'C' for --model knn") == true)

        try sandbox.write("params.yaml", "train:\n  model: naive-bayes\n  seed: 7\n")
        try sandbox.write(
            "pipeline.yaml",
            Self.pipeline.replacingOccurrences(
                of: "[train.model, train.C, train.seed]",
                with: "[train.model, train.seed]"))
        let report = try run(sandbox)
        #expect(report.stage("gate")?.status == .ran)
        let candidate = try TrainedModel.load(from: sandbox.root + "/models/candidate.json")
        let champion = try JSONDecoder().decode(TrainedModel.self, from: try registry.modelData("v1"))
        let table = try CSVReader.read(file: sandbox.root + "/data/test.csv")
        let ours = try candidate.predict(table).labels
        let theirs = try champion.predict(table).labels
        let agreement = Double(zip(ours, theirs).filter { $0 == $1 }.count) / Double(ours.count)
        #expect(report.stage("gate")?.metrics["shadow_agreement"] == agreement)
        #expect(
            report.gates.last?.message == "agreement with the champion \(String(format: "%.3f", agreement)) "
                + (agreement >= 0.5 ? ">=" : "<") + " 0.500")
        #expect(report.stage("gate")?.summary?.hasSuffix("against champion v1") == true)
    }

    @Test func aFailedRequiredGateFailsTheRun() throws {
        let sandbox = try sandbox(
            gates: "gates:\n  - name: accuracy-floor\n    type: threshold\n    metric: accuracy\n    min: 0.99\n")
        defer { sandbox.cleanUp() }
        let report = try run(sandbox)
        #expect(report.status == .failed)
        let accuracy = try #require(report.stage("evaluate")?.metrics["accuracy"])
        #expect(
            report.stage("gate")?.reason
                == "required gate 'accuracy-floor' failed: accuracy \(String(format: "%.3f", accuracy)) < 0.990")
    }
}
