import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// The runner reruns exactly what changed, says why, restores what it can and stops on failure.
@Suite struct PipelineRunnerTests {
    @Test func aSecondRunWithNothingChangedRerunsNothing() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        let first = try sandbox.run()
        #expect(first.statuses == ["validate:ran", "train:ran", "baseline:ran", "evaluate:ran", "gate:ran"])
        #expect(first.stages.allSatisfy { $0.reason == "no successful run yet (not in the lock file)" })
        #expect(sandbox.log.take() == ["validate", "train", "baseline", "evaluate", "gate"])

        let second = try sandbox.run()
        #expect(sandbox.log.take() == [])
        #expect(
            second.statuses == ["validate:cached", "train:cached", "baseline:cached", "evaluate:cached", "gate:cached"])
        #expect(second.stages.allSatisfy { $0.reason == "unchanged since run #1" && $0.cachedFrom == 1 })
        #expect(second.status == .passed)
        #expect(second.stage("evaluate")?.metrics == first.stage("evaluate")?.metrics)
    }

    @Test func changingOneParamRerunsTheStagesThatUseItAndThoseDownstream() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run()
        _ = sandbox.log.take()
        try sandbox.write("params.yaml", "train:\n  C: 0.5\n  seed: 7\nbaseline:\n  k: 5\n")
        let report = try sandbox.run()
        #expect(sandbox.log.take() == ["train", "evaluate", "gate"])
        #expect(report.statuses == ["validate:cached", "train:ran", "baseline:cached", "evaluate:ran", "gate:ran"])
        #expect(report.stage("train")?.reason == "params changed: train.C 1.0 → 0.5")
        #expect(report.stage("evaluate")?.reason == "deps changed: models/candidate.json modified")
        // The gate reads the model too (for shadow agreement), and the evaluation it judges.
        #expect(
            report.stage("gate")?.reason
                == "deps changed: models/candidate.json modified; upstream stage 'evaluate' has a new result")
    }

    @Test func editingADataFileRerunsFromItsFirstConsumer() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run()
        _ = sandbox.log.take()
        try sandbox.write("data/test.csv", "tenure,churned\n2,1\n8,0\n4,1\n")
        let report = try sandbox.run()
        #expect(sandbox.log.take() == ["evaluate", "gate"])
        #expect(report.stage("evaluate")?.reason == "deps changed: data/test.csv modified")

        try sandbox.write("data/train.csv", "tenure,churned\n1,1\n5,0\n9,0\n12,0\n")
        let again = try sandbox.run()
        #expect(sandbox.log.take() == ["validate", "train", "baseline", "evaluate", "gate"])
        #expect(again.stage("validate")?.reason == "deps changed: data/train.csv modified")
        #expect(again.stage("evaluate")?.reason == "deps changed: models/candidate.json modified")
    }

    @Test func aDeletedOutputIsRestoredFromTheStoreWithoutRerunning() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run()
        _ = sandbox.log.take()
        let model = sandbox.read("models/candidate.json")
        try sandbox.remove("models/candidate.json")
        let report = try sandbox.run()
        #expect(sandbox.log.take() == [])
        #expect(report.stage("train")?.status == .cached)
        #expect(
            report.stage("train")?.reason
                == "unchanged since run #1; restored models/candidate.json from the artifact store")
        #expect(report.stage("train")?.restored == ["models/candidate.json"])
        #expect(report.stage("evaluate")?.status == .cached)
        #expect(sandbox.read("models/candidate.json") == model)
    }

    @Test func aParamChangedBackIsServedFromTheRunCache() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run()
        try sandbox.write("params.yaml", "train:\n  C: 0.5\n  seed: 7\nbaseline:\n  k: 5\n")
        try sandbox.run()
        _ = sandbox.log.take()
        try sandbox.write("params.yaml", PipelineSandbox.params)
        let report = try sandbox.run()
        #expect(sandbox.log.take() == [])
        #expect(
            report.stage("train")?.reason
                == "same inputs as run #1 (params changed: train.C 0.5 → 1.0); restored models/candidate.json from the artifact store"
        )
        #expect(report.stage("train")?.cachedFrom == 1)
        #expect(report.stage("evaluate")?.status == .cached)
    }

    @Test func aFailedRequiredGateStopsTheRunAndIsNotCached() throws {
        let sandbox = try PipelineSandbox(
            pipeline: PipelineSandbox.pipeline
                + "\n  report:\n    kind: evaluate\n    needs: [gate]\n    data: data/test.csv\n",
            files: [
                "gates.yaml":
                    "gates:\n  - name: accuracy-floor\n    type: threshold\n    metric: accuracy\n    min: 0.99\n"
            ])
        defer { sandbox.cleanUp() }
        let report = try sandbox.run()
        #expect(report.status == .failed)
        #expect(report.stage("gate")?.status == .failed)
        let accuracy = try #require(report.stage("evaluate")?.metrics["accuracy"])
        #expect(
            report.stage("gate")?.reason
                == "required gate 'accuracy-floor' failed: accuracy \(String(format: "%.3f", accuracy)) < 0.990")
        #expect(report.gates.map(\.name) == ["accuracy-floor"])
        #expect(report.gates.first?.status == .failed)
        #expect(report.stage("report")?.status == .skipped)
        #expect(report.stage("report")?.reason == "not run: a required gate failed in stage 'gate'")
        #expect(
            try LockFile.read(path: sandbox.root + "/pipeline.lock", displayName: "pipeline.lock").stages["gate"] == nil
        )

        _ = sandbox.log.take()
        try sandbox.write(
            "gates.yaml", "gates:\n  - name: accuracy-floor\n    type: threshold\n    metric: accuracy\n    min: 0.5\n")
        let fixed = try sandbox.run()
        #expect(sandbox.log.take() == ["gate", "report"])
        #expect(fixed.stage("gate")?.reason == "no successful run yet (not in the lock file)")
        #expect(fixed.status == .passed)
    }

    @Test func aStageThatThrowsFailsWithItsErrorAndLaterStagesAreSkipped() throws {
        let sandbox = try PipelineSandbox(files: ["data/test.csv": "throw"])
        defer { sandbox.cleanUp() }
        let report = try sandbox.run()
        #expect(report.statuses == ["validate:ran", "train:ran", "baseline:ran", "evaluate:failed", "gate:skipped"])
        #expect(report.stage("evaluate")?.reason == "data/test.csv says throw")
    }

    @Test func aGateConfigurationWithATypoStopsTheRunBeforeAnyStage() throws {
        let sandbox = try PipelineSandbox(files: [
            "gates.yaml": "gates:\n  - type: threshold\n    metric: F1\n    min: 0.5\n"
        ])
        defer { sandbox.cleanUp() }
        #expect {
            try sandbox.run()
        } throws: { error in
            (error as? LabError)?.description
                == "gates.yaml:3:13: unknown metric \"F1\"; an evaluation measures accuracy, precision, recall, f1, roc_auc, rmse, mae or r2 (did you mean 'f1'?)"
        }
    }

    @Test func deploymentStagesParseButAreSkippedWithTheReason() throws {
        let sandbox = try PipelineSandbox(
            pipeline: PipelineSandbox.pipeline
                + "\n  deploy:\n    kind: deploy\n    needs: [gate]\n    strategy: canary\n    steps: [5, 25, 50, 100]\n"
                + "  watch:\n    kind: monitor\n    needs: [deploy]\n    window: 7d\n")
        defer { sandbox.cleanUp() }
        let report = try sandbox.run()
        #expect(report.status == .passed)
        #expect(report.stage("deploy")?.status == .skipped)
        #expect(
            report.stage("deploy")?.reason
                == "not run: no executor for deploy stages")
        #expect(report.stage("watch")?.reason == "not run: it needs 'deploy', which did not run")
    }

    @Test func aTargetStageRunsWithWhatItNeedsOnly() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        let report = try sandbox.run(stage: "train")
        #expect(report.statuses == ["validate:ran", "train:ran"])
        let all = try sandbox.run()
        #expect(all.statuses == ["validate:cached", "train:cached", "baseline:ran", "evaluate:ran", "gate:ran"])
        #expect(
            throws: LabError(
                "pipeline.unknown_stage", "there is no stage 'trian' in pipeline.yaml; did you mean 'train'?")
        ) {
            try sandbox.run(stage: "trian")
        }
    }

    @Test func forceRerunsEverythingAndSaysSo() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run()
        let report = try sandbox.run(force: true)
        #expect(report.stages.allSatisfy { $0.status == .ran && $0.reason == "forced with --force" })
    }

    @Test func aChangedChampionRerunsTheGate() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run()
        let registry = ModelRegistry(workspace: sandbox.workspace)
        try registry.register(
            modelData: Data("m".utf8),
            ModelRegistration(
                kind: .logistic, target: "churned", features: ["tenure"],
                lineage: Lineage(dataHash: "d", paramsHash: "p"), metrics: [:], source: "test"),
            actor: "tester")
        try registry.setAlias("champion", to: "v1", actor: "tester")
        _ = sandbox.log.take()
        let report = try sandbox.run()
        #expect(sandbox.log.take() == ["gate"])
        #expect(report.stage("gate")?.reason == "champion changed: none → v1")
    }
}
