import Foundation
import Testing

/// The GitLab CI/CD export checked by GitLab's schema and played job by job on this machine by
/// ``LocalGitLabRunner``: every job green, each stage's work in one job, and the lab state
/// carried from one pipeline to the next through the package registry.
@Suite struct GitLabCIExportEndToEndTests {
    static let stages = ["validate", "train", "evaluate", "gate", "deploy"]

    @Test(.enabled(if: ExternalTool.usable("check-jsonschema"), ExternalTool.skipNote("check-jsonschema")))
    func thePipelinePassesGitLabsSchema() throws {
        let repository = try ExportedRepository(format: "gitlab-ci")
        defer { repository.remove() }
        let schema = try Binary.run(
            ["--builtin-schema", "vendor.gitlab-ci", repository.repo + "/.gitlab-ci.yml"],
            executable: try ExternalTool.require("check-jsonschema"))
        #expect(schema.status == 0, "check-jsonschema: \(schema.stdout)\(schema.stderr)")
    }

    @Test func theDeployJobWaitsForAPersonOnTheDefaultBranchInProduction() throws {
        let repository = try ExportedRepository(format: "gitlab-ci")
        defer { repository.remove() }
        let text = try String(contentsOfFile: repository.repo + "/.gitlab-ci.yml", encoding: .utf8)
        #expect(
            text.contains(
                "  environment:\n    name: production\n  rules:\n  - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n    when: manual\n"
            ))
        #expect(text.components(separatedBy: "swift build").count == 2, "one job builds, and only on a miss")
        #expect(text.contains("  cache:\n    key: cicdlab-$CICDLAB_VERSION\n"))
        #expect(text.contains("  - cicdlab pipeline run pipeline.yaml --stage train --only\n"))
        #expect(
            text.contains(
                "workflow:\n  rules:\n  - if: $CI_PIPELINE_SOURCE == \"push\"\n    changes:\n    - pipeline.yaml\n"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git")))
    func playedLocallyEveryJobIsGreenAndEachStageRunsInOneJobOnly() throws {
        let repository = try ExportedRepository(format: "gitlab-ci")
        defer { repository.remove() }
        let first = try repository.gitlabRunner.play()
        GitHubActionsExportEndToEndTests.expectEveryJobGreen(first)
        #expect(first.jobs.map(\.name) == ["cicdlab"] + Self.stages)
        for stage in Self.stages {
            let lines = GitHubActionsExportEndToEndTests.stageLines(first.job(stage)?.log ?? "")
            #expect(lines.map(\.stage) == [stage], "job \(stage) reports only its own stage: \(lines)")
            #expect(lines.map(\.status) == ["ran"], "job \(stage): \(lines)")
        }
        #expect(
            first.job("validate")?.log.contains("No lab state kept yet: the registry starts empty.") == true)

        // A much weaker model is stopped at the gate by the champion the first pipeline kept.
        try repository.setC("0.001")
        let second = try repository.gitlabRunner.play()
        #expect(second.job("gate")?.status == .failure)
        #expect(second.job("gate")?.log.contains("(champion v1 ") == true, "\(second.job("gate")?.log ?? "")")
        #expect(second.job("deploy")?.status == .skipped)

        try repository.setC("0.5")
        let third = try repository.gitlabRunner.play()
        GitHubActionsExportEndToEndTests.expectEveryJobGreen(third)
        let deploy = third.job("deploy")?.log ?? ""
        #expect(deploy.contains("champion v1"), "the deploy job compares with the kept champion:\n\(deploy)")
    }

    @Test(.enabled(if: ExternalTool.usable("check-jsonschema"), ExternalTool.skipNote("check-jsonschema")))
    func aFileNameWithSpacesAndQuotesIsOneWordAndDollarsAreRefused() throws {
        let name = "p 'x' (1).yaml"
        let repository = try ExportedRepository(format: "gitlab-ci", pipeline: name)
        defer { repository.remove() }
        let text = try String(contentsOfFile: repository.repo + "/.gitlab-ci.yml", encoding: .utf8)
        #expect(text.contains("cicdlab pipeline run 'p '\\''x'\\'' (1).yaml' --stage train --only"), "\(text)")
        let schema = try Binary.run(
            ["--builtin-schema", "vendor.gitlab-ci", repository.repo + "/.gitlab-ci.yml"],
            executable: try ExternalTool.require("check-jsonschema"))
        #expect(schema.status == 0, "check-jsonschema: \(schema.stdout)\(schema.stderr)")
        let run = try repository.gitlabRunner.play()
        GitHubActionsExportEndToEndTests.expectEveryJobGreen(run)

        // GitLab expands variables in `changes` and `artifacts:paths`, so `$` is refused by name.
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let sandbox = try Binary.run(["sandbox", "path"], home: home).stdout.trimmingCharacters(in: .newlines)
        let hostile = "p $(touch pwned).yaml"
        try FileManager.default.copyItem(atPath: sandbox + "/pipeline.yaml", toPath: sandbox + "/" + hostile)
        let refused = try Binary.run(
            ["pipeline", "export", "--format", "gitlab-ci", hostile], home: home, directory: sandbox)
        #expect(refused.status == 2, "refused as bad input")
        #expect(
            refused.stderr
                == "error: \(hostile): cannot export to gitlab-ci: the pipeline file name '\(hostile)' holds '$', which "
                + "GitLab reads as a variable or a glob in `changes` and `artifacts:paths`; expected a name without "
                + "$ * ? [ ] { } (rename it and export again)\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox + "/.gitlab-ci.yml"))
    }

    @Test func aStageNamedLikeTheInstallJobIsRefusedByBothCIExports() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let sandbox = try Binary.run(["sandbox", "path"], home: home).stdout.trimmingCharacters(in: .newlines)
        let text = try String(contentsOfFile: sandbox + "/pipeline.yaml", encoding: .utf8)
        try text.replacingOccurrences(of: "  validate:\n", with: "  cicdlab:\n")
            .replacingOccurrences(of: "needs: [validate]", with: "needs: [cicdlab]")
            .write(toFile: sandbox + "/pipeline.yaml", atomically: true, encoding: .utf8)
        for format in ["github-actions", "gitlab-ci"] {
            let refused = try Binary.run(["pipeline", "export", "--format", format], home: home, directory: sandbox)
            #expect(refused.status == 2)
            #expect(
                refused.stderr.hasPrefix("error: pipeline.yaml: cannot export to \(format): stage name 'cicdlab' is "))
            #expect(refused.stderr.hasSuffix("expected another name (rename the stage and export again)\n"))
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox + "/.gitlab-ci.yml"))
        #expect(!FileManager.default.fileExists(atPath: sandbox + "/.github"))
    }

    /// A monitor stage after the deploy: it works on the state the deploy left in the same run
    /// (GitHub: that job's state artifact; GitLab: the package the deploy job published).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git")))
    func aMonitorAfterTheDeploySeesTheStateTheDeployLeft() throws {
        let addMonitor: (String) -> String = {
            $0.replacingOccurrences(
                of: "    steps: [5, 25, 50, 100]\n",
                with: "    steps: [5, 25, 50, 100]\n  watch:\n    kind: monitor\n    needs: [deploy]\n")
        }
        for format in ["github-actions", "gitlab-ci"] {
            let repository = try ExportedRepository(format: format, edit: addMonitor)
            defer { repository.remove() }
            let run = try format == "gitlab-ci" ? repository.gitlabRunner.play() : repository.githubRunner.play()
            GitHubActionsExportEndToEndTests.expectEveryJobGreen(run)
            let watch = run.job("watch")?.log ?? ""
            #expect(!watch.contains("the registry starts empty"), "\(format): watch fetched no state:\n\(watch)")
            // The deploy job's run was #1 in the state it left; the monitor's run comes after it,
            // over the production traffic the deployment served.
            #expect(watch.contains("Run #2 passed"), "\(format): the monitor runs on the deploy's state:\n\(watch)")
            #expect(watch.contains("6 features checked by psi"), "\(format):\n\(watch)")
        }
    }
}
