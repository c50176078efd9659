import Yams

/// The jobs of the GitHub Actions export: the one that provides cicdlab, and one per stage.
enum GitHubJobs {
    /// The Swift image the install job builds in: the toolchain the lab is developed and tested
    /// with, on Ubuntu 24.04 as `ubuntu-latest` is, so the binary finds the same system libraries.
    static let swiftImage = "swift:6.3-noble"

    /// The job that provides cicdlab: the cached build of the pinned version, or a new one.
    static func install(version: String) -> Node {
        let buildDir = "cicdlab-build"
        return YAMLBuilder.map([
            ("name", YAMLBuilder.text("Install cicdlab \(version)")),
            ("runs-on", YAMLBuilder.text("ubuntu-latest")),
            ("container", YAMLBuilder.text(swiftImage)),
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
                        ("run", YAMLBuilder.script(PipelineExport.buildLines(into: buildDir))),
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
                                ("name", YAMLBuilder.text(PipelineExport.binaryArtifact)),
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
    static func stage(_ stage: StageDefinition, _ pipeline: PipelineDefinition, _ plan: GitHubStatePlan) -> Node {
        let source = plan.source(of: stage)
        var job: [(String, Node)] = [("name", YAMLBuilder.text("\(stage.name) (\(stage.kind.rawValue))"))]
        job.append(("needs", YAMLBuilder.strings([PipelineExport.binaryArtifact] + stage.upstream, flow: true)))
        if stage.kind == .deploy {
            job.append(("if", YAMLBuilder.text(GitHubStatePlan.onDefaultBranch)))
        }
        job.append(
            (
                "runs-on",
                stage.gpu
                    ? YAMLBuilder.strings(["self-hosted", "gpu"], flow: true) : YAMLBuilder.text("ubuntu-latest")
            ))
        if source == .earlierRun {
            // Reading another run's artifacts takes `actions: read`; a job that sets permissions
            // gets none it does not name, so checkout's `contents: read` is named again.
            job.append(
                (
                    "permissions",
                    YAMLBuilder.map([("contents", YAMLBuilder.text("read")), ("actions", YAMLBuilder.text("read"))])
                ))
        }
        if stage.kind == .deploy {
            job.append(("environment", YAMLBuilder.text("production")))
        }
        var steps = setupSteps()
        switch source {
        case .none: break
        case .earlierRun: steps.append(GitHubStatePlan.fetchStep())
        case .artifact(let name):
            steps.append(
                YAMLBuilder.map([
                    ("name", YAMLBuilder.text("Download the lab state this run's deploy left")),
                    ("uses", YAMLBuilder.text(GitHubActionPins.downloadArtifact.uses)),
                    ("with", YAMLBuilder.map([("name", YAMLBuilder.text(name)), ("path", YAMLBuilder.text(".lab"))])),
                ]))
        }
        for need in stage.upstream {
            steps.append(
                YAMLBuilder.map([
                    ("name", YAMLBuilder.text("Download what \(need) made")),
                    ("uses", YAMLBuilder.text(GitHubActionPins.downloadArtifact.uses)),
                    (
                        "with",
                        YAMLBuilder.map([
                            ("name", YAMLBuilder.text(PipelineExport.stageArtifact(need))), ("path", Node(".")),
                        ])
                    ),
                ]))
        }
        steps.append(
            YAMLBuilder.map([
                ("name", YAMLBuilder.text("Run stage \(stage.name) alone")),
                ("run", YAMLBuilder.script(["mkdir -p .lab", PipelineExport.command(pipeline, stage.name)])),
            ]))
        steps.append(uploadStep(stage, pipeline))
        if plan.keeps(stage.name) {
            let final = stage.name == plan.finalKeeper
            steps.append(
                YAMLBuilder.map([
                    (
                        "name",
                        YAMLBuilder.text(
                            final
                                ? "Keep the lab state for the next run"
                                : "Keep the lab state for the jobs after this one")
                    ),
                    ("uses", YAMLBuilder.text(GitHubActionPins.uploadArtifact.uses)),
                    (
                        "with",
                        YAMLBuilder.map([
                            (
                                "name",
                                YAMLBuilder.text(PipelineExport.stateArtifact(stage.name, final: plan.finalKeeper))
                            ),
                            ("path", YAMLBuilder.script([".lab/state.sqlite", ".lab/artifacts/"])),
                            ("include-hidden-files", Node("true")),
                            ("if-no-files-found", YAMLBuilder.text("error")),
                            ("retention-days", Node(final ? "90" : "1")),
                        ])
                    ),
                ]))
        }
        job.append(("steps", YAMLBuilder.list(steps)))
        return YAMLBuilder.map(job)
    }

    /// Checkout, then the binary the install job uploaded, on PATH.
    private static func setupSteps() -> [Node] {
        [
            YAMLBuilder.map([
                ("uses", YAMLBuilder.text(GitHubActionPins.checkout.uses)),
                ("with", YAMLBuilder.map([("persist-credentials", Node("false"))])),
            ]),
            YAMLBuilder.map([
                ("uses", YAMLBuilder.text(GitHubActionPins.downloadArtifact.uses)),
                (
                    "with",
                    YAMLBuilder.map([
                        ("name", YAMLBuilder.text(PipelineExport.binaryArtifact)),
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
    }

    /// The upload of the stage's outputs and result files with those of every stage before it.
    ///
    /// A job whose direct need is the gate so still has train's model. The pipeline file keeps
    /// the artifact's paths relative to the repository root: an artifact is rooted at the deepest
    /// folder common to its paths.
    private static func uploadStep(_ stage: StageDefinition, _ pipeline: PipelineDefinition) -> Node {
        let covered = pipeline.order.filter(
            Set(PipelineGraph(pipeline.stages).ancestors(of: stage.name) + [stage.name]).contains)
        let paths = orderedUnique(
            [pipeline.file]
                + covered.flatMap { name in
                    (pipeline.stage(name)?.outs ?? [])
                        + [PipelineExport.resultFile(name), PipelineExport.metricsFile(name)]
                })
        return YAMLBuilder.map([
            ("name", YAMLBuilder.text("Upload what \(stage.name) made, with what it downloaded")),
            ("uses", YAMLBuilder.text(GitHubActionPins.uploadArtifact.uses)),
            (
                "with",
                YAMLBuilder.map([
                    ("name", YAMLBuilder.text(PipelineExport.stageArtifact(stage.name))),
                    ("path", YAMLBuilder.script(paths.map(ExportText.artifactPath))),
                    ("include-hidden-files", Node("true")),
                    ("if-no-files-found", YAMLBuilder.text("error")),
                ])
            ),
        ])
    }
}
