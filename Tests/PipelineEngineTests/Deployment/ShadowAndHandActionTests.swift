import Foundation
import GRDB
import Testing

@testable import LabSupport
@testable import PipelineEngine

@Suite struct ShadowDeploymentTests {
    @Test func aShadowDeploymentNeverChangesWhatIsServed() throws {
        // Two identical sandboxes serve the same day; one has v2 shadowing the champion.
        let plain = try DeploymentFixture("plain")
        let shadowed = try DeploymentFixture("shadowed")
        for lab in [plain, shadowed] {
            _ = try lab.deployer.deploy("v1", strategy: .direct, actor: "ada", reason: "first model")
        }
        let started = try shadowed.deployer.deploy("v2", strategy: .shadow, actor: "ada", reason: "see how it does")
        #expect(started.rollout.status == .shadowing)
        #expect(
            started.message
                == "v2 shadows champion v1: it answers mirrored traffic, logged and compared, never served. Run `traffic simulate`, then `promote` or `rollback`."
        )
        #expect(try shadowed.aliases() == (champion: 1, challenger: 2))

        let alone = try plain.traffic.simulate()
        let mirrored = try shadowed.traffic.simulate()
        #expect(alone.requests == 200)
        #expect(try shadowed.servedLog() == plain.servedLog(), "what was served must not depend on the shadow")
        #expect(mirrored.versions.map(\.role) == [.champion, .shadow])
        #expect(mirrored.versions.map(\.requests) == [200, 200])
        #expect(alone.versions == [mirrored.versions[0]])

        // The shadow did answer, differently at times, and its answers were only logged.
        let comparison = try #require(mirrored.shadow)
        #expect(comparison.version == 2 && comparison.champion == 1 && comparison.compared == 200)
        let agreement = try #require(comparison.agreement)
        #expect(agreement > 0.5 && agreement < 1)
        let shadowAnswers = try shadowed.workspace.state.pool.read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT COUNT(*) FROM served_request WHERE shadow_version = 2 AND shadow_prediction IS NOT NULL")
        }
        #expect(shadowAnswers == 200)
        #expect(try shadowed.aliases() == (champion: 1, challenger: 2))
        #expect(try RolloutStore(state: shadowed.workspace.state).latest()?.status == .shadowing)
        try AuditConsistency.expect(shadowed.workspace)
        try AuditConsistency.expect(plain.workspace)
    }
}

@Suite struct HandActionTests {
    /// A sandbox with v1 deployed directly and v2 shadowing it.
    func shadowing() throws -> DeploymentFixture {
        let lab = try DeploymentFixture()
        _ = try lab.deployer.deploy("v1", strategy: .direct, actor: "ada", reason: "first model")
        _ = try lab.deployer.deploy("v2", strategy: .shadow, actor: "ada", reason: "see how it does")
        return lab
    }

    @Test func promotingAShadowMakesItChampion() throws {
        let lab = try shadowing()
        let report = try RolloutController(workspace: lab.workspace).promote(
            actor: "bob", reason: "agrees and is more accurate")
        #expect(report.message == "Promoted v2 to champion (rollout #2).")
        #expect(report.rollout.status == .promoted)
        #expect(report.rollout.reason == "promoted by hand: agrees and is more accurate")
        #expect(try lab.aliases() == (champion: 2, challenger: nil))
        #expect(
            try lab.auditTrail().suffix(3) == ["bob promote rollout #2", "bob alias champion", "bob alias challenger"])
        let log = try lab.workspace.state.auditLog()
        #expect(
            log.suffix(3).map(\.detail) == [
                "champion v1 → v2: promoted by hand: agrees and is more accurate",
                "v1 → v2: rollout #2 promoted", "v2 → none: rollout #2 promoted",
            ])
        try AuditConsistency.expect(lab.workspace)
    }

    @Test func rollingBackAShadowAbortsItAndKeepsTheChampion() throws {
        let lab = try shadowing()
        let report = try RolloutController(workspace: lab.workspace).rollback(
            actor: "bob", reason: "disagrees too often")
        #expect(report.message == "Aborted rollout #2; v1 serves all traffic.")
        #expect(report.rollout.status == .aborted)
        #expect(report.rollout.reason == "aborted by hand at 0% traffic: disagrees too often")
        #expect(try lab.aliases() == (champion: 1, challenger: nil))
        #expect(try lab.auditTrail().suffix(2) == ["bob rollback rollout #2", "bob alias challenger"])
        #expect(
            try lab.workspace.state.auditLog().suffix(2).first?.detail
                == "aborted shadow of v2; all traffic to v1: disagrees too often")
        try AuditConsistency.expect(lab.workspace)
    }

    @Test func rollingBackAPromotionRestoresThePreviousChampionOnce() throws {
        let lab = try DeploymentFixture()
        _ = try lab.deployer.deploy("v1", strategy: .direct, actor: "ada", reason: "first model")
        _ = try lab.deployer.deploy("v2", strategy: .direct, actor: "ada", reason: "straight in")
        #expect(try lab.aliases() == (champion: 2, challenger: nil))
        let controller = RolloutController(workspace: lab.workspace)
        let report = try controller.rollback(actor: "bob", reason: "complaints")
        #expect(report.message == "Rolled back rollout #2: v1 is the champion again.")
        #expect(report.rollout.status == .rolledBack)
        #expect(try lab.aliases() == (champion: 1, challenger: nil))
        try AuditConsistency.expect(lab.workspace)
        #expect(try lab.auditTrail().suffix(2) == ["bob rollback rollout #2", "bob alias champion"])
        #expect(
            throws: LabError(
                "rollout.nothing_to_roll_back",
                "nothing to roll back to: v1 became the first champion in rollout #1")
        ) {
            try controller.rollback(actor: "bob", reason: "again")
        }
        #expect(try lab.aliases() == (champion: 1, challenger: nil))
        try AuditConsistency.expect(lab.workspace)
    }

    @Test func promotingAnInterruptedCanarySkipsTheRestOfItsAnalysis() throws {
        let lab = try DeploymentFixture()
        _ = try lab.deployer.deploy("v1", strategy: .direct, actor: "ada", reason: "first model")
        let controller = RolloutController(workspace: lab.workspace)
        // A canary whose process died before its first analysis: still progressing at step 1.
        let started = try controller.begin(
            .init(
                strategy: .canary, candidate: 2, steps: [5, 25, 50, 100], loadLevel: .normal, serviceTimes: [],
                simulatedAt: SimulatedClock.defaultStart, reason: "interrupted"), actor: "ada")
        #expect(started.status == .progressing && started.candidateWeight == 5)
        #expect(try lab.aliases() == (champion: 1, challenger: 2))
        let report = try controller.promote(actor: "bob", reason: "urgent fix")
        #expect(
            report.rollout.reason == "promoted by hand at step 1 of 4, skipping the analysis of the rest: urgent fix")
        #expect(report.steps.map(\.skipped) == [true, true, true, true])
        #expect(try lab.aliases() == (champion: 2, challenger: nil))
        try AuditConsistency.expect(lab.workspace)
    }

    @Test func handActionsExplainWhenThereIsNothingToDo() throws {
        let lab = try DeploymentFixture()
        let controller = RolloutController(workspace: lab.workspace)
        #expect(throws: LabError("rollout.nothing_to_promote", "nothing to promote: there has been no deployment yet"))
        {
            try controller.promote(actor: "bob", reason: "?")
        }
        _ = try lab.deployer.deploy("v1", strategy: .direct, actor: "ada", reason: "first model")
        #expect(
            throws: LabError(
                "rollout.nothing_to_promote",
                "nothing to promote: no rollout is under way (the latest, #1, direct of v1, is promoted)")
        ) {
            try controller.promote(actor: "bob", reason: "?")
        }
        try AuditConsistency.expect(lab.workspace)
    }

    @Test func deploymentsThatCannotStartAreRefused() throws {
        let lab = try DeploymentFixture()
        let deployer = try lab.deployer
        #expect(
            throws: LabError(
                "deploy.no_champion",
                "a canary deployment compares the candidate with the champion, and there is none yet; deploy the first model with --strategy direct"
            )
        ) {
            try deployer.deploy("v2", strategy: .canary, actor: "ada", reason: "too soon")
        }
        _ = try deployer.deploy("v1", strategy: .direct, actor: "ada", reason: "first model")
        #expect(throws: LabError("deploy.already_champion", "v1 is already the champion; nothing to deploy")) {
            try deployer.deploy("champion", strategy: .direct, actor: "ada", reason: "again")
        }
        _ = try deployer.deploy("v2", strategy: .shadow, actor: "ada", reason: "watch")
        #expect(
            throws: LabError(
                "deploy.rollout_active",
                "rollout #2 (shadow of v2) is still shadowing; `promote` or `rollback` it first")
        ) {
            try deployer.deploy("v3", strategy: .canary, actor: "ada", reason: "impatient")
        }
        #expect(
            throws: LabError(
                "deploy.bad_steps",
                "'5,50,25' is not a list of canary steps; write rising traffic percentages from 1 to 100, such as 5,25,50,100"
            )
        ) {
            try DeploymentSettings.parseSteps("5,50,25")
        }
        #expect(try DeploymentSettings.parseSteps("10, 50%,100") == [10, 50, 100])
        #expect(try lab.aliases() == (champion: 1, challenger: 2))
        try AuditConsistency.expect(lab.workspace)
    }
}

@Suite struct TrafficSimulationTests {
    @Test func labelsComeBackDaysLaterAndOnlyThenCountForLiveAccuracy() throws {
        let lab = try DeploymentFixture()
        _ = try lab.deployer.deploy("v1", strategy: .direct, actor: "ada", reason: "first model")
        let today = try lab.traffic.simulate()
        #expect(today.day == 14 && today.date == "2026-12-07" && today.requests == 200 && today.remainingToday == 0)
        #expect(today.live == [LiveAccuracy(version: 1, labelled: 0, correct: 0, pending: 200)])
        let again = try lab.traffic.simulate()
        #expect(again.requests == 0 && again.remainingToday == 0)

        try lab.advanceClock("3d")  // every label of day 14 arrives within 1 to 3 days
        let later = try lab.traffic.simulate(requests: 50)
        #expect(later.day == 17 && later.requests == 50 && later.remainingToday == 150)
        let live = try #require(later.live.first)
        #expect(live.labelled == 200 && live.pending == 50)
        let accuracy = try #require(live.accuracy)
        #expect(accuracy > 0.6 && accuracy < 0.95)
        try AuditConsistency.expect(lab.workspace)
    }

    @Test func trafficNeedsADeployedModel() throws {
        let lab = try DeploymentFixture()
        #expect(
            throws: LabError(
                "traffic.nothing_deployed",
                "nothing is deployed: there is no champion yet; deploy a version first (`deploy v1 --strategy direct`)")
        ) {
            try lab.traffic.simulate()
        }
        #expect(throws: LabError("traffic.bad_requests", "--requests must be 1 or more, got 0")) {
            try lab.traffic.simulate(requests: 0)
        }
        try AuditConsistency.expect(lab.workspace)
    }
}
