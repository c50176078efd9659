import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// A `test` stage: behavioural tests of the upstream model, failing the run when a required one fails.
@Suite struct BehaviouralTestStageTests {
    static let pipeline = """
        stages:
          train:
            kind: train
            data: data/train.csv
            target: churned
            params: [train.model, train.C, train.seed]
            outs: [models/candidate.json]
          behaviour:
            kind: test
            needs: [train]
            spec: tests.yaml
            data: data/test.csv
          evaluate:
            kind: evaluate
            needs: [behaviour]
            model: models/candidate.json
            data: data/test.csv
        """

    func sandbox(spec: String) throws -> PipelineSandbox {
        try PipelineSandbox(
            pipeline: Self.pipeline, params: StageExecutorTests.params,
            files: [
                "data/train.csv": StageExecutorTests.rows(0..<80), "data/test.csv": StageExecutorTests.rows(80..<120),
                "tests.yaml": spec,
            ])
    }

    func run(_ sandbox: PipelineSandbox) throws -> PipelineRunReport {
        var runner = PipelineRunner(workspace: sandbox.workspace, pipeline: try sandbox.load(), executors: .standard())
        runner.actor = "tester"
        return try runner.run()
    }

    /// The same tests run directly on the model the pipeline trained.
    func direct(_ sandbox: PipelineSandbox, _ spec: String) throws -> BehaviouralReport {
        let model = try TrainedModel.load(from: sandbox.root + "/models/candidate.json")
        let data = try CSVReader.read(file: sandbox.root + "/data/test.csv")
        return try BehaviouralTestRunner(model: model, data: data, specFile: "tests.yaml")
            .run(try BehaviouralSpecReader.parse(spec, file: "tests.yaml"))
    }

    @Test func passingTestsLetTheRunGoOn() throws {
        let spec = """
            - {name: plan-does-not-matter, type: invariance, column: plan, swap: [basic, premium], mostly: 0.5}
            - {name: region-set, type: invariance, column: region, set: north, required: false}
            """
        let sandbox = try sandbox(spec: spec)
        defer { sandbox.cleanUp() }
        let report = try run(sandbox)
        let direct = try direct(sandbox, spec)
        #expect(direct.passed)
        #expect(report.statuses == ["train:ran", "behaviour:ran", "evaluate:ran"])
        let passed = direct.results.filter(\.passed).count
        #expect(report.stage("behaviour")?.metrics["tests_passed"] == Double(passed))
        #expect(report.stage("behaviour")?.metrics["tests_failed"] == Double(2 - passed))
    }

    @Test func aFailedRequiredTestFailsTheStageAndStopsTheRun() throws {
        // Tenure decides churn in these rows: setting it to 59 for everyone changes many predictions.
        let spec = "- {name: tenure-does-not-matter, type: invariance, column: tenure, set: 59}\n"
        let sandbox = try sandbox(spec: spec)
        defer { sandbox.cleanUp() }
        let report = try run(sandbox)
        let result = try direct(sandbox, spec).results[0]
        #expect(!result.passed)
        #expect(report.status == .failed)
        #expect(report.statuses == ["train:ran", "behaviour:failed", "evaluate:skipped"])
        #expect(
            report.stage("behaviour")?.reason
                == "required test 'tenure-does-not-matter' failed: \(result.failingRows) of 40 rows")
    }

    @Test func aTestStageWithoutAModelOrTrainStageIsRefusedAtLoad() throws {
        let sandbox = try PipelineSandbox(
            pipeline: "stages:\n  behaviour:\n    kind: test\n    spec: tests.yaml\n", params: "",
            files: ["tests.yaml": "- {name: a, type: minimum, rows: [{x: 1, expect: b}]}\n"])
        defer { sandbox.cleanUp() }
        #expect(throws: LabError.self) { try sandbox.load() }
        do {
            _ = try sandbox.load()
        } catch let error as LabError {
            #expect(
                error.description
                    == "pipeline.yaml:2:3: stage 'behaviour' (a test stage) has no model to test: give it `model: FILE` or make it need a train stage"
            )
        }
    }
}
