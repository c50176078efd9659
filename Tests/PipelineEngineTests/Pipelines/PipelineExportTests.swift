import Foundation
import Testing

@testable import PipelineEngine

/// Exports match the reviewed files under `Fixtures/PipelineExport`, and (when the validators
/// are installed) pass GitHub's workflow schema and DVC's own parser.
@Suite struct PipelineExportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/PipelineExport").path

    /// The fixture pipeline loaded in a sandbox with the files it names.
    func sandbox() throws -> PipelineSandbox {
        try PipelineSandbox(pipeline: try String(contentsOfFile: Self.fixtures + "/pipeline.yaml", encoding: .utf8))
    }

    /// The export `pipeline export` writes: this build's executors decide what is left out.
    func exported(
        _ format: PipelineExport.Format, _ sandbox: PipelineSandbox,
        executors: StageExecutors = .standard()
    ) throws -> [ExportedFile] {
        let pipeline = try sandbox.load()
        let runner = PipelineRunner(workspace: sandbox.workspace, pipeline: pipeline, executors: executors)
        return try PipelineExport.files(
            format, pipeline: pipeline, paramsText: sandbox.read("params.yaml"), version: "0.1.0",
            leaveOut: runner.notRunnable())
    }

    /// Compares with the fixture, or rewrites it when CICDLAB_UPDATE_FIXTURES is set.
    func expectFixture(_ file: ExportedFile, named name: String) throws {
        let path = Self.fixtures + "/" + name
        if ProcessInfo.processInfo.environment["CICDLAB_UPDATE_FIXTURES"] != nil {
            try file.contents.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(
            file.contents == (try String(contentsOfFile: path, encoding: .utf8)),
            "export differs from Fixtures/PipelineExport/\(name)")
    }

    @Test func githubActionsWorkflowMatchesTheReviewedFixture() throws {
        let sandbox = try sandbox()
        defer { sandbox.cleanUp() }
        let files = try exported(.githubActions, sandbox)
        #expect(files.map(\.path) == [".github/workflows/cicdlab.yml"])
        try expectFixture(files[0], named: "cicdlab.yml")
        let text = files[0].contents
        #expect(text.contains("    needs: [cicdlab, validate]\n"))
        #expect(text.contains("  - cron: \"0 2 * * 0\"\n"))
        #expect(
            text.contains(
                "      run: |\n        mkdir -p .lab\n        cicdlab pipeline run pipeline.yaml --stage evaluate --only\n"
            ))
        #expect(!text.contains("hashFiles"), "stage results travel as artifacts, not through a cache")
        #expect(text.contains("    runs-on: [self-hosted, gpu]\n"), "the GPU baseline")
        #expect(text.contains("# .github/actionlint.yaml (self-hosted-runner: {labels: [gpu]}).\n"))
    }

    @Test func githubActionsWorkflowReadsOnlyWaitsForApprovalToDeployAndPinsCicdlab() throws {
        let sandbox = try sandbox()
        defer { sandbox.cleanUp() }
        let text = try exported(.githubActions, sandbox)[0].contents
        #expect(
            text.contains("\npermissions:\n  contents: read\nconcurrency:\n"), "the token may read the repository only")
        #expect(
            text.components(separatedBy: "    permissions:\n      contents: read\n      actions: read\n").count == 5,
            "train, baseline, gate and deploy may read the artifacts of earlier runs, to fetch the lab state")
        #expect(text.components(separatedBy: "environment: production").count == 2, "one job, the deploy one")
        #expect(
            text.contains(
                "  deploy:\n    name: deploy (deploy)\n    needs: [cicdlab, gate]\n"
                    + "    if: github.event_name == 'schedule' || github.ref_name == github.event.repository.default_branch\n"
                    + "    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n      actions: read\n"
                    + "    environment: production\n"
            ), "deploys from the default branch only")
        #expect(
            text.contains("  CICDLAB_STATE_BRANCH: ${{ github.event.repository.default_branch || github.ref_name }}\n"),
            "every branch reads the default branch's state")
        #expect(text.contains("  CICDLAB_VERSION: \"0.1.0\"\n  CICDLAB_REF: \"v0.1.0\"\n"))
        #expect(text.contains("git -C /opt/cicdlab fetch -q --depth 1 \"$CICDLAB_REPOSITORY\" \"$CICDLAB_REF\"\n"))
        #expect(text.contains("      run: test \"$(cicdlab-build/cicdlab --version)\" = \"$CICDLAB_VERSION\"\n"))
        #expect(text.contains("      if: steps.cache.outputs.cache-hit != 'true'\n"), "built only on a cache miss")
        #expect(text.contains("        key: cicdlab-${{ env.CICDLAB_VERSION }}-${{ runner.os }}-${{ runner.arch }}\n"))
        #expect(text.components(separatedBy: "swift build").count == 2, "one job builds, and only on a miss")
        #expect(text.contains("# cicdlab is pinned to 0.1.0, the version that exported this file"))
        #expect(!text.contains("git clone"), "never the default branch's HEAD")
        #expect(text.contains("        name: cicdlab-state\n"), "the lab state is an artifact")
        #expect(!text.contains("path: .lab\n"), "never a cache of the lab folder")
    }

    @Test func dvcProjectMatchesTheReviewedFixture() throws {
        let sandbox = try sandbox()
        defer { sandbox.cleanUp() }
        let files = try exported(.dvc, sandbox)
        #expect(files.map(\.path) == ["dvc.yaml", "params.yaml"])
        try expectFixture(files[0], named: "dvc.yaml")
        #expect(files[1].contents == PipelineSandbox.params)
        let text = files[0].contents
        #expect(text.contains("    cmd: cicdlab pipeline run pipeline.yaml --stage evaluate --only\n"))
        #expect(
            text.contains("    metrics:\n    - .lab/metrics/evaluate.json:\n        cache: false\n"),
            "the headline metrics, not the whole result")
        #expect(text.components(separatedBy: "    metrics:\n").count == 4, "train, baseline and evaluate")
        #expect(
            text.contains(
                "    deps:\n    - pipeline.yaml\n    - gates.yaml\n    - data/test.csv\n    - .lab/results/evaluate.json\n"
            ), "the gate reads the model through evaluate's result: no edge train → gate")
    }

    @Test func stagesThisBuildCannotRunAreLeftOutWithTheReason() throws {
        let sandbox = try sandbox()
        defer { sandbox.cleanUp() }
        for format in PipelineExport.Format.allCases {
            let text = try exported(format, sandbox, executors: TestExecutors.all(sandbox.log))[0].contents
            #expect(text.contains("# Left out: deploy (no executor for deploy stages).\n"))
            #expect(!text.contains("--stage deploy"))
            #expect(text.contains("--stage gate"))
        }
    }
}
