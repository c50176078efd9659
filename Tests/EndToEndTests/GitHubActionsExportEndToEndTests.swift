import Foundation
import Testing

/// The GitHub Actions export checked by GitHub's schema and actionlint, and played job by job
/// on this machine by ``LocalGitHubRunner``: every job green, each stage's work in one job, and
/// the lab state carried from one run to the next.
@Suite struct GitHubActionsExportEndToEndTests {
    static let stages = ["validate", "train", "evaluate", "gate", "deploy"]

    /// A git repository holding the sandbox's sources and the exported workflow, no `.lab`.
    struct Repository {
        let root: String
        let repo: String
        let labHome: String
        let pipeline: String

        init(pipeline: String = "pipeline.yaml") throws {
            self.pipeline = pipeline
            root = try Binary.temporaryHome()
            repo = root + "/repo"
            labHome = root + "/lab-home"
            for folder in [repo, labHome] {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            let sandbox = try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: labHome).stdout
                .trimmingCharacters(in: .newlines)
            for file in ["params.yaml", "gates.yaml", "data", "suites"] {
                try FileManager.default.copyItem(atPath: sandbox + "/" + file, toPath: repo + "/" + file)
            }
            try FileManager.default.copyItem(atPath: sandbox + "/pipeline.yaml", toPath: repo + "/" + pipeline)
            if pipeline != "pipeline.yaml" {
                try FileManager.default.copyItem(atPath: sandbox + "/pipeline.yaml", toPath: sandbox + "/" + pipeline)
            }
            let export = try Binary.run(
                [
                    "--content", Binary.repository, "pipeline", "export", "--format", "github-actions", "--out", repo,
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

        var runner: LocalGitHubRunner {
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

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    /// Each stage's report lines in a job's log: `✓ NAME  ran`, `↺ NAME  cached`, and so on.
    static func stageLines(_ log: String) -> [(stage: String, status: String)] {
        log.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard words.count >= 3, ["✓", "✗", "↺", "–", "-", "○"].contains(String(words[0])),
                ["ran", "cached", "skipped", "failed"].contains(String(words[2]))
            else { return nil }
            return (String(words[1]), String(words[2]))
        }
    }

    static func expectEveryJobGreen(_ run: LocalGitHubRunner.Run, sourceLocation: SourceLocation = #_sourceLocation) {
        for job in run.jobs {
            #expect(
                job.status == .success, "job \(job.name) \(job.status):\n\(job.log)", sourceLocation: sourceLocation)
        }
    }

    @Test(
        .enabled(
            if: ExternalTool.usable("actionlint", "check-jsonschema"),
            ExternalTool.skipNote("actionlint", "check-jsonschema")))
    func theWorkflowPassesActionlintAndGitHubsSchema() throws {
        let repository = try Repository()
        defer { repository.remove() }
        let lint = try Binary.run(
            ["-no-color", ".github/workflows/cicdlab.yml"], directory: repository.repo,
            executable: try ExternalTool.require("actionlint"))
        #expect(lint.status == 0 && lint.stdout.isEmpty, "actionlint: \(lint.stdout)\(lint.stderr)")
        let schema = try Binary.run(
            ["--builtin-schema", "vendor.github-workflows", repository.workflow],
            executable: try ExternalTool.require("check-jsonschema"))
        #expect(schema.status == 0, "check-jsonschema: \(schema.stdout)\(schema.stderr)")
    }

    @Test func theWorkflowIsPinnedLeastPrivilegedAndCancelsStaleRuns() throws {
        let repository = try Repository()
        defer { repository.remove() }
        let text = try String(contentsOfFile: repository.workflow, encoding: .utf8)
        let uses = text.split(separator: "\n").filter { $0.contains("uses: ") }
        #expect(!uses.isEmpty)
        for line in uses {
            #expect(
                line.wholeMatch(of: /\s*(- )?uses: actions\/[a-z-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+/) != nil, "\(line)")
        }
        #expect(text.contains("permissions:\n  contents: read\n  actions: read\n"))
        #expect(
            text.contains(
                "concurrency:\n  group: cicdlab-${{ github.workflow }}-${{ github.ref }}\n  cancel-in-progress: true\n")
        )
        #expect(
            text.contains(
                "  deploy:\n    name: deploy (deploy)\n    needs: [cicdlab, gate]\n    runs-on: ubuntu-latest\n    environment: production\n"
            ))
        #expect(!text.contains("hashFiles"), "no cache is keyed on the pipeline's files any more")
        #expect(text.contains("cicdlab pipeline run pipeline.yaml --stage train --only\n"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git")))
    func playedLocallyEveryJobIsGreenAndEachStageRunsInOneJobOnly() throws {
        let repository = try Repository()
        defer { repository.remove() }
        let first = try repository.runner.play()
        Self.expectEveryJobGreen(first)
        #expect(first.jobs.map(\.name) == ["cicdlab"] + Self.stages)
        for stage in Self.stages {
            let lines = Self.stageLines(first.job(stage)?.log ?? "")
            #expect(lines.map(\.stage) == [stage], "job \(stage) reports only its own stage: \(lines)")
            #expect(lines.map(\.status) == ["ran"], "job \(stage): \(lines)")
        }
        #expect(
            first.job("validate")?.log.contains("No earlier successful run on main: the registry starts empty.") == true
        )
        #expect(first.job("deploy")?.log.contains("uploaded") == true)

        // A second run with a much weaker model: its gate job judges it against the champion
        // the first run deployed, which only the lab state kept by that run can tell it.
        try repository.setC("0.001")
        let second = try repository.runner.play()
        #expect(second.job("gate")?.status == .failure)
        #expect(second.job("gate")?.log.contains("required gate 'no_regression' failed") == true)
        #expect(second.job("gate")?.log.contains("(champion v1 ") == true, "\(second.job("gate")?.log ?? "")")
        #expect(second.job("deploy")?.status == .skipped)

        // A third run with a model as good: green, and the deploy job compares it with the
        // champion of the last successful run, still v1 (a failed run keeps no state).
        try repository.setC("0.5")
        let third = try repository.runner.play()
        Self.expectEveryJobGreen(third)
        let deploy = third.job("deploy")?.log ?? ""
        #expect(deploy.contains("champion v1"), "the deploy job compares with run 1's champion:\n\(deploy)")
        #expect(Self.stageLines(third.job("train")?.log ?? "").map(\.status) == ["ran"])
    }

    @Test(
        .enabled(
            if: ExternalTool.usable("actionlint", "check-jsonschema"),
            ExternalTool.skipNote("actionlint", "check-jsonschema")))
    func aFileNameWithQuotesAndCommandSubstitutionIsOneWordEverywhere() throws {
        let name = "p 'x' $(touch pwned).yaml"
        let repository = try Repository(pipeline: name)
        defer { repository.remove() }
        let text = try String(contentsOfFile: repository.workflow, encoding: .utf8)
        #expect(
            text.contains("cicdlab pipeline run 'p '\\''x'\\'' $(touch pwned).yaml' --stage train --only\n"), "\(text)")
        let lint = try Binary.run(
            ["-no-color", ".github/workflows/cicdlab.yml"], directory: repository.repo,
            executable: try ExternalTool.require("actionlint"))
        #expect(lint.status == 0 && lint.stdout.isEmpty, "actionlint: \(lint.stdout)\(lint.stderr)")
        let schema = try Binary.run(
            ["--builtin-schema", "vendor.github-workflows", repository.workflow],
            executable: try ExternalTool.require("check-jsonschema"))
        #expect(schema.status == 0, "check-jsonschema: \(schema.stdout)\(schema.stderr)")
        let run = try repository.runner.play()
        Self.expectEveryJobGreen(run)
        let store = repository.root + "/runner"
        let pwned = (FileManager.default.subpaths(atPath: store) ?? []).filter { $0.hasSuffix("pwned") }
        #expect(pwned.isEmpty, "the substitution ran: \(pwned)")
    }
}
