import Foundation
import Testing

/// The GitHub Actions export checked by GitHub's schema and actionlint, and played job by job
/// on this machine by ``LocalGitHubRunner``: every job green, each stage's work in one job, and
/// the lab state carried from one run to the next.
@Suite struct GitHubActionsExportEndToEndTests {
    static let stages = ["validate", "train", "evaluate", "gate", "deploy"]

    /// actionlint reports nothing and GitHub's workflow schema accepts the export.
    static func expectLintAndSchemaClean(
        _ repository: ExportedRepository, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let lint = try Binary.run(
            ["-no-color", ".github/workflows/cicdlab.yml"], directory: repository.repo,
            executable: try ExternalTool.require("actionlint"))
        #expect(
            lint.status == 0 && lint.stdout.isEmpty, "actionlint: \(lint.stdout)\(lint.stderr)",
            sourceLocation: sourceLocation)
        let schema = try Binary.run(
            ["--builtin-schema", "vendor.github-workflows", repository.workflow],
            executable: try ExternalTool.require("check-jsonschema"))
        #expect(
            schema.status == 0, "check-jsonschema: \(schema.stdout)\(schema.stderr)", sourceLocation: sourceLocation)
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
        let repository = try ExportedRepository(format: "github-actions")
        defer { repository.remove() }
        try Self.expectLintAndSchemaClean(repository)
    }

    @Test func theWorkflowIsPinnedLeastPrivilegedAndCancelsStaleRuns() throws {
        let repository = try ExportedRepository(format: "github-actions")
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
        let repository = try ExportedRepository(format: "github-actions")
        defer { repository.remove() }
        let first = try repository.githubRunner.play()
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
        let second = try repository.githubRunner.play()
        #expect(second.job("gate")?.status == .failure)
        #expect(second.job("gate")?.log.contains("required gate 'no_regression' failed") == true)
        #expect(second.job("gate")?.log.contains("(champion v1 ") == true, "\(second.job("gate")?.log ?? "")")
        #expect(second.job("deploy")?.status == .skipped)

        // A third run with a model as good: green, and the deploy job compares it with the
        // champion of the last successful run, still v1 (a failed run keeps no state).
        try repository.setC("0.5")
        let third = try repository.githubRunner.play()
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
        let repository = try ExportedRepository(format: "github-actions", pipeline: name)
        defer { repository.remove() }
        let text = try String(contentsOfFile: repository.workflow, encoding: .utf8)
        #expect(
            text.contains("cicdlab pipeline run 'p '\\''x'\\'' $(touch pwned).yaml' --stage train --only\n"), "\(text)")
        try Self.expectLintAndSchemaClean(repository)
        let run = try repository.githubRunner.play()
        Self.expectEveryJobGreen(run)
        let store = repository.root + "/runner"
        let pwned = (FileManager.default.subpaths(atPath: store) ?? []).filter { $0.hasSuffix("pwned") }
        #expect(pwned.isEmpty, "the substitution ran: \(pwned)")
    }
}
