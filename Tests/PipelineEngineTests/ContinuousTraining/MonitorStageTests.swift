import Foundation
import Testing

@testable import PipelineEngine

@Suite struct MonitorStageTests {
    static let pipeline = """
        stages:
          watch:
            kind: monitor
            method: psi
            threshold: 0.2
          compare:
            kind: monitor
            data: data/churn-test.csv
            reference: data/churn.csv

        """

    func run(_ lab: TriggerSandbox) throws -> PipelineRunReport {
        var runner = PipelineRunner(
            workspace: lab.workspace, pipeline: try PipelineLoader.load(in: lab.workspace),
            executors: .standard())
        runner.actor = "ada"
        return try runner.run()
    }

    @Test func aMonitorStagePassesInACalmWorldAndFailsOnceProductionDrifts() throws {
        let lab = try TriggerSandbox(pipeline: Self.pipeline)
        let calm = try run(lab)
        #expect(calm.status == .passed, "\(calm.stages.map(\.reason))")
        #expect(calm.stages.map(\.status) == [.ran, .ran])
        #expect(
            calm.stages[0].summary?.hasPrefix("6 features checked by psi, 0 drifted (production up to 2026-12-07")
                == true)
        // customer_id is an identifier and left out; the other 8 columns match the training data.
        #expect(
            calm.stages[1].summary
                == "8 features checked by psi, 0 drifted (data/churn-test.csv against data/churn.csv)")

        try ScenarioState(workspace: lab.workspace).start("gradual-drift", actor: "ada")
        try lab.advance("14d")
        let drifted = try run(lab)
        #expect(drifted.status == .failed)
        let watch = try #require(drifted.stages.first)
        #expect(watch.status == .failed)
        #expect(watch.reason.hasPrefix("drift in monthly_charges 0."))
        #expect(watch.reason.contains("(production up to 2026-12-21 against 2026-11-23 – 2026-11-29)"))
    }
}
