import Foundation
import GRDB
import PipelineEngine
import Testing

@testable import Course

/// `last_run`, `gate` and `metric` checks against the run history of real pipeline runs, on a
/// workspace made from the repository's own `Sandbox/` templates (the churn pipeline).
@Suite struct RunCheckTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sandbox").path

    let directory: String
    let workspace: Workspace

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-runs-\(UUID())").path
        try SandboxManager(templates: Self.templates).initialise(at: directory + "/ws")
        workspace = try Workspace(root: directory + "/ws")
    }

    func evaluate(_ yaml: String) throws -> CheckOutcome {
        try CheckEvaluator(workspaceRoot: workspace.root, templates: Self.templates).evaluate(parseCheck(yaml))
    }

    /// Runs the sandbox's pipeline for real and returns the run's summary.
    @discardableResult
    func runPipeline() throws -> RunSummary {
        let pipeline = try PipelineLoader.load(in: workspace)
        _ = try PipelineRunner(workspace: workspace, pipeline: pipeline, executors: .standard()).run()
        return try #require(try PipelineHistory(state: workspace.state).runs().last)
    }

    @Test func beforeAnyRunNothingAboutRunsPasses() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for check in [
            "last_run: {status: passed}", "gate: {name: fairness, status: failed}", "metric: {name: accuracy, min: 0}",
        ] {
            #expect(try evaluate(check) == .notYet("there is no pipeline run yet"))
        }
    }

    @Test func lastRunReadsTheRunAndItsStages() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try runPipeline()
        #expect(first.status.rawValue == "passed")
        #expect(
            try evaluate("last_run: {status: passed, stages: {validate: ran, train: ran}}")
                == .passed("run #1 passed; in run #1 stage `validate` ran; in run #1 stage `train` ran"))
        #expect(try evaluate("last_run: {status: failed}") == .notYet("run #1 passed, not failed"))
        #expect(try evaluate("last_run: {stages: {monitor: ran}}") == .notYet("run #1 has no stage `monitor`"))
        // Nothing changed: the second run takes every stage that ran from the cache.
        try runPipeline()
        #expect(try evaluate("last_run: {stages: {train: cached}}") == .passed("in run #2 stage `train` cached"))
        #expect(try evaluate("last_run: {stages: {train: ran}}") == .notYet("in run #2 stage `train` cached, not ran"))
        #expect(
            try evaluate("last_run: {stages: {train: restored}}")
                == .notYet("in run #2 stage `train` cached, not restored"))
        // A model file changed by hand is put back from the artifact store: cached, and restored.
        let model = workspace.root + "/models/candidate.json"
        try (String(contentsOfFile: model, encoding: .utf8) + " ").write(
            toFile: model, atomically: true, encoding: .utf8)
        try runPipeline()
        #expect(
            try evaluate("last_run: {stages: {train: restored}}")
                == .passed("in run #3 stage `train` was cached and restored its outputs"))
        #expect(
            try evaluate("last_run: {stages: {train: cached}}")
                == .passed("in run #3 stage `train` was cached and restored its outputs"))
    }

    @Test func onlyRunsSinceTheStepBeganCount() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try runPipeline()
        let mark = try StepMark.take(of: workspace)
        let check = try parseCheck("last_run: {status: passed}")
        let since = CheckEvaluator(workspaceRoot: workspace.root, templates: Self.templates, mark: mark)
        #expect(
            try since.evaluate(check) == .notYet("there is no pipeline run since this step began (the last was #1)"))
        try runPipeline()
        #expect(try since.evaluate(check) == .passed("run #2 passed"))
    }

    @Test func gateReadsTheVerdictInTheLastRun() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try runPipeline()
        let fairness = try #require(
            try workspace.state.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT status, message FROM run_gate WHERE name = 'fairness'")
            })
        // The sandbox's churn model is accurate enough but unfair across regions (an advisory gate).
        #expect(fairness["status"] as String == "failed")
        let message: String = fairness["message"]
        #expect(
            try evaluate("gate: {name: fairness, status: failed}")
                == .passed("in run #1 gate `fairness` failed (\(message))"))
        #expect(
            try evaluate("gate: {name: fairness, status: passed}")
                == .notYet("in run #1 gate `fairness` failed (\(message)), not passed"))
        #expect(
            try evaluate("gate: {name: memory, status: passed}") == .notYet("run #1 has no verdict of a gate `memory`"))
    }

    @Test func metricReadsTheLastRunsValue() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try runPipeline()
        let evaluated = try #require(run.metrics["evaluate.accuracy"])
        let trained = try #require(run.metrics["train.accuracy"])
        let shown = RunChecks.format(evaluated)
        // A bare name is the metric of the last stage that recorded it: evaluate, after train.
        #expect(
            try evaluate("metric: {name: accuracy, min: 0.5}")
                == .passed("in run #1 `accuracy` of stage `evaluate` is \(shown)"))
        #expect(
            try evaluate("metric: {name: accuracy, min: 0.99}")
                == .notYet("in run #1 `accuracy` of stage `evaluate` is \(shown); the step needs at least 0.99"))
        #expect(
            try evaluate("metric: {name: train.accuracy, max: 0.5}")
                == .notYet(
                    "in run #1 `accuracy` of stage `train` is \(RunChecks.format(trained)); the step needs at most 0.5")
        )
        #expect(try evaluate("metric: {name: bleu, min: 0}") == .notYet("run #1 recorded no metric `bleu`"))
    }
}
