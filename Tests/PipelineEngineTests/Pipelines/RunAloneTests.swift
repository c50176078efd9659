import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// `pipeline run --stage NAME --only`: the stage runs alone on the upstream results and outputs
/// its folder holds (as a CI job downloads them), and refuses, before anything runs, when one is
/// missing, changed or damaged.
@Suite struct RunAloneTests {
    /// The hash `.lab/results/STAGE.json` records for output `path`.
    func recordedHash(_ sandbox: PipelineSandbox, stage: String, out path: String) throws -> String {
        let text = try #require(sandbox.read(".lab/results/\(stage).json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let outs = try #require(object["outs"] as? [[String: Any]])
        return try #require(outs.first { $0["path"] as? String == path }?["sha256"] as? String)
    }

    @Test func onlyTheNamedStageRunsOnTheUpstreamResultsItFinds() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run(stage: "train")
        #expect(sandbox.log.take() == ["validate", "train"])
        let report = try sandbox.runAlone("evaluate")
        #expect(report.statuses == ["evaluate:ran"], "validate and train are neither run nor reported")
        #expect(sandbox.log.take() == ["evaluate"])
        #expect(report.status == .passed)
        let again = try sandbox.runAlone("evaluate")
        #expect(again.statuses == ["evaluate:cached"], "the stage itself still uses the lock file")
        #expect(again.stage("evaluate")?.reason == "unchanged since run #2")
        #expect(sandbox.log.take() == [])
    }

    @Test func theResultFileListsTheStagesOutputsWithTheirHashes() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run(stage: "train")
        let model = try #require(FileManager.default.contents(atPath: sandbox.root + "/models/candidate.json"))
        let text = try #require(sandbox.read(".lab/results/train.json"))
        #expect(
            text.contains(
                "\"outs\":[{\"path\":\"models/candidate.json\",\"sha256\":\"\(ContentHash.hex(model))\",\"size\":\(model.count)}]"
            ))
        #expect(try #require(sandbox.read(".lab/results/validate.json")).contains("\"outs\":[],"))
    }

    @Test func anUpstreamResultReadBackHashesAsTheRunThatMadeIt() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run()
        _ = sandbox.log.take()
        // The gate reads the evaluation's result: a payload read back differently would rerun it.
        let report = try sandbox.runAlone("gate")
        #expect(report.statuses == ["gate:cached"])
        #expect(report.stage("gate")?.reason == "unchanged since run #1")
        #expect(sandbox.log.take() == [])
    }

    @Test func aMissingUpstreamResultIsRefusedNamingTheNearestStageAndTheRemedy() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        #expect(
            throws: LabError(
                "pipeline.missing_upstream",
                "stage 'evaluate' needs the result of stage 'train' (.lab/results/train.json), which is not here: run "
                    + "`cicdlab pipeline run pipeline.yaml --stage train` in this folder first, or download the files "
                    + "its CI job uploaded",
                kind: .failed)
        ) { try sandbox.runAlone("evaluate") }
        #expect(sandbox.log.take() == [])
        #expect(sandbox.read("pipeline.lock") == nil, "nothing ran, nothing was written")
        #expect(try PipelineHistory(state: sandbox.workspace.state).runs().isEmpty)
    }

    @Test func aMissingUpstreamOutputIsRefusedNamingTheStageThatWroteIt() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run(stage: "train")
        try sandbox.remove("models/candidate.json")
        #expect(
            throws: LabError(
                "pipeline.missing_upstream",
                "stage 'evaluate' needs 'models/candidate.json', which stage 'train' wrote (.lab/results/train.json), "
                    + "and it is not here: download it with the other files stage 'train' uploaded, or run "
                    + "`cicdlab pipeline run pipeline.yaml --stage train` in this folder",
                kind: .failed)
        ) { try sandbox.runAlone("evaluate") }
    }

    @Test func aTamperedUpstreamOutputIsRefused() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run(stage: "train")
        let recorded = try recordedHash(sandbox, stage: "train", out: "models/candidate.json")
        try sandbox.write("models/candidate.json", "tampered")
        _ = sandbox.log.take()
        #expect(
            throws: LabError(
                "pipeline.upstream_changed",
                "'models/candidate.json' differs from what stage 'train' wrote (sha256 "
                    + "\(ContentHash.hex("tampered").prefix(12)), .lab/results/train.json says \(recorded.prefix(12))): "
                    + "put back the file stage 'train' uploaded, or run stage 'train' again",
                kind: .failed)
        ) { try sandbox.runAlone("evaluate") }
        #expect(sandbox.log.take() == [])
    }

    @Test(arguments: [
        ("not json", "it is not JSON"),
        ("[]", "it is not a JSON object"),
        ("{\"kind\":\"validate\"}", "it has no 'metrics'"),
        (
            "{\"kind\":\"validate\",\"metrics\":{\"rows\":\"many\"},\"outs\":[],\"run\":1,\"stage\":\"validate\",\"summary\":\"\"}",
            "'metrics.rows' is not a number"
        ),
        (
            "{\"kind\":\"validate\",\"metrics\":{},\"outs\":[{\"path\":\"x\"}],\"run\":1,\"stage\":\"validate\",\"summary\":\"\"}",
            "it has no 'outs[0].sha256'"
        ),
        (
            "{\"kind\":\"validate\",\"metrics\":{},\"outs\":[],\"run\":1,\"stage\":\"train\",\"summary\":\"\"}",
            "it is the result of stage 'train'"
        ),
        (
            "{\"kind\":\"train\",\"metrics\":{},\"outs\":[],\"run\":1,\"stage\":\"validate\",\"summary\":\"\"}",
            "it is the result of a train stage, and 'validate' is a validate stage"
        ),
    ])
    func aDamagedResultFileIsRefusedNamingItAndWhatWasExpected(text: String, problem: String) throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run(stage: "train")
        try sandbox.write(".lab/results/validate.json", text)
        #expect(
            throws: LabError(
                "pipeline.bad_result",
                "not a stage result as `pipeline run` writes it: \(problem); expected a JSON object with kind, "
                    + "metrics, outs, run, stage and summary (run stage 'validate' again, or download its CI job's "
                    + "files again)",
                file: ".lab/results/validate.json", kind: .failed)
        ) { try sandbox.runAlone("evaluate") }
    }

    @Test func aStageWithNoUpstreamRunsAloneLikeAnyRun() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        #expect(try sandbox.runAlone("validate").statuses == ["validate:ran"])
        #expect(throws: LabError.self) { try sandbox.runAlone("nope") }
    }

    @Test func theRawMemberOfAJSONObjectIsFoundByteForByte() {
        let text = #"{"a":"x\"}","result": {"k":[1,{"s":"]}"}]} ,"z":2}"#
        #expect(JSONMember.raw("result", in: Data(text.utf8)) == Data(#"{"k":[1,{"s":"]}"}]}"#.utf8))
        #expect(JSONMember.raw("z", in: Data(text.utf8)) == Data("2".utf8))
        #expect(JSONMember.raw("missing", in: Data(text.utf8)) == nil)
    }
}
