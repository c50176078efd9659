import Foundation
import LabSupport
import Yams

extension PipelineExport {
    /// Where the workflow goes in a repository.
    static let workflowPath = ".github/workflows/cicdlab.yml"

    /// The artifact that carries cicdlab's binary from the install job to the stage jobs.
    static let binaryArtifact = "cicdlab"

    /// The artifact that keeps the lab's state (registry, deployments, simulated clock) from one
    /// run to the next.
    static let stateArtifact = "cicdlab-state"

    /// The artifact holding the lab state a job left: `cicdlab-state` for the last job that keeps
    /// it, which the next run fetches, `cicdlab-state-STAGE` for the others.
    static func stateArtifact(_ stage: String, final: String?) -> String {
        stage == final ? stateArtifact : "\(stateArtifact)-\(stage)"
    }

    /// The artifact a stage's job uploads for the jobs after it.
    static func stageArtifact(_ stage: String) -> String { "stage-\(stage)" }

    /// Kinds whose stage changes the state production runs on (the GitLab export keeps the
    /// state after these).
    static let keepsState: Set<StageKind> = [.deploy, .monitor]

    /// A GitHub Actions workflow: an install job, then one job per stage with `needs`, each
    /// running its own stage alone on what the jobs it needs uploaded.
    ///
    /// Triggers: `data_change` → `push` with path filters (the files named, or every source
    /// file); `schedule` → `schedule` with its cron; `drift` → `repository_dispatch` of type
    /// `drift-detected`, which a monitor posts. `workflow_dispatch` is always on, so a person can
    /// start a run. A pipeline without triggers runs on changes to its source files.
    ///
    /// How work moves: the `cicdlab` job restores the build of the pinned version from
    /// `actions/cache` (building it only on a miss) and uploads the binary; each stage job
    /// downloads it, downloads the artifacts of the jobs it needs, runs
    /// `cicdlab pipeline run FILE --stage NAME --only`, and uploads its outputs and result files
    /// with those it downloaded (`--only` reads the results of every stage before it). The lab
    /// state is the `cicdlab-state` artifact a deploy job uploads: the jobs whose stage reads it
    /// fetch the newest one of the default branch. A cache may be evicted at any time, so it
    /// holds only the build, which can be made again.
    ///
    /// Security: the token can read the repository, and only the jobs that fetch the lab state
    /// can read the workflow's artifacts; actions are pinned to commit SHAs; deploy jobs run on
    /// the default branch only, in the `production` environment, where required reviewers make
    /// them wait for approval.
    static func githubActions(_ pipeline: PipelineDefinition, version: String) throws -> ExportedFile {
        if pipeline.stage(binaryArtifact) != nil {
            throw LabError(
                .exportUnsafeText,
                "cannot export to github-actions: stage name '\(binaryArtifact)' is the name of the job that installs "
                    + "cicdlab; expected another name (rename the stage and export again)",
                file: pipeline.file)
        }
        let plan = GitHubStatePlan(pipeline)
        var jobs: [(String, Node)] = [(binaryArtifact, GitHubJobs.install(version: version))]
        for stage in pipeline.order.compactMap({ pipeline.stage($0) }) {
            jobs.append((stage.name, GitHubJobs.stage(stage, pipeline, plan)))
        }
        var env: [(String, Node)] = [
            ("CICDLAB_REPOSITORY", YAMLBuilder.text("${{ vars.CICDLAB_REPOSITORY }}")),
            ("CICDLAB_VERSION", YAMLBuilder.quoted(version)),
            ("CICDLAB_REF", YAMLBuilder.quoted("v" + version)),
            ("CICDLAB_HOME", YAMLBuilder.text("${{ github.workspace }}/.cicdlab-home")),
        ]
        if plan.finalKeeper != nil {
            env.append(("CICDLAB_STATE_BRANCH", YAMLBuilder.text(GitHubStatePlan.stateBranch)))
        }
        let top: [(String, Node)] = [
            ("name", YAMLBuilder.text("cicdlab: \(pipeline.name)")),
            ("on", triggers(pipeline)),
            ("permissions", YAMLBuilder.map([("contents", YAMLBuilder.text("read"))])),
            (
                "concurrency",
                YAMLBuilder.map([
                    ("group", YAMLBuilder.text("cicdlab-${{ github.workflow }}-${{ github.ref }}")),
                    ("cancel-in-progress", Node("true")),
                ])
            ),
            ("env", YAMLBuilder.map(env)),
            ("jobs", YAMLBuilder.map(jobs)),
        ]
        let text = try YAMLBuilder.serialize(
            YAMLBuilder.map(top), header: GitHubHeader.text(pipeline, version: version, plan: plan))
        return ExportedFile(path: workflowPath, contents: withTagComments(text))
    }

    /// The `on:` block.
    private static func triggers(_ pipeline: PipelineDefinition) -> Node {
        var on: [(String, Node)] = []
        let triggers = pipeline.triggers.isEmpty ? [Trigger.dataChange(paths: [])] : pipeline.triggers
        var pushPaths: [String] = []
        var crons: [String] = []
        var drift = false
        for trigger in triggers {
            switch trigger {
            case .dataChange(let paths): pushPaths += paths.isEmpty ? sourceFiles(pipeline) : [pipeline.file] + paths
            case .schedule(let cron): crons.append(cron)
            case .drift: drift = true
            }
        }
        if !pushPaths.isEmpty {
            let patterns = orderedUnique(pushPaths).map(ExportText.filterPattern)
            on.append(("push", YAMLBuilder.map([("paths", YAMLBuilder.strings(patterns))])))
        }
        if !crons.isEmpty {
            on.append(("schedule", YAMLBuilder.list(crons.map { YAMLBuilder.map([("cron", YAMLBuilder.quoted($0))]) })))
        }
        if drift {
            on.append(
                (
                    "repository_dispatch",
                    YAMLBuilder.map([("types", YAMLBuilder.strings(["drift-detected"], flow: true))])
                ))
        }
        on.append(("workflow_dispatch", YAMLBuilder.empty))
        return YAMLBuilder.map(on)
    }

    /// The small metrics file the runner writes for `stage`.
    static func metricsFile(_ stage: String) -> String { ".lab/metrics/\(stage).json" }

    /// Adds the release tag as a comment after each pinned `uses:` line.
    static func withTagComments(_ text: String) -> String {
        var text = text
        for pin in GitHubActionPins.all {
            text = text.replacingOccurrences(of: "uses: \(pin.uses)\n", with: "uses: \(pin.uses) # \(pin.tag)\n")
        }
        return text
    }
}
