import Foundation
import LabSupport
import Testing

/// `pipeline run FILE --stage NAME --only` through the built binary: a folder holding only the
/// sources and the files earlier stages' CI jobs uploaded runs the later stages one at a time,
/// and deploys the model trained elsewhere.
@Suite struct RunAloneEndToEndTests {
    /// The sandbox's own source files, as a repository holds them (no `.lab`: a run makes it).
    static let sources = ["pipeline.yaml", "params.yaml", "gates.yaml", "data", "suites"]

    /// A temporary lab home and its sandbox, made from the repository's `Sandbox/`.
    struct Lab {
        let home: String
        let workspace: String

        init() throws {
            home = try Binary.temporaryHome()
            workspace = try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: home).stdout
                .trimmingCharacters(in: .newlines)
        }

        /// Runs `cicdlab ARGS` in `folder`.
        func run(_ arguments: [String], in folder: String) throws -> Binary.Result {
            try Binary.run(["--content", Binary.repository] + arguments, home: home, directory: folder)
        }

        /// A new folder under the home holding the sandbox's sources and `files` copied from it.
        func checkout(_ name: String, with files: [String] = []) throws -> String {
            let folder = home + "/" + name
            for file in RunAloneEndToEndTests.sources + files {
                try FileManager.default.createDirectory(
                    atPath: ((folder + "/" + file) as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: workspace + "/" + file, toPath: folder + "/" + file)
            }
            return folder
        }

        func remove() { try? FileManager.default.removeItem(atPath: home) }
    }

    /// `pipeline run --json` parsed into `name:status` per stage, and the stages' reports.
    static func stages(_ result: Binary.Result) throws -> (statuses: [String], reports: [[String: Any]]) {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let reports = json["stages"] as? [[String: Any]] ?? []
        return (reports.map { "\($0["name"] ?? ""):\($0["status"] ?? "")" }, reports)
    }

    /// The `metrics` of a result file, without the measured latency.
    static func metrics(_ folder: String, _ stage: String) throws -> [String: Double] {
        let data = try #require(FileManager.default.contents(atPath: folder + "/.lab/results/\(stage).json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (json["metrics"] as? [String: Double] ?? [:]).filter { $0.key != "latency_p95_ms" }
    }

    @Test func aFolderWithOnlyDownloadedFilesRunsTheLaterStagesOneByOneAndDeploysTheModelTrainedElsewhere()
        throws
    {
        let lab = try Lab()
        defer { lab.remove() }
        let trained = try lab.run(
            ["pipeline", "run", "pipeline.yaml", "--stage", "evaluate", "--json"], in: lab.workspace)
        #expect(
            try Self.stages(trained).statuses == ["validate:ran", "train:ran", "evaluate:ran"], "\(trained.stderr)")
        let uploaded = [".lab/results/validate.json", ".lab/results/train.json", "models/candidate.json"]
        let job = try lab.checkout("job", with: uploaded)
        for stage in ["evaluate", "gate", "deploy"] {
            let result = try lab.run(
                ["pipeline", "run", "pipeline.yaml", "--stage", stage, "--only", "--json"], in: job)
            #expect(result.status == 0, "\(stage): \(result.stderr)")
            #expect(try Self.stages(result).statuses == ["\(stage):ran"], "only \(stage) runs")
        }
        #expect(try Self.metrics(job, "evaluate") == (try Self.metrics(lab.workspace, "evaluate")), "the same model")
        let deploy = try #require(FileManager.default.contents(atPath: job + "/.lab/results/deploy.json"))
        #expect(String(decoding: deploy, as: UTF8.self).contains("v1 is the champion now"))
        let model = try #require(FileManager.default.contents(atPath: lab.workspace + "/models/candidate.json"))
        let hash = ContentHash.hex(model)
        #expect(
            FileManager.default.fileExists(atPath: job + "/.lab/artifacts/\(hash.prefix(2))/\(hash.dropFirst(2))"),
            "the registry of the job holds the model trained in the lab's workspace")
    }

    @Test func aStageWhoseUpstreamResultIsMissingIsRefusedWithTheRemedy() throws {
        let lab = try Lab()
        defer { lab.remove() }
        let job = try lab.checkout("job")
        let result = try lab.run(["pipeline", "run", "pipeline.yaml", "--stage", "evaluate", "--only"], in: job)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            result.stderr
                == "note: no .lab folder above pipeline.yaml; keeping this folder's pipeline state in \(job)/.lab\n"
                + "error: stage 'evaluate' needs the result of stage 'train' (.lab/results/train.json), which is not here: "
                + "run `cicdlab pipeline run pipeline.yaml --stage train` in this folder first, or download the files "
                + "its CI job uploaded\n")
        let json = try lab.run(
            ["pipeline", "run", "pipeline.yaml", "--stage", "evaluate", "--only", "--json"], in: job)
        #expect(json.stdout.contains("\"code\" : \"pipeline.missing_upstream\""))
        #expect(!FileManager.default.fileExists(atPath: job + "/pipeline.lock"), "nothing ran")
    }

    @Test func onlyWithoutAStageIsRefused() throws {
        let lab = try Lab()
        defer { lab.remove() }
        let result = try lab.run(["pipeline", "run", "--only"], in: lab.workspace)
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: --only runs one stage on its own, reading the results of the stages it needs; name it with --stage NAME\n"
        )
    }
}
