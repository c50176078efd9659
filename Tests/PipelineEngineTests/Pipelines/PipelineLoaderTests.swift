import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// Loading checks everything before anything runs, and says where and what to fix.
@Suite struct PipelineLoaderTests {
    /// Each bad pipeline and the exact error `file:line:column: message` it gets.
    @Test(arguments: [
        (
            "stages:\n  train:\n    kind: train\n    data: [data/train.csv\n",
            "pipeline.yaml:5:1: this is not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 4, column 11)"
        ),
        (
            "stages:\n  train:\n    kind: trian\n",
            "pipeline.yaml:3:11: the kind of stage 'train' is \"trian\"; expected validate, train, evaluate, gate, deploy, monitor, leakage or test (did you mean \"train\"?)"
        ),
        (
            "stages:\n  validate:\n    kind: validate\n    data: data/train.csv\n    suite: suites/train.yaml\n    dpes: [params.yaml]\n",
            "pipeline.yaml:6:5: unknown key \"dpes\" in stage 'validate' (a validate stage); did you mean \"deps\"?"
        ),
        (
            "stage:\n  validate:\n    kind: validate\n",
            "pipeline.yaml:1:1: unknown key \"stage\" in the pipeline; did you mean \"stages\"?"
        ),
        (
            "stages:\n  train:\n    kind: train\n    data: data/train.csv\n    outs: [models/m.json]\n",
            "pipeline.yaml:2:3: stage 'train' (a train stage) needs `target`"
        ),
        (
            "stages:\n  train:\n    kind: train\n    data: data/train.csv\n    target: churned\n",
            "pipeline.yaml:2:3: stage 'train' (a train stage) needs `outs` naming the model file it writes"
        ),
        (
            "stages:\n  validate:\n    kind: validate\n    data: data/train.csv\n    suite: suites/train.yaml\n    needs: [trian]\n",
            "pipeline.yaml:6:13: stage 'validate' needs 'trian', which is not a stage of this pipeline (its stages: validate)"
        ),
        (
            "stages:\n  a:\n    kind: validate\n    data: data/train.csv\n    suite: suites/train.yaml\n    needs: [c]\n"
                + "  b:\n    kind: validate\n    data: data/train.csv\n    suite: suites/train.yaml\n    needs: [a]\n"
                + "  c:\n    kind: validate\n    data: data/train.csv\n    suite: suites/train.yaml\n    needs: [b]\n",
            "pipeline.yaml:6:13: the stages form a cycle: a needs c, c needs b, b needs a; a stage cannot depend on its own results"
        ),
        (
            "stages:\n  validate:\n    kind: validate\n    data: data/churn.csv\n    suite: suites/train.yaml\n",
            "pipeline.yaml:4:11: stage 'validate' reads 'data/churn.csv', which does not exist (and no stage writes it)"
        ),
        (
            "stages:\n  validate:\n    kind: validate\n    data: ../outside.csv\n    suite: suites/train.yaml\n",
            "pipeline.yaml:4:11: '../outside.csv' climbs out with '..'; paths in sandbox files must stay inside the workspace"
        ),
        (
            "stages:\n  train:\n    kind: train\n    data: data/train.csv\n    target: churned\n    params: [train.CC]\n    outs: [m.json]\n",
            "pipeline.yaml:6:14: stage 'train' uses param 'train.CC', which params.yaml does not have; did you mean 'train.C'?"
        ),
        (
            "stages:\n  a:\n    kind: train\n    data: data/train.csv\n    target: churned\n    outs: [m.json]\n"
                + "  b:\n    kind: train\n    data: data/train.csv\n    target: churned\n    outs: [./m.json]\n",
            "pipeline.yaml:11:12: 'm.json' is an output of both 'a' and 'b'; each file must have one producer"
        ),
        (
            "stages:\n  evaluate:\n    kind: evaluate\n    data: data/test.csv\n",
            "pipeline.yaml:2:3: stage 'evaluate' (an evaluate stage) has no model to score: give it `model: FILE` or make it need a train stage"
        ),
        (
            "stages:\n  deploy:\n    kind: deploy\n    strategy: canari\n",
            "pipeline.yaml:4:15: `strategy` of stage 'deploy' is \"canari\"; expected direct, shadow or canary (did you mean \"canary\"?)"
        ),
        (
            "stages:\n  w:\n    kind: monitor\ntriggers:\n  - on: schedule\n    cron: every sunday\n",
            "pipeline.yaml:6:11: `cron` is \"every sunday\"; expected five fields (minute hour day month weekday) such as \"0 2 * * 0\""
        ),
        (
            "stages:\n  w:\n    kind: monitor\ntriggers:\n  - on: drfit\n",
            "pipeline.yaml:5:9: unknown trigger \"drfit\"; expected data_change, drift or schedule (did you mean \"drift\"?)"
        ),
    ])
    func badPipelinesAreRefusedWithTheirLocation(text: String, message: String) throws {
        let sandbox = try PipelineSandbox(pipeline: text)
        defer { sandbox.cleanUp() }
        do {
            _ = try sandbox.load()
            Issue.record("expected the pipeline to be refused with: \(message)")
        } catch let error as LabError {
            #expect(error.description == message)
            #expect(error.kind == .badInput)
        }
    }

    /// A chain of `count` stages, each needing the one before.
    static func chain(_ count: Int) -> String {
        "stages:\n"
            + (0..<count).map { index in
                "  s\(index): {kind: deploy\(index == 0 ? "" : ", needs: [s\(index - 1)]")}\n"
            }.joined()
    }

    @Test func morePipelineStagesThanTheLimitAreRefusedBeforeTheGraphIsBuilt() throws {
        let sandbox = try PipelineSandbox(pipeline: Self.chain(60_000))
        defer { sandbox.cleanUp() }
        #expect(
            throws: LabError(
                "pipeline.too_many_stages",
                "`stages` has 60000 stages; a pipeline may have at most 1000 (split it into several pipeline files)",
                file: "pipeline.yaml", line: 2, column: 3)
        ) {
            _ = try sandbox.load()
        }
    }

    @Test func aChainOfTheMostStagesAllowedLoadsInOrder() throws {
        let sandbox = try PipelineSandbox(pipeline: Self.chain(PipelineLoader.maxStages))
        defer { sandbox.cleanUp() }
        let pipeline = try sandbox.load()
        #expect(pipeline.order == (0..<PipelineLoader.maxStages).map { "s\($0)" })
        #expect(pipeline.stage("s999")?.upstream == ["s998"])
    }

    @Test func aRefusedPipelineRunsNothingAndRecordsNoRun() throws {
        let broken = PipelineSandbox.pipeline.replacingOccurrences(of: "needs: [train]", with: "needs: [gate]")
        let sandbox = try PipelineSandbox(pipeline: broken)
        defer { sandbox.cleanUp() }
        #expect(
            throws: LabError(
                "pipeline.cycle",
                "the stages form a cycle: evaluate needs gate, gate needs evaluate; a stage cannot depend on its own results",
                file: "pipeline.yaml", line: 22, column: 13)
        ) {
            try sandbox.run()
        }
        #expect(sandbox.log.take() == [])
        #expect(try PipelineHistory(state: sandbox.workspace.state).runs().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/pipeline.lock"))
    }

    @Test func aLoadedPipelineKnowsItsOrderDependenciesAndUpstream() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        let pipeline = try sandbox.load()
        #expect(pipeline.order == ["validate", "train", "baseline", "evaluate", "gate"])
        #expect(pipeline.stage("evaluate")?.dependencies == ["data/test.csv", "models/candidate.json"])
        #expect(pipeline.stage("gate")?.dependencies == ["gates.yaml", "data/test.csv", "models/candidate.json"])
        #expect(pipeline.stage("gate")?.upstream == ["evaluate"])
        #expect(pipeline.params.values == ["train.C": "1.0", "train.seed": "7", "baseline.k": "5"])
        #expect(pipeline.lockFile == "pipeline.lock")
        #expect(pipeline.hash == ContentHash.hex(PipelineSandbox.pipeline))
    }

    @Test func aStageReadingAnotherStagesOutputWaitsForItWithoutNeeds() throws {
        let sandbox = try PipelineSandbox(
            pipeline: """
                stages:
                  score:
                    kind: evaluate
                    data: data/test.csv
                    model: models/m.json
                  fit:
                    kind: train
                    data: data/train.csv
                    target: churned
                    outs: [models/m.json]
                """)
        defer { sandbox.cleanUp() }
        let pipeline = try sandbox.load()
        #expect(pipeline.order == ["fit", "score"])
        #expect(pipeline.stage("score")?.upstream == ["fit"])
    }

    @Test func triggersAreRead() throws {
        let sandbox = try PipelineSandbox(
            pipeline: PipelineSandbox.pipeline + """

                triggers:
                  - on: data_change
                    paths: [data/train.csv]
                  - on: schedule
                    cron: "0 2 * * 0"
                  - on: drift
                    method: psi
                    threshold: 0.2
                """)
        defer { sandbox.cleanUp() }
        #expect(
            try sandbox.load().triggers == [
                .dataChange(paths: ["data/train.csv"]), .schedule(cron: "0 2 * * 0"),
                .drift(method: "psi", threshold: 0.2),
            ])
    }

    @Test func paramsAreFlattenedToDottedKeysAsWritten() throws {
        let params = try ParamsFile.parse(
            "train:\n  C: 1.0\n  features: [a, b]\n  nested:\n    depth: 3\nseed: 42\n", file: "params.yaml")
        #expect(
            params.values == ["train.C": "1.0", "train.features": "[a, b]", "train.nested.depth": "3", "seed": "42"])
        #expect(
            throws: LabError(
                "params.yaml_syntax", "this is not valid YAML: mapping values are not allowed in this context",
                file: "params.yaml", line: 1, column: 9)
        ) {
            try ParamsFile.parse("train: C: 1\n", file: "params.yaml")
        }
    }
}
