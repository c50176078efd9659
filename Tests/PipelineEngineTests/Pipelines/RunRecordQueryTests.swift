import Foundation
import Testing

@testable import PipelineEngine

/// What the run history answers about one run (its stages, gate verdicts and metrics), read
/// back from real runs of the `Sandbox/` churn pipeline.
@Suite struct RunRecordQueryTests {
    let sandbox: TriggerSandbox
    var history: PipelineHistory { PipelineHistory(state: sandbox.workspace.state) }

    init() throws {
        sandbox = try TriggerSandbox()
    }

    @discardableResult
    func run() throws -> PipelineRunReport {
        let pipeline = try PipelineLoader.load(in: sandbox.workspace)
        return try PipelineRunner(workspace: sandbox.workspace, pipeline: pipeline, executors: .standard()).run()
    }

    @Test func theLastRunIDIsZeroBeforeTheFirstRun() throws {
        #expect(try history.lastRunID() == 0)
        try run()
        try run()
        #expect(try history.lastRunID() == 2)
    }

    @Test func stagesComeInTheOrderTheyRanWithTheirStatus() throws {
        let report = try run()
        let stages = try history.stages(ofRun: 1)
        #expect(stages.map(\.name) == report.stages.map(\.name))
        #expect(stages.map(\.status) == report.stages.map(\.status))
        #expect(stages.map(\.reason) == report.stages.map(\.reason))
        #expect(try history.stages(ofRun: 9).isEmpty)
    }

    @Test func aCachedStageThatPutItsOutputsBackSaysSo() throws {
        try run()
        try run()
        let cached = try #require(try history.stages(ofRun: 2).first { $0.name == "train" })
        #expect(cached.status == .cached && !cached.restoredOutputs)
        let model = sandbox.workspace.root + "/models/candidate.json"
        let text = try String(contentsOfFile: model, encoding: .utf8)
        try (text + " ").write(toFile: model, atomically: true, encoding: .utf8)
        try run()
        let restored = try #require(try history.stages(ofRun: 3).first { $0.name == "train" })
        #expect(restored.status == .cached && restored.restoredOutputs)
    }

    @Test func gateVerdictsAreTheRunsOwn() throws {
        let report = try run()
        let gates = try history.gates(ofRun: 1)
        #expect(gates.map(\.name) == report.gates.map(\.name))
        #expect(gates.map(\.status) == report.gates.map(\.status))
        #expect(gates.map(\.message) == report.gates.map(\.message))
        #expect(gates.allSatisfy { $0.stage == "gate" })
        // The sandbox's churn model is accurate enough but unfair across regions.
        let fairness = try #require(gates.first { $0.name == "fairness" })
        #expect(fairness.status == .failed && !fairness.failedUnmeasured)
    }

    @Test func aGateThatMeasuredNothingFailedUnmeasured() {
        let gate = RecordedGate(
            stage: "gate", name: "accuracy-floor", status: .failed, message: "metric 'accuracy' was not measured")
        #expect(gate.failedUnmeasured)
        #expect(!RecordedGate(stage: "gate", name: "x", status: .passed, message: "was not measured").failedUnmeasured)
    }

    @Test func metricsOfTheStageThatRanLastComeFirst() throws {
        let report = try run()
        let metrics = try history.metrics(ofRun: 1)
        let accuracy = metrics.filter { $0.name == "accuracy" }
        #expect(accuracy.map(\.stage) == ["evaluate", "train"])
        #expect(accuracy.first?.value == report.stage("evaluate")?.metrics["accuracy"])
        #expect(try history.metrics(ofRun: 9).isEmpty)
    }

    @Test func runSummariesCarryTheRunStatus() throws {
        try run()
        #expect(try history.runs().map(\.status) == [.passed])
        #expect(RunSummary.Status(PipelineRunReport.Status.failed) == .failed)
    }
}

/// How much production traffic the request log holds past a mark.
@Suite struct ServedTrafficQueryTests {
    @Test func trafficIsCountedPastTheRequestGiven() throws {
        let lab = try DeploymentFixture()
        let state = lab.workspace.state
        #expect(try state.servedTraffic() == ServedTraffic(requests: 0, shadowed: 0, lastRequestID: 0))
        _ = try lab.deployer.deploy("v1", strategy: .direct, actor: "ada", reason: "first model")
        _ = try lab.traffic.simulate(requests: 50)
        #expect(try state.servedTraffic() == ServedTraffic(requests: 50, shadowed: 0, lastRequestID: 50))
        _ = try lab.deployer.deploy("v2", strategy: .shadow, actor: "ada", reason: "see how it does")
        _ = try lab.traffic.simulate(requests: 30)
        #expect(try state.servedTraffic(after: 50) == ServedTraffic(requests: 30, shadowed: 30, lastRequestID: 80))
        #expect(try state.servedTraffic() == ServedTraffic(requests: 80, shadowed: 30, lastRequestID: 80))
    }
}
