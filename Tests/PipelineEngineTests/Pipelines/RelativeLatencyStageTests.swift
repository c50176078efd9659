import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// A pipeline's gate stage judges the latency gate's `max_ratio` as `gate check` does: the
/// candidate and the registry's champion timed in turn on the evaluation rows.
@Suite struct RelativeLatencyStageTests {
    static let pipeline = """
        stages:
          train:
            kind: train
            data: data/churn.csv
            target: churned
            params: [train.model, train.seed]
            outs: [models/candidate.json]
          evaluate:
            kind: evaluate
            needs: [train]
            data: data/churn-test.csv
          gate:
            kind: gate
            needs: [evaluate]
            gates: gates.yaml
        """

    static let gates = """
        gates:
          - type: latency
            p95_ms: 50
            max_ratio: 1.5
        """

    func sandbox() throws -> PipelineSandbox {
        let data = RelativeLatencyGateTests.sandbox
        return try PipelineSandbox(
            pipeline: Self.pipeline, params: "train:\n  model: logistic\n  seed: 42\n",
            files: [
                "data/churn.csv": try String(contentsOfFile: data + "/churn.csv", encoding: .utf8),
                "data/churn-test.csv": try String(contentsOfFile: data + "/churn-test.csv", encoding: .utf8),
                "gates.yaml": Self.gates,
            ])
    }

    func run(_ sandbox: PipelineSandbox) throws -> PipelineRunReport {
        var runner = PipelineRunner(workspace: sandbox.workspace, pipeline: try sandbox.load(), executors: .standard())
        runner.actor = "tester"
        return try runner.run()
    }

    /// Runs the logistic model once and makes it the champion, v1.
    func withLogisticChampion() throws -> PipelineSandbox {
        let sandbox = try sandbox()
        let first = try run(sandbox)
        #expect(first.gates.map(\.status) == [.passed])
        #expect(first.gates.first?.message.hasSuffix("<= 50.0 ms; no champion yet to compare with") == true)
        try ModelRegistry(workspace: sandbox.workspace).setAlias("champion", to: "v1", actor: "tester")
        return sandbox
    }

    @Test func aNearestNeighboursCandidateFailsTheStageAgainstALogisticChampion() throws {
        let sandbox = try withLogisticChampion()
        defer { sandbox.cleanUp() }
        try sandbox.write("params.yaml", "train:\n  model: knn\n  seed: 42\n")
        let report = try run(sandbox)
        #expect(report.status == .failed)
        #expect(report.stage("gate")?.status == .failed)
        let gate = try #require(report.gates.first)
        #expect(gate.status == .failed)
        // Both figures and their ratio; the absolute 50 ms bound alone would have let it through.
        #expect(gate.message.hasPrefix("latency p95 "), "\(gate.message)")
        #expect(gate.message.contains(" against champion v1's "), "\(gate.message)")
        #expect(gate.message.contains(" on the same rows: "), "\(gate.message)")
        #expect(gate.message.hasSuffix("× > 1.50×"), "\(gate.message)")
        #expect(report.stage("gate")?.reason.hasPrefix("required gate 'latency' failed: latency p95 ") == true)
    }

    @Test func aLogisticCandidatePassesTheStageAgainstALogisticChampion() throws {
        let sandbox = try withLogisticChampion()
        defer { sandbox.cleanUp() }
        try sandbox.write("params.yaml", "train:\n  model: logistic\n  seed: 7\n")
        let report = try run(sandbox)
        #expect(report.stage("gate")?.status == .ran)
        let gate = try #require(report.gates.first)
        #expect(gate.status == .passed, "\(gate.message)")
        #expect(gate.message.contains("<= 50.0 ms, p95 "), "\(gate.message)")
        #expect(gate.message.contains(" against champion v1's "), "\(gate.message)")
        #expect(gate.message.hasSuffix("× <= 1.50×"), "\(gate.message)")
    }
}
