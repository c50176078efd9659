import Foundation
import Testing

@testable import PipelineEngine

@Suite struct CanaryRolloutTests {
    @Test func aBetterFastChallengerPassesEveryCanaryStepAndBecomesChampion() throws {
        let lab = try DeploymentFixture()
        let deployer = try lab.deployer
        _ = try deployer.deploy("v1", strategy: .direct, actor: "ada", reason: "first model")
        let report = try deployer.deploy("v2", strategy: .canary, actor: "ada", reason: "more data, more features")

        #expect(report.rollout.status == .promoted)
        #expect(report.rollout.reason == "passed the analysis of all 4 steps")
        #expect(report.message == "Promoted v2 to champion: every canary step passed its analysis.")
        #expect(report.steps.map(\.weight) == [5, 25, 50, 100])
        #expect(report.steps.allSatisfy { $0.verdict == .successful && $0.intervals.count == 3 && !$0.skipped })
        // Live accuracy was judged once enough labels had come back, and held.
        let judged = report.steps.flatMap(\.intervals).flatMap(\.conditions).filter { $0.name == "live_accuracy" }
        #expect(judged.contains { $0.status == .passed })
        #expect(!judged.contains { $0.status == .failed })
        #expect(try lab.aliases() == (champion: 2, challenger: nil))
        #expect(
            try lab.auditTrail() == [
                "ada deploy rollout #1", "ada alias champion",
                "ada deploy rollout #2", "ada alias challenger",
                "rollout-controller rollout.step rollout #2", "rollout-controller rollout.analysis rollout #2",
                "rollout-controller rollout.step rollout #2", "rollout-controller rollout.analysis rollout #2",
                "rollout-controller rollout.step rollout #2", "rollout-controller rollout.analysis rollout #2",
                "rollout-controller rollout.step rollout #2", "rollout-controller rollout.analysis rollout #2",
                "rollout-controller promote rollout #2", "rollout-controller alias champion",
                "rollout-controller alias challenger",
            ])
        let promotion = try lab.workspace.state.auditLog().filter { $0.action == "promote" }
        #expect(promotion.map(\.detail) == ["champion v1 → v2: passed the analysis of all 4 steps"])
        try AuditConsistency.expect(lab.workspace)
    }

    @Test func aThreeTimesSlowerChallengerUnderHolidayLoadIsRolledBackAtTheFirstBreachingStep() throws {
        let lab = try DeploymentFixture()
        let deployer = try lab.deployer
        _ = try deployer.deploy("v1", strategy: .direct, actor: "ada", reason: "first model")
        try lab.setLoad(.holiday)
        let report = try deployer.deploy("v3", strategy: .canary, actor: "ada", reason: "same model, slower build")

        // v3 predicts three times slower than the baseline v1, which serves at 20 ms: 60 ms.
        #expect(report.rollout.serviceTimes.map(\.serviceMs) == [20, 60])
        // At 5 % (4 req/s on one replica) it copes; at 25 % (20 req/s) one replica saturates.
        #expect(report.rollout.status == .rolledBack)
        #expect(report.rollout.stepIndex == 1)
        #expect(report.steps.map(\.verdict) == [.successful, .failed])
        #expect(report.steps[1].intervals.count == 1)
        let reason =
            "analysis failed at step 2/4 (25%), interval 1: "
            + "p95 latency: canary 1.00 s > 250 ms limit (champion 20.0 ms); "
            + "error rate: canary 92.17% > 1.00% limit (champion 0.00% + 1.00 point)"
        #expect(report.rollout.reason == reason)
        #expect(report.message == "Rolled back automatically at step 2/4 (25%): v1 serves all traffic.")
        #expect(try lab.aliases() == (champion: 1, challenger: nil))
        #expect(
            try lab.auditTrail() == [
                "ada deploy rollout #1", "ada alias champion", "ada traffic.load platform",
                "ada deploy rollout #2", "ada alias challenger",
                "rollout-controller rollout.step rollout #2", "rollout-controller rollout.analysis rollout #2",
                "rollout-controller rollout.step rollout #2",
                "rollout-controller rollback rollout #2", "rollout-controller alias challenger",
            ])
        let rollback = try lab.workspace.state.auditLog().first { $0.action == "rollback" }
        #expect(rollback?.detail == "automatic: all traffic back to v1; " + reason)
        // What was stored reads back the same.
        #expect(try RolloutStore(state: lab.workspace.state).analyses(of: 2) == report.steps)
        try AuditConsistency.expect(lab.workspace)
    }

    @Test func theSameSlowChallengerPassesAtNormalLoad() throws {
        let lab = try DeploymentFixture()
        let deployer = try lab.deployer
        _ = try deployer.deploy("v1", strategy: .direct, actor: "ada", reason: "first model")
        let report = try deployer.deploy("v3", strategy: .canary, actor: "ada", reason: "quiet week")
        #expect(report.rollout.status == .promoted)
        let p95 = report.steps.map { $0.intervals[0].canary.forecast.p95Ms }
        // 1, 5, 10 and 20 req/s on 1, 1, 2 and 4 replicas of a 60 ms model.
        #expect(p95.map { ($0 * 10).rounded() / 10 } == [71.6, 213.6, 103.7, 60])
        #expect(try lab.aliases() == (champion: 3, challenger: nil))
        try AuditConsistency.expect(lab.workspace)
    }

    @Test func customStepsAreFollowed() throws {
        let lab = try DeploymentFixture()
        let deployer = try lab.deployer
        _ = try deployer.deploy("v1", strategy: .direct, actor: "ada", reason: "first model")
        let report = try deployer.deploy("v2", strategy: .canary, steps: [10, 100], actor: "ada", reason: "two steps")
        #expect(report.steps.map(\.weight) == [10, 100])
        #expect(report.rollout.status == .promoted)
        try AuditConsistency.expect(lab.workspace)
    }
}
