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

    /// The artifact holding the lab state a deploy or monitor job left: `cicdlab-state` for the
    /// last of them, which the next run fetches, `cicdlab-state-STAGE` for the others.
    static func stateArtifact(_ stage: String, final: String?) -> String {
        stage == final ? stateArtifact : "\(stateArtifact)-\(stage)"
    }

    /// The artifact a stage's job uploads for the jobs after it.
    static func stageArtifact(_ stage: String) -> String { "stage-\(stage)" }

    /// Kinds whose stage changes the state production runs on: their jobs keep the lab state.
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
    /// state is the `cicdlab-state` artifact: stage jobs fetch the one the last successful run
    /// kept, and the last deploy or monitor job uploads the new one. A cache may be evicted at
    /// any time, so it holds only the build, which can be made again.
    ///
    /// Security: the token can read the repository and the workflow's artifacts, nothing more;
    /// actions are pinned to commit SHAs; the deploy job runs in the `production` environment,
    /// where required reviewers make it wait for approval.
    static func githubActions(_ pipeline: PipelineDefinition, version: String) throws -> ExportedFile {
        if pipeline.stage(binaryArtifact) != nil {
            throw LabError(
                .exportUnsafeText,
                "cannot export to github-actions: stage name '\(binaryArtifact)' is the name of the job that installs "
                    + "cicdlab; expected another name (rename the stage and export again)",
                file: pipeline.file)
        }
        let stages = pipeline.order.compactMap { pipeline.stage($0) }
        let stateKeeper = stages.last { keepsState.contains($0.kind) }?.name
        var jobs: [(String, Node)] = [(binaryArtifact, installJob(version: version))]
        for stage in stages {
            jobs.append((stage.name, try stageJob(stage, pipeline, finalKeeper: stateKeeper)))
        }
        let top: [(String, Node)] = [
            ("name", YAMLBuilder.text("cicdlab: \(pipeline.name)")),
            ("on", triggers(pipeline)),
            (
                "permissions",
                YAMLBuilder.map([("contents", YAMLBuilder.text("read")), ("actions", YAMLBuilder.text("read"))])
            ),
            (
                "concurrency",
                YAMLBuilder.map([
                    ("group", YAMLBuilder.text("cicdlab-${{ github.workflow }}-${{ github.ref }}")),
                    ("cancel-in-progress", Node("true")),
                ])
            ),
            (
                "env",
                YAMLBuilder.map([
                    ("CICDLAB_REPOSITORY", YAMLBuilder.text("${{ vars.CICDLAB_REPOSITORY }}")),
                    ("CICDLAB_VERSION", YAMLBuilder.quoted(version)),
                    ("CICDLAB_REF", YAMLBuilder.quoted("v" + version)),
                    ("CICDLAB_HOME", YAMLBuilder.text("${{ github.workspace }}/.cicdlab-home")),
                ])
            ),
            ("jobs", YAMLBuilder.map(jobs)),
        ]
        let text = try YAMLBuilder.serialize(
            YAMLBuilder.map(top), header: githubHeader(pipeline, version: version, stateKeeper: stateKeeper))
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

    /// The job that provides cicdlab: the cached build of the pinned version, or a new one.
    private static func installJob(version: String) -> Node {
        let buildDir = "cicdlab-build"
        return YAMLBuilder.map([
            ("name", YAMLBuilder.text("Install cicdlab \(version)")),
            ("runs-on", YAMLBuilder.text("ubuntu-latest")),
            ("container", YAMLBuilder.text("swift:6.1")),
            (
                "steps",
                YAMLBuilder.list([
                    YAMLBuilder.map([
                        ("name", YAMLBuilder.text("Restore the build of this version")),
                        ("id", YAMLBuilder.text("cache")),
                        ("uses", YAMLBuilder.text(GitHubActionPins.cache.uses)),
                        (
                            "with",
                            YAMLBuilder.map([
                                ("path", YAMLBuilder.text(buildDir)),
                                (
                                    "key",
                                    YAMLBuilder.text(
                                        "cicdlab-${{ env.CICDLAB_VERSION }}-${{ runner.os }}-${{ runner.arch }}")
                                ),
                            ])
                        ),
                    ]),
                    YAMLBuilder.map([
                        ("name", YAMLBuilder.text("Build cicdlab (only when no build of this version is cached)")),
                        ("id", YAMLBuilder.text("build-cicdlab")),
                        ("if", YAMLBuilder.text("steps.cache.outputs.cache-hit != 'true'")),
                        (
                            "run",
                            YAMLBuilder.script(buildLines(into: buildDir))
                        ),
                    ]),
                    YAMLBuilder.map([
                        ("name", YAMLBuilder.text("Check it is the pinned version")),
                        ("run", YAMLBuilder.text("test \"$(\(buildDir)/cicdlab --version)\" = \"$CICDLAB_VERSION\"")),
                    ]),
                    YAMLBuilder.map([
                        ("uses", YAMLBuilder.text(GitHubActionPins.uploadArtifact.uses)),
                        (
                            "with",
                            YAMLBuilder.map([
                                ("name", YAMLBuilder.text(binaryArtifact)),
                                ("path", YAMLBuilder.text("\(buildDir)/cicdlab")),
                                ("if-no-files-found", YAMLBuilder.text("error")),
                                ("retention-days", Node("1")),
                            ])
                        ),
                    ]),
                ])
            ),
        ])
    }

    /// The job of one stage: its inputs downloaded, the stage run alone, its results uploaded.
    private static func stageJob(_ stage: StageDefinition, _ pipeline: PipelineDefinition, finalKeeper: String?)
        throws -> Node
    {
        var job: [(String, Node)] = [("name", YAMLBuilder.text("\(stage.name) (\(stage.kind.rawValue))"))]
        job.append(("needs", YAMLBuilder.strings([binaryArtifact] + stage.upstream, flow: true)))
        job.append(
            (
                "runs-on",
                stage.gpu
                    ? YAMLBuilder.strings(["self-hosted", "gpu"], flow: true) : YAMLBuilder.text("ubuntu-latest")
            ))
        if stage.kind == .deploy {
            job.append(("environment", YAMLBuilder.text("production")))
        }
        var steps: [Node] = [
            YAMLBuilder.map([
                ("uses", YAMLBuilder.text(GitHubActionPins.checkout.uses)),
                ("with", YAMLBuilder.map([("persist-credentials", Node("false"))])),
            ]),
            YAMLBuilder.map([
                ("uses", YAMLBuilder.text(GitHubActionPins.downloadArtifact.uses)),
                (
                    "with",
                    YAMLBuilder.map([
                        ("name", YAMLBuilder.text(binaryArtifact)),
                        ("path", YAMLBuilder.text("${{ runner.temp }}/cicdlab")),
                    ])
                ),
            ]),
            YAMLBuilder.map([
                ("name", YAMLBuilder.text("Put cicdlab on PATH")),
                (
                    "run",
                    YAMLBuilder.script([
                        "chmod +x \"$RUNNER_TEMP/cicdlab/cicdlab\"",
                        "# The build links the Swift runtime statically; SQLite and libedit come from the system.",
                        "if ldd \"$RUNNER_TEMP/cicdlab/cicdlab\" | grep -q 'not found'; then",
                        "  sudo apt-get update && sudo apt-get install -y libsqlite3-0 libedit2",
                        "fi",
                        "echo \"$RUNNER_TEMP/cicdlab\" >> \"$GITHUB_PATH\"",
                    ])
                ),
            ]),
        ]
        // The state this run's earlier deploy or monitor job left, else the last successful run's.
        let ancestors = Set(PipelineGraph(pipeline.stages).ancestors(of: stage.name))
        if let keeper = pipeline.order.last(where: {
            ancestors.contains($0) && pipeline.stage($0).map(keepsStateKinds) == true
        }) {
            steps.append(
                YAMLBuilder.map([
                    ("name", YAMLBuilder.text("Download the lab state \(keeper) left")),
                    ("uses", YAMLBuilder.text(GitHubActionPins.downloadArtifact.uses)),
                    (
                        "with",
                        YAMLBuilder.map([
                            ("name", YAMLBuilder.text(stateArtifact(keeper, final: finalKeeper))),
                            ("path", YAMLBuilder.text(".lab")),
                        ])
                    ),
                ]))
        } else if pipeline.stages.contains(where: { keepsStateKinds($0) }) {
            steps.append(fetchStateStep())
        }
        for need in stage.upstream {
            steps.append(
                YAMLBuilder.map([
                    ("name", YAMLBuilder.text("Download what \(need) made")),
                    ("uses", YAMLBuilder.text(GitHubActionPins.downloadArtifact.uses)),
                    ("with", YAMLBuilder.map([("name", YAMLBuilder.text(stageArtifact(need))), ("path", Node("."))])),
                ]))
        }
        steps.append(
            YAMLBuilder.map([
                ("name", YAMLBuilder.text("Run stage \(stage.name) alone")),
                ("run", YAMLBuilder.script(["mkdir -p .lab", command(pipeline, stage.name)])),
            ]))
        // The pipeline file keeps the artifact's paths relative to the repository root: an
        // artifact is rooted at the deepest folder common to its paths.
        let covered = pipeline.order.filter(
            Set(PipelineGraph(pipeline.stages).ancestors(of: stage.name) + [stage.name]).contains)
        let paths = orderedUnique(
            [pipeline.file]
                + covered.flatMap { name in
                    (pipeline.stage(name)?.outs ?? []) + [resultFile(name), metricsFile(name)]
                })
        steps.append(
            YAMLBuilder.map([
                ("name", YAMLBuilder.text("Upload what \(stage.name) made, with what it downloaded")),
                ("uses", YAMLBuilder.text(GitHubActionPins.uploadArtifact.uses)),
                (
                    "with",
                    YAMLBuilder.map([
                        ("name", YAMLBuilder.text(stageArtifact(stage.name))),
                        ("path", YAMLBuilder.script(paths.map(ExportText.artifactPath))),
                        ("include-hidden-files", Node("true")),
                        ("if-no-files-found", YAMLBuilder.text("error")),
                    ])
                ),
            ]))
        if keepsStateKinds(stage) {
            steps.append(
                YAMLBuilder.map([
                    (
                        "name",
                        YAMLBuilder.text(
                            stage.name == finalKeeper
                                ? "Keep the lab state for the next run"
                                : "Keep the lab state for the jobs after this one")
                    ),
                    ("uses", YAMLBuilder.text(GitHubActionPins.uploadArtifact.uses)),
                    (
                        "with",
                        YAMLBuilder.map([
                            ("name", YAMLBuilder.text(stateArtifact(stage.name, final: finalKeeper))),
                            ("path", YAMLBuilder.script([".lab/state.sqlite", ".lab/artifacts/"])),
                            ("include-hidden-files", Node("true")),
                            ("if-no-files-found", YAMLBuilder.text("error")),
                            ("retention-days", Node("90")),
                        ])
                    ),
                ]))
        }
        job.append(("steps", YAMLBuilder.list(steps)))
        return YAMLBuilder.map(job)
    }

    private static func keepsStateKinds(_ stage: StageDefinition) -> Bool { keepsState.contains(stage.kind) }

    /// The step that fetches the lab state the last successful run of this workflow kept.
    private static func fetchStateStep() -> Node {
        YAMLBuilder.map([
            ("name", YAMLBuilder.text("Fetch the lab state the last successful run kept")),
            (
                "env",
                YAMLBuilder.map([
                    ("GH_TOKEN", YAMLBuilder.text("${{ github.token }}")),
                    ("GH_REPO", YAMLBuilder.text("${{ github.repository }}")),
                ])
            ),
            (
                "run",
                YAMLBuilder.script([
                    "run_id=\"$(gh run list --workflow cicdlab.yml --branch \"$GITHUB_REF_NAME\" --status success "
                        + "--limit 1 --json databaseId --jq '.[0].databaseId // empty')\"",
                    "if [ -z \"$run_id\" ]; then",
                    "  echo \"No earlier successful run on $GITHUB_REF_NAME: the registry starts empty.\"",
                    "else",
                    "  gh run download \"$run_id\" --name \(stateArtifact) --dir .lab",
                    "fi",
                ])
            ),
        ])
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

    private static func githubHeader(_ pipeline: PipelineDefinition, version: String, stateKeeper: String?) -> String {
        var header = header(.githubActions, pipeline)
        header +=
            "# Set the repository variable CICDLAB_REPOSITORY to the git URL cicdlab is built from.\n"
            + "# cicdlab is pinned to \(version), the version that exported this file. The `cicdlab` job\n"
            + "# restores its build from the cache (key: the version) and builds tag v\(version) only on a\n"
            + "# miss; set CICDLAB_REF to the release's full commit SHA to pin the exact commit. It fails\n"
            + "# unless the binary reports CICDLAB_VERSION, and hands it to every job as an artifact.\n"
            + "# Each stage job downloads the artifacts of the jobs it needs, runs its own stage alone\n"
            + "# (--only: the results of the stages before it come from those artifacts, nothing is run\n"
            + "# twice), and uploads its outputs and results with the ones it downloaded.\n"
        if let stateKeeper {
            header +=
                "# The lab state (model registry, deployments, simulated clock: .lab/state.sqlite and\n"
                + "# .lab/artifacts/) is the `\(stateArtifact)` artifact, never a cache entry, which GitHub may evict:\n"
                + "# each stage job fetches the one the last successful run on its branch kept, and the\n"
                + "# `\(stateKeeper)` job uploads the new one (an earlier deploy or monitor job hands its state to\n"
                + "# the jobs after it). Artifacts expire (90 days here): a branch with no\n"
                + "# successful run for that long fails to fetch it, rather than start from an empty registry.\n"
                + "# A cancelled run uploads no state, so the next run starts from the last finished one.\n"
        } else {
            header += "# No deploy or monitor stage: no lab state is kept from one run to the next.\n"
        }
        header +=
            "# A newer run on the same branch cancels the one in progress (concurrency).\n"
            + "# The token may only read the repository and its workflow artifacts; actions are pinned to\n"
            + "# commit SHAs; the production environment gates the deploy job.\n"
        if pipeline.triggers.contains(where: { if case .drift = $0 { true } else { false } }) {
            header += "# Drift starts a run through a `drift-detected` repository_dispatch.\n"
        }
        return header
    }
}
