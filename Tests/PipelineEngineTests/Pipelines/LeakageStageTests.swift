import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// The `leakage` stage: `data leakage` in a pipeline, failing the run unless it is advisory.
@Suite struct LeakageStageTests {
    static func pipeline(required: String? = nil) -> String {
        """
        stages:
          leakage:
            kind: leakage
            train: data/train.csv
            test: data/test.csv
            target: churned
            id: id
        \(required.map { "    required: \($0)\n" } ?? "")  validate:
            kind: validate
            needs: [leakage]
            data: data/train.csv
            suite: suites/train.yaml
        """
    }

    static let train = "id,tenure,plan,churned\n1,3,basic,1\n2,40,pro,0\n3,30,basic,1\n4,60,pro,0\n5,25,basic,0\n"
    static let cleanTest = "id,tenure,plan,churned\n6,7,pro,1\n7,33,basic,0\n"
    /// Line 3 repeats training line 3 under a new id.
    static let leakyTest = "id,tenure,plan,churned\n6,7,pro,1\n9,40,pro,0\n"

    func run(test: String, required: String? = nil) throws -> PipelineRunReport {
        let sandbox = try PipelineSandbox(
            pipeline: Self.pipeline(required: required),
            files: [
                "data/train.csv": Self.train, "data/test.csv": test,
                "suites/train.yaml": "expectations:\n  - expect: columns_exist\n    columns: [tenure, churned]\n",
            ])
        var runner = PipelineRunner(workspace: sandbox.workspace, pipeline: try sandbox.load(), executors: .standard())
        runner.actor = "tester"
        return try runner.run()
    }

    @Test func noLeakageLetsTheRunGoOn() throws {
        let report = try run(test: Self.cleanTest)
        #expect(report.statuses == ["leakage:ran", "validate:ran"])
        #expect(report.stage("leakage")?.summary == "no leakage found between data/train.csv and data/test.csv")
    }

    @Test func leakageFailsTheStageByDefault() throws {
        let report = try run(test: Self.leakyTest)
        #expect(report.statuses == ["leakage:failed", "validate:skipped"])
        #expect(report.stage("leakage")?.reason == "leakage found: 1 test rows also in data/train.csv")
        #expect(report.stage("validate")?.reason == "not run: stage 'leakage' failed")
    }

    @Test func advisoryLeakageIsReportedAndTheRunGoesOn() throws {
        let report = try run(test: Self.leakyTest, required: "false")
        #expect(report.statuses == ["leakage:ran", "validate:ran"])
        #expect(report.stage("leakage")?.summary == "leakage found: 1 test rows also in data/train.csv (advisory)")
    }

    @Test func requiredTakesOnlyTrueOrFalse() throws {
        #expect {
            try run(test: Self.cleanTest, required: "maybe")
        } throws: { error in
            (error as? LabError)?.message == "`required` of stage 'leakage' is \"maybe\"; expected true or false"
        }
    }
}
