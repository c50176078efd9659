import Foundation
import Testing
import Yams

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

    /// The reviewed fixture (a GPU baseline on a self-hosted runner, a parallel branch) passes
    /// too, once actionlint is told the `gpu` label, as its header says.
    @Test(
        .enabled(
            if: ExternalTool.usable("actionlint", "check-jsonschema"),
            ExternalTool.skipNote("actionlint", "check-jsonschema")))
    func theReviewedFixturePassesActionlintGivenTheGPULabel() throws {
        let root = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/.github/workflows", withIntermediateDirectories: true)
        let fixture = ExternalTool.packageRoot + "/Tests/PipelineEngineTests/Fixtures/PipelineExport/cicdlab.yml"
        let text = try String(contentsOfFile: fixture, encoding: .utf8)
        #expect(text.contains("# .github/actionlint.yaml (self-hosted-runner: {labels: [gpu]}).\n"))
        try text.write(toFile: root + "/.github/workflows/cicdlab.yml", atomically: true, encoding: .utf8)
        try "self-hosted-runner: {labels: [gpu]}\n".write(
            toFile: root + "/.github/actionlint.yaml", atomically: true, encoding: .utf8)
        #expect(try Binary.run(["init", "-q"], directory: root, executable: "/usr/bin/git").status == 0)
        let lint = try Binary.run(
            ["-no-color", ".github/workflows/cicdlab.yml"], directory: root,
            executable: try ExternalTool.require("actionlint"))
        #expect(lint.status == 0 && lint.stdout.isEmpty, "actionlint: \(lint.stdout)\(lint.stderr)")
        let schema = try Binary.run(
            ["--builtin-schema", "vendor.github-workflows", root + "/.github/workflows/cicdlab.yml"],
            executable: try ExternalTool.require("check-jsonschema"))
        #expect(schema.status == 0, "check-jsonschema: \(schema.stdout)\(schema.stderr)")
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
        #expect(
            text.contains("\npermissions:\n  contents: read\nconcurrency:\n"), "the token reads the repository only")
        #expect(
            text.contains(
                "concurrency:\n  group: cicdlab-${{ github.workflow }}-${{ github.ref }}\n  cancel-in-progress: true\n")
        )
        let workflow = try #require(try Yams.load(yaml: text) as? [String: Any])
        let jobs = try #require(workflow["jobs"] as? [String: [String: Any]])
        let reading = jobs.filter { $0.value["permissions"] != nil }.keys.sorted()
        #expect(reading == ["deploy", "gate", "train"], "only the jobs that fetch the lab state read artifacts")
        for name in reading {
            #expect(jobs[name]?["permissions"] as? [String: String] == ["contents": "read", "actions": "read"])
        }
        #expect(
            text.contains(
                "  deploy:\n    name: deploy (deploy)\n    needs: [cicdlab, gate]\n"
                    + "    if: github.event_name == 'schedule' || github.ref_name == github.event.repository.default_branch\n"
                    + "    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n      actions: read\n"
                    + "    environment: production\n"
            ))
        #expect(!text.contains("hashFiles"), "no cache is keyed on the pipeline's files any more")
        #expect(!text.contains("gh run list"), "the state is the newest artifact, not the last green run's")
        #expect(text.contains("cicdlab pipeline run pipeline.yaml --stage train --only\n"))
    }

    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git")),
        .enabled(if: ExternalTool.usable("jq"), ExternalTool.skipNote("jq")))
    func playedLocallyEveryJobIsGreenAndEachStageRunsInOneJobOnly() throws {
        let repository = try ExportedRepository(format: "github-actions")
        defer { repository.remove() }
        let first = try repository.githubRunner.play()
        Self.expectEveryJobGreen(first)
        #expect(first.jobs.map(\.name) == ["cicdlab"] + Self.stages)
        Self.expectEachStageRanInItsJobOnly(first)
        #expect(
            first.job("train")?.log.contains("No cicdlab-state on main yet: the lab state starts empty.") == true,
            "\(first.job("train")?.log ?? "")")
        for name in ["validate", "evaluate"] {
            #expect(first.job(name)?.log.contains("Fetch the lab state") == false, "\(name) reads no lab state")
        }
        #expect(first.job("deploy")?.log.contains("as cicdlab-state\n") == true)

        // A second run with a much weaker model: its gate job judges it against the champion
        // the first run deployed, which only the lab state kept by that run can tell it.
        try repository.setC("0.001")
        let second = try repository.githubRunner.play()
        #expect(second.job("train")?.log.contains("Lab state of run 1 on main.") == true)
        #expect(second.job("gate")?.status == .failure)
        #expect(second.job("gate")?.log.contains("required gate 'no_regression' failed") == true)
        #expect(second.job("gate")?.log.contains("(champion v1 ") == true, "\(second.job("gate")?.log ?? "")")
        #expect(second.job("deploy")?.status == .skipped)

        // A third run with a model as good: green, and the deploy job compares it with the
        // champion the last deploy left, still v1 (the second run deployed nothing).
        try repository.setC("0.5")
        let third = try repository.githubRunner.play()
        Self.expectEveryJobGreen(third)
        Self.expectEachStageRanInItsJobOnly(third)
        let deploy = third.job("deploy")?.log ?? ""
        #expect(deploy.contains("Lab state of run 1 on main."), "\(deploy)")
        #expect(deploy.contains("champion v1"), "the deploy job compares with run 1's champion:\n\(deploy)")
    }

    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git")),
        .enabled(if: ExternalTool.usable("jq"), ExternalTool.skipNote("jq")))
    func aRunOnAnotherBranchIsJudgedAgainstProductionAndDeploysNothing() throws {
        let repository = try ExportedRepository(format: "github-actions")
        defer { repository.remove() }
        Self.expectEveryJobGreen(try repository.githubRunner.play())
        try repository.git(["checkout", "-q", "-b", "weaker"])
        try repository.setC("0.001")
        var runner = repository.githubRunner
        runner.branch = "weaker"
        let branch = try runner.play()
        #expect(branch.job("train")?.log.contains("Lab state of run 1 on main.") == true)
        #expect(branch.job("gate")?.status == .failure, "judged against main's champion, v1")
        #expect(branch.job("gate")?.log.contains("(champion v1 ") == true, "\(branch.job("gate")?.log ?? "")")

        try repository.setC("0.5")
        let green = try runner.play()
        for name in ["cicdlab", "validate", "train", "evaluate", "gate"] {
            #expect(green.job(name)?.status == .success, "\(name): \(green.job(name)?.log ?? "")")
        }
        #expect(green.job("deploy")?.status == .skipped, "a branch never deploys")
        #expect(green.job("deploy")?.log.hasPrefix("skipped: if: ") == true)
    }

    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git")),
        .enabled(if: ExternalTool.usable("jq"), ExternalTool.skipNote("jq")))
    func aMonitorAfterTheDeployGetsTheStateItLeftInTheSameRun() throws {
        let repository = try ExportedRepository(format: "github-actions") {
            $0.replacingOccurrences(
                of: "    steps: [5, 25, 50, 100]\n",
                with: "    steps: [5, 25, 50, 100]\n  monitor:\n    kind: monitor\n    needs: [deploy]\n"
                    + "    data: data/churn-test.csv\n    reference: data/churn.csv\n")
        }
        defer { repository.remove() }
        let text = try String(contentsOfFile: repository.workflow, encoding: .utf8)
        let workflow = try #require(try Yams.load(yaml: text) as? [String: Any])
        let jobs = try #require(workflow["jobs"] as? [String: [String: Any]])
        #expect(jobs["monitor"]?["permissions"] == nil, "it reads no earlier run's artifacts")
        let run = try repository.githubRunner.play()
        Self.expectEveryJobGreen(run)
        Self.expectEachStageRanInItsJobOnly(run, stages: Self.stages + ["monitor"])
        let monitor = run.job("monitor")?.log ?? ""
        #expect(
            monitor.contains("-- step 3: Download the lab state this run's deploy left\ndownloaded cicdlab-state\n"),
            "\(monitor)")
        #expect(!monitor.contains("Fetch the lab state"))
    }

    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git")),
        .enabled(if: ExternalTool.usable("jq"), ExternalTool.skipNote("jq")))
    func anExpiredLabStateStopsTheRunRatherThanStartEmpty() throws {
        let repository = try ExportedRepository(format: "github-actions")
        defer { repository.remove() }
        let runner = repository.githubRunner
        Self.expectEveryJobGreen(try runner.play())
        try runner.expire("cicdlab-state", ofRun: 1)
        let run = try runner.play()
        let train = run.job("train")
        #expect(train?.status == .failure)
        #expect(
            train?.log.contains(
                "The newest cicdlab-state on main (run 1) has expired: the registry and deployments it held are gone; "
                    + "restore them or delete the expired artifact to start empty.") == true, "\(train?.log ?? "")")
        let ran = Self.stageLines(train?.log ?? "")
        #expect(ran.isEmpty, "nothing ran on an empty registry")
        #expect(run.job("deploy")?.status == .skipped)
    }

    @Test(
        .enabled(
            if: ExternalTool.usable("actionlint", "check-jsonschema", "jq"),
            ExternalTool.skipNote("actionlint", "check-jsonschema", "jq")))
    func aFileNameWithQuotesAndCommandSubstitutionIsOneWordEverywhere() throws {
        let name = "p 'x' $(touch pwned).yaml"
        let data = "data/d 'x' $(touch pwned-data).csv"
        // The training data is there under the odd name only.
        let repository = try ExportedRepository(
            format: "github-actions", pipeline: name,
            edit: { $0.replacingOccurrences(of: "data: data/churn.csv", with: "data: \"\(data)\"") },
            prepare: { try FileManager.default.moveItem(atPath: $0 + "/data/churn.csv", toPath: $0 + "/" + data) })
        defer { repository.remove() }
        let text = try String(contentsOfFile: repository.workflow, encoding: .utf8)
        #expect(
            text.contains("cicdlab pipeline run 'p '\\''x'\\'' $(touch pwned).yaml' --stage train --only\n"), "\(text)")
        #expect(text.contains("    - data/d 'x' $(touch pwned-data).csv\n"), "the push filter names the file")
        try Self.expectLintAndSchemaClean(repository)
        let run = try repository.githubRunner.play()
        Self.expectEveryJobGreen(run)
        Self.expectEachStageRanInItsJobOnly(run)
        let store = repository.root + "/runner"
        let pwned = (FileManager.default.subpaths(atPath: store) ?? []).filter {
            ["pwned", "pwned-data"].contains(($0 as NSString).lastPathComponent)
        }
        #expect(pwned.isEmpty, "the substitution ran: \(pwned)")
        let result = try JSONSerialization.jsonObject(
            with: try Data(
                contentsOf: URL(fileURLWithPath: store + "/runs/1/artifacts/stage-validate/.lab/results/validate.json"))
        )
        let validated = ((result as? [String: Any])?["result"] as? [String: Any])?["data"] as? String
        #expect(validated == data, "validate read the oddly named file")
    }

    /// Each stage job's cicdlab output reports its own stage, run, and no other.
    static func expectEachStageRanInItsJobOnly(
        _ run: LocalGitHubRunner.Run, stages: [String] = stages, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for stage in stages {
            let lines = stageLines(run.job(stage)?.log ?? "")
            #expect(
                lines.map(\.stage) == [stage], "job \(stage) reports only its own stage: \(lines)",
                sourceLocation: sourceLocation)
            #expect(lines.map(\.status) == ["ran"], "job \(stage): \(lines)", sourceLocation: sourceLocation)
        }
    }
}
