import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// The lock file, cost accounting, run history, diffs and status a run leaves behind.
@Suite struct PipelineRecordsTests {
    @Test func theLockFileRecordsDefinitionsHashesAndParamValues() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run()
        let text = try #require(sandbox.read("pipeline.lock"))
        let data = try ContentHash.hex(fileAt: sandbox.root + "/data/train.csv")
        let model = try ContentHash.hex(fileAt: sandbox.root + "/models/candidate.json")
        let pipeline = try sandbox.load()
        let train = try #require(pipeline.stage("train"))
        let fingerprint = StageInputs(
            definition: train.fields,
            deps: [FileHash(path: "data/train.csv", sha256: data, size: 27)],
            params: ["train.C": "1.0", "train.seed": "7"], inputs: [:]
        ).fingerprint
        let result = try #require(
            try LockFile.read(path: sandbox.root + "/pipeline.lock", displayName: "pipeline.lock")
                .stages["train"]?.result)
        #expect(
            text.contains(
                """
                  train:
                    kind: train
                    fingerprint: \(fingerprint)
                    definition:
                      data: 'data/train.csv'
                      kind: 'train'
                      outs: '[models/candidate.json]'
                      params: '[train.C, train.seed]'
                      target: 'churned'
                    deps:
                    - path: data/train.csv
                      sha256: \(data)
                      size: 27
                    params:
                      train.C: '1.0'
                      train.seed: '7'
                    outs:
                    - path: models/candidate.json
                      sha256: \(model)
                      size: 64
                    result: \(result)
                    run: 1

                """))
        #expect(
            text.hasPrefix(
                "# Written by `cicdlab pipeline run`: the state of each stage's last successful run.\nschema: cicdlab-lock/1\nstages:\n  validate:\n"
            ))
        let gate = try #require(
            try LockFile.read(path: sandbox.root + "/pipeline.lock", displayName: "pipeline.lock").stages["gate"])
        #expect(gate.inputs.keys.sorted() == ["champion", "upstream evaluate"])
        #expect(gate.deps.map(\.path) == ["gates.yaml", "data/test.csv", "models/candidate.json"])
    }

    @Test func eachStageLeavesItsResultAsJSONForPeopleCIAndDVC() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        let report = try sandbox.run()
        let text = try #require(sandbox.read(".lab/results/evaluate.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["stage"] as? String == "evaluate")
        #expect(object["kind"] as? String == "evaluate")
        #expect(object["run"] as? Int == 1)
        #expect(object["summary"] as? String == "evaluate done")
        let accuracy = try #require(report.stage("evaluate")?.metrics["accuracy"])
        // Foundation's JSON parser may round the last digit differently from the writer.
        #expect(abs(((object["metrics"] as? [String: Double])?["accuracy"] ?? 0) - accuracy) < 1e-12)
        #expect((object["result"] as? [String: Any])?["digest"] is String)
        try sandbox.run()
        #expect(sandbox.read(".lab/results/evaluate.json") == text, "a cached stage writes the same result")
    }

    @Test func eachStageLeavesItsHeadlineMetricsInASmallFileForDVC() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        let report = try sandbox.run()
        let accuracy = try #require(report.stage("evaluate")?.metrics["accuracy"])
        let text = try #require(sandbox.read(".lab/metrics/evaluate.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Double])
        #expect(object.keys.sorted() == ["accuracy"], "the metrics the run records, nothing else")
        #expect(abs((object["accuracy"] ?? 0) - accuracy) < 1e-12)
        #expect(sandbox.read(".lab/metrics/validate.json") == "{}\n", "a stage without metrics has an empty file")
        try sandbox.run()
        #expect(sandbox.read(".lab/metrics/evaluate.json") == text, "a cached stage writes the same metrics")
    }

    @Test func aDamagedLockFileIsRefusedWithItsLocation() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.write("pipeline.lock", "schema: dvc-lock/2\nstages: {}\n")
        #expect(
            throws: LabError(
                "lock.unreadable",
                "this lock file is not in the cicdlab-lock/1 format; delete the lock file to rebuild it from the run cache",
                file: "pipeline.lock", line: 1, column: 9)
        ) {
            try sandbox.run()
        }
    }

    @Test func eachStageAndRunIsPricedAndTheCacheSavingIsTheCostOfTheRunItReplaces() throws {
        let sandbox = try PipelineSandbox(
            pipeline: PipelineSandbox.pipeline.replacingOccurrences(
                of: "params: [baseline.k]", with: "params: [baseline.k]\n    resources: {gpu: true}"))
        defer { sandbox.cleanUp() }
        let first = try sandbox.run()
        // validate: 0.1 + 1,000 / 20,000; train: 0.1 + 400,000 / 200,000; baseline on GPU: 0.1 CPU and
        // 2 / 10 GPU; evaluate: 0.1 + 10,000 / 50,000; gate: 0.1 + 50,000 / 50,000 (minutes).
        let expected: [(String, Double, Double, Double)] = [
            ("validate", 0.15, 0, 0.0075), ("train", 2.1, 0, 0.105), ("baseline", 0.1, 0.2, 0.305),
            ("evaluate", 0.3, 0, 0.015), ("gate", 1.1, 0, 0.055),
        ]
        for (name, cpu, gpu, dollars) in expected {
            let stage = try #require(first.stage(name))
            #expect(abs(stage.cpuMinutes - cpu) < 1e-12, "\(name) CPU minutes \(stage.cpuMinutes), expected \(cpu)")
            #expect(abs(stage.gpuMinutes - gpu) < 1e-12, "\(name) GPU minutes \(stage.gpuMinutes), expected \(gpu)")
            #expect(abs(stage.cost - dollars) < 1e-12, "\(name) cost \(stage.cost), expected \(dollars)")
            #expect(stage.savedCost == 0)
        }
        #expect(abs(first.cost - 0.4875) < 1e-12)
        #expect(abs(first.cpuMinutes - 3.75) < 1e-12)
        #expect(abs(first.gpuMinutes - 0.2) < 1e-12)

        try sandbox.write("data/test.csv", "tenure,churned\n2,1\n8,0\n4,1\n")
        let second = try sandbox.run()
        #expect(abs(second.cost - 0.07) < 1e-12)
        #expect(abs(second.savedCost - 0.4175) < 1e-12)
        #expect(abs((second.stage("baseline")?.savedCost ?? 0) - 0.305) < 1e-12)

        let runs = try PipelineHistory(state: sandbox.workspace.state).runs()
        #expect(runs.map(\.id) == [1, 2])
        #expect(abs(runs[1].cost - 0.07) < 1e-12 && abs(runs[1].savedCost - 0.4175) < 1e-12)
        #expect(runs[1].stageCounts == ["cached": 3, "ran": 2])
    }

    @Test func diffNamesTheDependencyFilesWhoseContentChanged() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        func hash(_ path: String) throws -> String { try ContentHash.hex(fileAt: sandbox.root + "/" + path) }
        try sandbox.run()
        let data = try hash("data/train.csv")
        let model = try hash("models/candidate.json")
        try sandbox.write("data/train.csv", "tenure,churned\n1,1\n5,0\n9,0\n12,0\n")
        try sandbox.run()
        let history = PipelineHistory(state: sandbox.workspace.state)
        let runs = try history.runs()
        #expect(runs[0].params == runs[1].params)

        let diff = try history.diff(runs[0], runs[1])
        var expected = [
            DependencyChange(
                path: "data/train.csv", old: data, new: try hash("data/train.csv"),
                stages: ["baseline", "train", "validate"])
        ]
        if try hash("models/candidate.json") != model {
            expected.append(
                DependencyChange(
                    path: "models/candidate.json", old: model, new: try hash("models/candidate.json"),
                    stages: ["evaluate", "gate"]))
        }
        #expect(diff.deps == expected.sorted { $0.path < $1.path })
        #expect(data != expected[0].new)

        let all = try history.diff(runs[0], runs[1], all: true).deps
        #expect(
            all.map(\.path) == [
                "data/test.csv", "data/train.csv", "gates.yaml", "models/candidate.json", "suites/train.yaml",
            ])
        #expect(
            all.first
                == DependencyChange(
                    path: "data/test.csv", old: try hash("data/test.csv"), new: try hash("data/test.csv"),
                    stages: ["evaluate", "gate"]))
    }

    @Test func runsKeepMetricsAndParamsAndDiffShowsWhatChanged() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        let first = try sandbox.run()
        let model = try ContentHash.hex(fileAt: sandbox.root + "/models/candidate.json")
        try sandbox.write("params.yaml", "train:\n  C: 0.5\n  seed: 7\nbaseline:\n  k: 5\n")
        let second = try sandbox.run()
        let history = PipelineHistory(state: sandbox.workspace.state)
        let runs = try history.runs()
        #expect(runs.map(\.status.rawValue) == ["passed", "passed"])
        #expect(runs[0].params == ["train.C": "1.0", "train.seed": "7", "baseline.k": "5"])
        #expect(runs[1].metrics["evaluate.accuracy"] == second.stage("evaluate")?.metrics["accuracy"])

        let diff = try history.diff(runs[0], runs[1])
        // Only a param changed, so the only changed file is the model retrained from it.
        #expect(
            diff.deps == [
                DependencyChange(
                    path: "models/candidate.json", old: model,
                    new: try ContentHash.hex(fileAt: sandbox.root + "/models/candidate.json"),
                    stages: ["evaluate", "gate"])
            ])
        #expect(diff.depsUnrecorded == [])
        #expect(diff.params == [RunDiffEntry(name: "train.C", old: "1.0", new: "0.5", delta: nil)])
        let old = try #require(first.stage("evaluate")?.metrics["accuracy"])
        let new = try #require(second.stage("evaluate")?.metrics["accuracy"])
        #expect(
            diff.metrics
                == (old == new
                    ? []
                    : [
                        RunDiffEntry(
                            name: "evaluate.accuracy", old: String(format: "%.4f", old),
                            new: String(format: "%.4f", new), delta: new - old)
                    ]))
        #expect(try history.diff(runs[0], runs[1], all: true).params.count == 3)

        #expect(try history.runID("latest", among: runs) == 2)
        #expect(try history.runID("latest~1", among: runs) == 1)
        #expect(try history.runID("#1", among: runs) == 1)
        #expect(
            throws: LabError(
                "pipeline.unknown_run", "no pipeline run '9'; the runs are #1 to #2 (or `latest`, `latest~1`)")
        ) {
            try history.runID("9", among: runs)
        }
        #expect(throws: LabError("pipeline.no_runs", "there are no pipeline runs yet; `pipeline run` makes one")) {
            try history.runID("latest", among: [])
        }
    }

    @Test func statusSaysWhichStagesAreStaleAndWhy() throws {
        let sandbox = try PipelineSandbox(
            pipeline: PipelineSandbox.pipeline + "\n  deploy:\n    kind: deploy\n    needs: [gate]\n")
        defer { sandbox.cleanUp() }
        func status() throws -> [String] {
            let runner = PipelineRunner(
                workspace: sandbox.workspace, pipeline: try sandbox.load(),
                executors: TestExecutors.all(sandbox.log))
            return try runner.status().map { "\($0.name) \($0.state.rawValue): \($0.reasons.joined(separator: "; "))" }
        }
        #expect(try status().first == "validate stale: no successful run yet (not in the lock file)")
        try sandbox.run()
        #expect(
            try status() == [
                "validate up_to_date: unchanged since run #1", "train up_to_date: unchanged since run #1",
                "baseline up_to_date: unchanged since run #1", "evaluate up_to_date: unchanged since run #1",
                "gate up_to_date: unchanged since run #1",
                "deploy not_runnable: no executor for deploy stages",
            ])
        try sandbox.write("params.yaml", "train:\n  C: 0.5\n  seed: 7\nbaseline:\n  k: 5\n")
        try sandbox.remove("models/baseline.json")
        #expect(
            try status().prefix(5) == [
                "validate up_to_date: unchanged since run #1",
                "train stale: params changed: train.C 1.0 → 0.5",
                "baseline missing_outputs: outputs missing or changed, to be restored from the artifact store: models/baseline.json",
                "evaluate stale: upstream stage 'train' will rerun",
                "gate stale: upstream stage 'evaluate' will rerun",
            ])
        #expect(sandbox.log.take() == ["validate", "train", "baseline", "evaluate", "gate"])
    }
}
