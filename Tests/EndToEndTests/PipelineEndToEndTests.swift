import Foundation
import Testing

/// `pipeline run|status|dag|runs|diff|export` through the built binary on a small workspace.
@Suite struct PipelineEndToEndTests {
    static let pipeline = """
        stages:
          validate:
            kind: validate
            data: data/train.csv
            suite: suites/train.yaml
          train:
            kind: train
            needs: [validate]
            data: data/train.csv
            target: churned
            params: [train.C, train.seed]
            outs: [models/candidate.json]
          evaluate:
            kind: evaluate
            needs: [train]
            data: data/test.csv
          gate:
            kind: gate
            needs: [evaluate]
            gates: gates.yaml
        """

    static func rows(_ range: Range<Int>) -> String {
        "tenure,plan,churned\n"
            + range.map { i in
                let tenure = (i * 7) % 60
                return "\(tenure),\(["basic", "premium"][i % 2]),\((tenure < 20) != (i % 9 == 0) ? 1 : 0)"
            }.joined(separator: "\n") + "\n"
    }

    /// A lab home whose workspace holds the pipeline, its data and configuration.
    struct Lab {
        let home: String
        let workspace: String

        init() throws {
            home = try Binary.temporaryHome()
            workspace = try Binary.run(["--content", Binary.fixtureContent, "sandbox", "path"], home: home).stdout
                .trimmingCharacters(in: .newlines)
            let files = [
                "pipeline.yaml": PipelineEndToEndTests.pipeline,
                "params.yaml": "train:\n  C: 1.0\n  seed: 7\n",
                "data/train.csv": PipelineEndToEndTests.rows(0..<80),
                "data/test.csv": PipelineEndToEndTests.rows(80..<120),
                "suites/train.yaml": "expectations:\n  - expect: in_set\n    column: churned\n    values: [0, 1]\n",
                "gates.yaml":
                    "gates:\n  - name: accuracy-floor\n    type: threshold\n    metric: accuracy\n    min: 0.5\n",
            ]
            for (path, text) in files { try write(path, text) }
        }

        func write(_ path: String, _ text: String) throws {
            try FileManager.default.createDirectory(
                atPath: ((workspace + "/" + path) as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try text.write(toFile: workspace + "/" + path, atomically: true, encoding: .utf8)
        }

        func run(_ arguments: [String]) throws -> Binary.Result {
            try Binary.run(["--content", Binary.fixtureContent] + arguments, home: home)
        }

        /// `pipeline run --json` parsed: each stage as `name:status`, and the whole object.
        func pipelineRun(_ extra: [String] = []) throws -> (status: Int32, stages: [String], json: [String: Any]) {
            let result = try run(["pipeline", "run", "--json"] + extra)
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
            let stages = (json["stages"] as? [[String: Any]] ?? []).map { "\($0["name"] ?? ""):\($0["status"] ?? "")" }
            return (result.status, stages, json)
        }

        func remove() { try? FileManager.default.removeItem(atPath: home) }
    }

    @Test func runCachesExplainsAndFailsOnARequiredGate() throws {
        let lab = try Lab()
        defer { lab.remove() }
        let first = try lab.pipelineRun()
        #expect(first.status == 0)
        #expect(first.stages == ["validate:ran", "train:ran", "evaluate:ran", "gate:ran"])
        #expect(first.json["run_id"] as? Int == 1)
        #expect(first.json["status"] as? String == "passed")
        let gates = first.json["gates"] as? [[String: Any]] ?? []
        #expect(gates.map { $0["name"] as? String } == ["accuracy-floor"])
        #expect(gates.first?["status"] as? String == "passed")
        #expect(FileManager.default.fileExists(atPath: lab.workspace + "/pipeline.lock"))

        let second = try lab.pipelineRun()
        #expect(second.stages == ["validate:cached", "train:cached", "evaluate:cached", "gate:cached"])

        try lab.write("params.yaml", "train:\n  C: 0.05\n  seed: 7\n")
        let text = try lab.run(["pipeline", "run"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("  ↺ validate  cached "))
        #expect(text.stdout.contains("params changed: train.C 1.0 → 0.05"))
        #expect(text.stdout.contains("Run #3 passed · 3 ran, 1 cached · "))

        try lab.write(
            "gates.yaml", "gates:\n  - name: accuracy-floor\n    type: threshold\n    metric: accuracy\n    min: 0.99\n"
        )
        let failed = try lab.pipelineRun()
        #expect(failed.status == 1)
        #expect(failed.stages == ["validate:cached", "train:cached", "evaluate:cached", "gate:failed"])
        #expect(failed.json["status"] as? String == "failed")

        let runs = try lab.run(["pipeline", "runs"])
        #expect(runs.status == 0)
        #expect(runs.stdout.contains("evaluate.accuracy over 4 runs: "))
        let diff = try lab.run(["pipeline", "diff", "1", "3", "--json"])
        let params =
            (try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])?["params"]
            as? [[String: Any]]
        #expect(params?.first?["name"] as? String == "train.C")
        #expect(params?.first?["old"] as? String == "1.0")
        #expect(params?.first?["new"] as? String == "0.05")
    }

    @Test func aRepeatedRunWithNothingToDoIsNotRecordedAgain() throws {
        let lab = try Lab()
        defer { lab.remove() }
        #expect(try lab.pipelineRun().json["run_id"] as? Int == 1)
        let second = try lab.pipelineRun()
        #expect(second.json["run_id"] as? Int == 2)
        #expect(second.json["recorded"] as? Bool == true)
        // Nothing ran in run #2 and nothing would now: the rerun is reported as run #2.
        let third = try lab.pipelineRun()
        #expect(third.status == 0)
        #expect(third.stages == ["validate:cached", "train:cached", "evaluate:cached", "gate:cached"])
        #expect(third.json["run_id"] as? Int == 2)
        #expect(third.json["recorded"] as? Bool == false)
        let text = try lab.run(["pipeline", "run"])
        #expect(text.stdout.contains("Run #2 passed · 4 cached · "))
        #expect(text.stdout.contains("Nothing changed since run #2: this rerun is not recorded again."))
        let runs = try lab.run(["pipeline", "runs", "--json"])
        let listed = try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [Any]
        #expect(listed?.count == 2)
        let status = try lab.run(["pipeline", "status"])
        #expect(status.stdout.contains("validate  validate  up to date"))
        // A change is recorded as the next run, and so is the first rerun after it.
        try lab.write("params.yaml", "train:\n  C: 0.05\n  seed: 7\n")
        #expect(try lab.pipelineRun().json["run_id"] as? Int == 3)
        #expect(try lab.pipelineRun().json["run_id"] as? Int == 4)
        #expect(try lab.pipelineRun().json["recorded"] as? Bool == false)
    }

    @Test func statusDagAndExportDescribeThePipelineWithoutRunningIt() throws {
        let lab = try Lab()
        defer { lab.remove() }
        let status = try lab.run(["pipeline", "status"])
        #expect(status.status == 0)
        #expect(status.stdout.contains("train     train     stale   no successful run yet (not in the lock file)"))
        #expect(try lab.run(["pipeline", "runs"]).stdout == "No pipeline runs yet; `pipeline run` makes one.\n")
        let dag = try lab.run(["pipeline", "dag"])
        #expect(dag.stdout.hasPrefix("┌──────────┐\n│ validate │\n└─────┬────┘\n"))
        let export = try lab.run(["pipeline", "export", "--format", "dvc"])
        #expect(export.status == 0)
        #expect(export.stdout == "Wrote \(lab.workspace)/dvc.yaml\nWrote \(lab.workspace)/params.yaml\n")
        let workflow = try lab.run(["pipeline", "export", "--format", "github-action"])
        #expect(workflow.status == 2)
        #expect(
            workflow.stderr
                == "error: --format is 'github-action'; expected github-actions, gitlab-ci or dvc. Did you mean 'github-actions'?\n"
        )
    }

    @Test func aBrokenPipelineIsRefusedWithItsLocationBeforeAnythingRuns() throws {
        let lab = try Lab()
        defer { lab.remove() }
        try lab.write(
            "pipeline.yaml",
            PipelineEndToEndTests.pipeline.replacingOccurrences(of: "needs: [train]", with: "needs: [trian]"))
        let result = try lab.run(["pipeline", "run"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: pipeline.yaml:15:13: stage 'evaluate' needs 'trian', which is not a stage of this pipeline; did you mean 'train'?\n"
        )
        let json = try lab.run(["pipeline", "run", "--json"])
        #expect(json.stdout.contains("\"code\" : \"pipeline.unknown_stage\""))
        #expect(json.stdout.contains("\"line\" : 15"))
        #expect(try lab.run(["pipeline", "runs"]).stdout == "No pipeline runs yet; `pipeline run` makes one.\n")
    }

    @Test func aPipelineFileOutsideAnyWorkspaceKeepsItsStateInItsOwnFolder() throws {
        let lab = try Lab()
        defer { lab.remove() }
        let outside = lab.home + "/elsewhere"
        for file in ["pipeline.yaml", "params.yaml", "gates.yaml", "data", "suites"] {
            try FileManager.default.createDirectory(
                atPath: ((outside + "/" + file) as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: lab.workspace + "/" + file, toPath: outside + "/" + file)
        }
        let dag = try Binary.run(["pipeline", "dag", "pipeline.yaml", "--json"], home: lab.home, directory: outside)
        #expect(dag.status == 0)
        #expect(dag.stdout.contains("\"name\" : \"evaluate\""))
        let refused = try Binary.run(["pipeline", "status", "pipeline.yaml"], home: lab.home, directory: outside)
        #expect(refused.status == 2)
        #expect(
            refused.stderr
                == "error: 'pipeline.yaml' has no .lab folder above it, so no pipeline has run here yet; "
                + "`cicdlab pipeline run` keeps its state in \(outside)/.lab (`sandbox path` shows your sandbox)\n")
        #expect(!FileManager.default.fileExists(atPath: outside + "/.lab"), "reading creates nothing")
        let run = try Binary.run(
            ["pipeline", "run", "pipeline.yaml", "--stage", "validate", "--json"], home: lab.home, directory: outside)
        #expect(run.status == 0)
        #expect(
            run.stderr
                == "note: no .lab folder above pipeline.yaml; keeping this folder's pipeline state in \(outside)/.lab\n"
        )
        #expect(run.stdout.contains("\"name\" : \"validate\""))
        #expect(FileManager.default.fileExists(atPath: outside + "/.lab/results/validate.json"))
        #expect(FileManager.default.fileExists(atPath: outside + "/pipeline.lock"))
        let again = try Binary.run(["pipeline", "status", "pipeline.yaml"], home: lab.home, directory: outside)
        #expect(again.status == 0)
        #expect(again.stderr == "", "the note is said once, when .lab is made")
        #expect(again.stdout.contains("validate  validate  up to date"))
        #expect(
            ((try? FileManager.default.contentsOfDirectory(atPath: lab.workspace + "/.lab/results")) ?? []).isEmpty,
            "the lab's own sandbox is not touched")
    }
}
