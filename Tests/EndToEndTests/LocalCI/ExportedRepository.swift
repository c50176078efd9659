import Foundation
import Testing

/// A git repository holding the sandbox's sources and one export of its pipeline, no `.lab`:
/// what a team commits, for the local CI runners to play.
struct ExportedRepository {
    let root: String
    let repo: String
    let labHome: String
    let pipeline: String

    /// `edit` changes the pipeline's text (a trailing closure is `edit`); `prepare` may change
    /// the sandbox's files (given its folder) before they are copied and exported.
    init(
        format: String, pipeline: String = "pipeline.yaml", edit: (String) -> String = { $0 },
        prepare: (String) throws -> Void = { _ in }
    ) throws {
        self.pipeline = pipeline
        root = try Binary.temporaryHome()
        repo = root + "/repo"
        labHome = root + "/lab-home"
        for folder in [repo, labHome] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let sandbox = try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: labHome).stdout
            .trimmingCharacters(in: .newlines)
        try prepare(sandbox)
        for file in ["params.yaml", "gates.yaml", "data", "suites"] {
            try FileManager.default.copyItem(atPath: sandbox + "/" + file, toPath: repo + "/" + file)
        }
        let text = edit(try String(contentsOfFile: sandbox + "/pipeline.yaml", encoding: .utf8))
        try text.write(toFile: sandbox + "/pipeline.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: sandbox + "/pipeline.yaml", toPath: repo + "/" + pipeline)
        if pipeline != "pipeline.yaml" {
            try FileManager.default.copyItem(atPath: sandbox + "/pipeline.yaml", toPath: sandbox + "/" + pipeline)
        }
        let export = try Binary.run(
            [
                "--content", Binary.repository, "pipeline", "export", "--format", format, "--out", repo,
                pipeline,
            ],
            home: labHome, directory: sandbox)
        #expect(export.status == 0, "export: \(export.stderr)")
        try git(["init", "-q", "-b", "main"])
        try commit("The exported project")
    }

    var workflow: String { repo + "/.github/workflows/cicdlab.yml" }

    func git(_ arguments: [String]) throws {
        let result = try Binary.run(
            arguments,
            environment: [
                "GIT_AUTHOR_NAME": "Lab Test", "GIT_AUTHOR_EMAIL": "lab@example.com",
                "GIT_COMMITTER_NAME": "Lab Test", "GIT_COMMITTER_EMAIL": "lab@example.com",
                "GIT_CONFIG_NOSYSTEM": "1",
            ], directory: repo, executable: "/usr/bin/git")
        #expect(result.status == 0, "git \(arguments): \(result.stderr)")
    }

    func commit(_ message: String) throws {
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", message])
    }

    var githubRunner: LocalGitHubRunner {
        LocalGitHubRunner(
            repository: repo, binaryFolder: (Binary.path as NSString).deletingLastPathComponent,
            store: root + "/runner", variables: ["CICDLAB_REPOSITORY": "https://example.invalid/cicdlab.git"])
    }

    /// Sets `train.C` in params.yaml and commits it.
    func setC(_ value: String) throws {
        let path = repo + "/params.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let line = text.split(separator: "\n").first { $0.hasPrefix("  C: ") } ?? ""
        try text.replacingOccurrences(of: line + "\n", with: "  C: \(value)\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        try commit("train.C \(value)")
    }

    var gitlabRunner: LocalGitLabRunner {
        LocalGitLabRunner(
            repository: repo, binaryFolder: (Binary.path as NSString).deletingLastPathComponent,
            store: root + "/runner", variables: ["CICDLAB_REPOSITORY": "https://example.invalid/cicdlab.git"])
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
