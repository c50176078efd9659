import PipelineEngine
import Testing

@testable import Course

/// Checks name the engine's own statuses and strategies, so a check and the engine cannot
/// disagree on how one is spelled.
@Suite struct CheckConditionTypesTests {
    @Test func runAndGateStatusesAreTheEnginesOwn() throws {
        #expect(
            try parseCheck("last_run: {status: failed, stages: {train: cached, evaluate: restored}}").condition
                == .lastRun(
                    status: .failed,
                    stages: [
                        StageExpectation(stage: "train", status: .ended(.cached)),
                        StageExpectation(stage: "evaluate", status: .restored),
                    ]))
        #expect(
            try parseCheck("gate: {name: fairness, status: skipped}").condition
                == .gate(name: "fairness", status: .skipped))
    }

    @Test func deploymentStrategyAndStatusAreTheEnginesOwn() throws {
        #expect(
            try parseCheck("deployment: {strategy: canary, status: rolled_back}").condition
                == .deployment(strategy: .canary, status: .rolledBack))
        #expect(
            try parseCheck("deployment: {status: shadowing}").condition
                == .deployment(strategy: nil, status: .shadowing))
    }

    @Test func stageStatusesAreTheEnginesAndRestored() {
        #expect(StageExpectation.Status.all.map(\.rawValue) == ["ran", "cached", "failed", "skipped", "restored"])
        #expect(StageExpectation.Status(rawValue: "restored") == .restored)
        #expect(StageExpectation.Status(rawValue: "done") == nil)
    }

    @Test func aRestoredStageWasAlsoCached() {
        let restored = RecordedStage(
            name: "train", status: .cached,
            reason: "inputs unchanged; restored models/candidate.json from the artifact store")
        let cached = RecordedStage(name: "train", status: .cached, reason: "inputs unchanged")
        #expect(StageExpectation.Status.restored.holds(for: restored))
        #expect(StageExpectation.Status.ended(.cached).holds(for: restored))
        #expect(!StageExpectation.Status.restored.holds(for: cached))
        #expect(!StageExpectation.Status.ended(.ran).holds(for: cached))
    }
}
