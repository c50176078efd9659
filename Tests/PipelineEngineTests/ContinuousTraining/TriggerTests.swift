import Foundation
import Testing

@testable import PipelineEngine

@Suite struct ScheduleTriggerTests {
    @Test func advancingAcrossAWeeklyScheduleRunsThePipelineOncePerDueTime() throws {
        let lab = try TriggerSandbox(
            pipeline: try TriggerSandbox.pipeline(triggers: "  - on: schedule\n    cron: \"0 2 * * 0\"\n"))
        // From Monday 2026-12-07 09:00, two weeks cross two Sundays at 02:00.
        let report = try lab.advance("14d")
        #expect(
            report.triggers.map(\.at) == [
                TriggerSandbox.date("2026-12-13T02:00"), TriggerSandbox.date("2026-12-20T02:00"),
            ])
        #expect(report.triggers.map(\.reasons) == [["schedule 0 2 * * 0"], ["schedule 0 2 * * 0"]])
        #expect(report.triggers.map(\.runID) == [1, 2])
        #expect(try lab.runCount() == 2)
        // The first run trained v1 and, with no champion yet, deployed it directly; the second
        // found nothing new: v1 is the champion already.
        #expect(report.triggers[0].status.rawValue == "passed")
        #expect(report.triggers[0].outcome.hasPrefix("v1: v1 is the champion now"))
        #expect(report.triggers[1].outcome == "no challenger waiting; champion v1 keeps serving")
        #expect(try lab.aliases() == (champion: 1, challenger: nil))
        // Production started being served once v1 was deployed, the day after the first run.
        #expect(report.served.map(\.day) == Array(20...27))
        #expect(try lab.actions().filter { $0.hasPrefix("trigger") }.count == 2)

        let quiet = try lab.advance("1d")
        #expect(quiet.triggers.isEmpty)
        #expect(try lab.runCount() == 2)
        try AuditConsistency.expect(lab.workspace)
    }
}

@Suite struct DriftTriggerTests {
    @Test func theDriftTriggerFiresOnTheDayDriftCrossesTheThresholdNotBefore() throws {
        let lab = try TriggerSandbox(
            pipeline: try TriggerSandbox.pipeline(
                triggers: "  - on: drift\n    method: psi\n    threshold: 0.2\n"))
        let scenario = try ScenarioState(workspace: lab.workspace).start("gradual-drift", actor: "ada").scenario
        let report = try lab.advance("14d")

        // The largest PSI of any feature, day by day, as the trigger judges it.
        let watcher = ProductionDrift(stream: try scenario.stream(), historyDays: scenario.historyDays)
        let largest = try (14...27).map { day in
            try watcher.drift(day: day, method: .psi, threshold: 0.2).map(\.statistic).max() ?? 0
        }
        let crossing = try #require(largest.firstIndex { $0 >= 0.2 }) + 14
        #expect(crossing == 23, "\(largest)")
        #expect(report.triggers.count == 1)
        let firing = try #require(report.triggers.first)
        // Day 23 is 2026-12-16; it is judged when it ends, at midnight.
        #expect(firing.at == scenario.dayStart(crossing + 1))
        #expect(firing.reasons.count == 1)
        #expect(firing.reasons[0].hasPrefix("drift on 2026-12-16: monthly_charges psi 0."))
        #expect(firing.reasons[0].hasSuffix(" ≥ 0.2"))
        #expect(firing.status.rawValue == "passed")
        // Drift lasts, but the trigger fired once, on the crossing.
        #expect(largest[(crossing - 14)...].allSatisfy { $0 >= 0.2 })
        try AuditConsistency.expect(lab.workspace)
    }
}

@Suite struct ContinuousDeploymentTests {
    static let gates = "gates:\n  - name: accuracy-floor\n    type: threshold\n    metric: accuracy\n    min: 0.5\n"

    @Test func aTriggeredRunDeploysOnlyABetterChallengerUnlessForcedAndRecordsIt() throws {
        let lab = try TriggerSandbox(
            pipeline: try TriggerSandbox.pipeline(
                triggers: "  - on: schedule\n    cron: \"0 3 * * *\"\n", strategy: "direct"),
            gates: Self.gates)
        let weak = "train:\n  model: logistic\n  C: 0.0001\n  seed: 42\n"
        let strong = "train:\n  model: logistic\n  C: 1.0\n  seed: 42\n"

        // A weak first model becomes champion: there is nothing to compare it with.
        try lab.write("params.yaml", weak)
        let first = try lab.advance("1d")
        #expect(first.triggers.map(\.outcome).first?.hasPrefix("v1: v1 is the champion now") == true)
        #expect(try lab.aliases() == (champion: 1, challenger: nil))

        // A stronger one beats it on the production labels that have come back, and ships.
        try lab.advance("2d")  // labels of the days v1 served come back
        try lab.write("params.yaml", strong)
        let better = try lab.advance("1d")
        let shipped = try #require(better.triggers.first)
        #expect(shipped.outcome.hasPrefix("v2: v2 is the champion now (was v1)"))
        #expect(try lab.aliases() == (champion: 2, challenger: nil))
        try AuditConsistency.expect(lab.workspace)
        let promotion = try lab.workspace.state.auditLog().last { $0.action == "deploy" }
        #expect(promotion?.detail.contains("; better: the challenger is 0.") == true)

        // The weak model again (its training comes from the cache): not better, not deployed.
        try lab.write("params.yaml", weak)
        let worse = try lab.advance("1d")
        let declined = try #require(worse.triggers.first)
        #expect(declined.status.rawValue == "passed")
        #expect(declined.outcome.hasPrefix("v1 not deployed: not shown better than the champion (accuracy 0."))
        #expect(try lab.aliases() == (champion: 2, challenger: 1))
        try AuditConsistency.expect(lab.workspace)
        let actions = try lab.actions()
        // The cached model is the challenger again; the deploy stage declines it; the run is recorded.
        #expect(
            actions.suffix(3) == ["alias challenger", "deploy.declined v1", "pipeline run run #5"],
            "\(actions.suffix(6))")

        // Forced: every stage reruns, and the candidate ships although it is not better; recorded.
        let forced = try lab.advance("1d", force: true)
        let pushed = try #require(forced.triggers.first)
        #expect(pushed.outcome.contains("is the champion now (was v2)"))
        let log = try lab.workspace.state.auditLog()
        let forcedEntry = try #require(log.last { $0.action == "deploy.forced" })
        #expect(forcedEntry.actor == "trigger (ada)")
        #expect(
            forcedEntry.detail.contains(
                "deployed with --force although not shown better than the champion: accuracy 0."))
        #expect(log.last { $0.action == "trigger" }?.detail.hasSuffix("(deploying with --force)") == true)
        let champion = try #require(try lab.aliases().champion)
        let challenger = try lab.aliases().challenger
        #expect(champion == 3 && challenger == nil)
        #expect(try RolloutStore(state: lab.workspace.state).latest()?.candidate == champion)
        try AuditConsistency.expect(lab.workspace)
    }
}

@Suite struct DataChangeTriggerTests {
    @Test func aChangedDependencyFiresOnceAtTheNextDayEnd() throws {
        let lab = try TriggerSandbox(pipeline: try TriggerSandbox.pipeline(triggers: "  - on: data_change\n"))
        #expect(try lab.advance("1d").triggers.isEmpty)
        let data = lab.workspace.root + "/data/churn.csv"
        let text = try String(contentsOfFile: data, encoding: .utf8)
        let lines = text.split(separator: "\n")
        try (text + lines[lines.count - 1] + "\n").write(toFile: data, atomically: true, encoding: .utf8)

        let report = try lab.advance("2d")
        #expect(report.triggers.map(\.at) == [TriggerSandbox.date("2026-12-09T00:00")])
        #expect(report.triggers.first?.reasons == ["data_change: data/churn.csv changed"])
        #expect(report.triggers.first?.runID == 1)
        // The run's own outputs (the model it wrote) do not count as new data.
        #expect(try lab.advance("3d").triggers.isEmpty)
        try AuditConsistency.expect(lab.workspace)
    }

    /// The first `clock advance` compares with the data the last run used (its lock file), so
    /// data edited between a run and the first advance is not taken as the starting point.
    @Test func dataEditedAfterARunAndBeforeTheFirstAdvanceFires() throws {
        let lab = try TriggerSandbox(pipeline: try TriggerSandbox.pipeline(triggers: "  - on: data_change\n"))
        var runner = PipelineRunner(
            workspace: lab.workspace, pipeline: try PipelineLoader.load(in: lab.workspace), executors: .standard())
        runner.actor = "ada"
        #expect(try runner.run().status == .passed)
        let data = lab.workspace.root + "/data/churn.csv"
        let text = try String(contentsOfFile: data, encoding: .utf8)
        try (text + text.split(separator: "\n").last! + "\n").write(toFile: data, atomically: true, encoding: .utf8)

        let report = try lab.advance("1d")
        #expect(report.triggers.first?.reasons == ["data_change: data/churn.csv changed"])
        #expect(try lab.advance("1d").triggers.isEmpty)
    }

    @Test func newLabelledBatchesFromProductionFireADataChangeEachDay() throws {
        let lab = try TriggerSandbox(
            pipeline: try TriggerSandbox.pipeline(
                triggers: "  - on: data_change\n    paths: [data/feedback.csv]\n"))
        // Nothing is served before a model is deployed, so no labels come back.
        #expect(try lab.advance("1d").triggers.isEmpty)
        var runner = PipelineRunner(
            workspace: lab.workspace, pipeline: try PipelineLoader.load(in: lab.workspace),
            executors: .standard())
        runner.actor = "ada"
        #expect(try runner.run().status == .passed)
        #expect(try lab.aliases() == (champion: 1, challenger: nil))

        let report = try lab.advance("2d")
        #expect(report.served.map(\.day) == [15, 16])
        #expect(
            report.triggers.map(\.reasons) == [
                ["data_change: data/feedback.csv changed"],
                ["data_change: data/feedback.csv changed"],
            ])
        let feedback = try String(contentsOfFile: lab.workspace.root + "/data/feedback.csv", encoding: .utf8)
        let header = feedback.split(separator: "\n").first.map(String.init)
        #expect(header == "customer_id,tenure,monthly_charges,total_charges,contract,plan,support_calls,region,churned")
        // Labels of day 15 that came back by day 17 (one or two days later), none of day 16 yet
        // except those a day late.
        let rows = feedback.split(separator: "\n").count - 1
        #expect(rows > 100 && rows < 400, "\(rows) labelled rows")
        try AuditConsistency.expect(lab.workspace)
    }
}
