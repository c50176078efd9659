import Yams

extension PipelineExport {
    /// Where the workflow goes in a repository.
    static let workflowPath = ".github/workflows/cicdlab.yml"

    /// A GitHub Actions workflow: one job per stage with `needs`, triggered as the pipeline's
    /// `triggers` say, each job restoring the lab's run cache keyed on the hashes of the files
    /// its stage (and the stages before it) read.
    ///
    /// Triggers: `data_change` → `push` with path filters (the files named, or every source
    /// file); `schedule` → `schedule` with its cron; `drift` → `repository_dispatch` of type
    /// `drift-detected`, which a monitor posts. `workflow_dispatch` is always on, so a person can
    /// start a run. A pipeline without triggers runs on changes to its source files.
    ///
    /// Security: the token can only read the repository (`permissions: contents: read`); a
    /// deploy stage's job runs in the `production` environment, where required reviewers make it
    /// wait for approval; and cicdlab is built from the release `version` names (tag
    /// `vVERSION`, or a commit set in CICDLAB_REF), checked against the built binary's
    /// `--version`, so a run never picks up unreviewed code from the default branch.
    static func githubActions(_ pipeline: PipelineDefinition, version: String) throws -> ExportedFile {
        var on: [(String, Node)] = []
        let triggers = pipeline.triggers.isEmpty ? [Trigger.dataChange(paths: [])] : pipeline.triggers
        var pushPaths: [String] = []
        var crons: [String] = []
        var drift: [String] = []
        for trigger in triggers {
            switch trigger {
            case .dataChange(let paths): pushPaths += paths.isEmpty ? sourceFiles(pipeline) : [pipeline.file] + paths
            case .schedule(let cron): crons.append(cron)
            case .drift(let method, let threshold):
                drift.append("\(method)" + (threshold.map { " above \(formatDouble($0))" } ?? ""))
            }
        }
        if !pushPaths.isEmpty {
            on.append(("push", YAMLBuilder.map([("paths", YAMLBuilder.strings(orderedUnique(pushPaths)))])))
        }
        if !crons.isEmpty {
            on.append(("schedule", YAMLBuilder.list(crons.map { YAMLBuilder.map([("cron", YAMLBuilder.quoted($0))]) })))
        }
        if !drift.isEmpty {
            on.append(
                (
                    "repository_dispatch",
                    YAMLBuilder.map([("types", YAMLBuilder.strings(["drift-detected"], flow: true))])
                ))
        }
        on.append(("workflow_dispatch", YAMLBuilder.empty))

        let graph = PipelineGraph(pipeline.stages)
        let outputs = Set(pipeline.stages.flatMap(\.outs))
        var jobs: [(String, Node)] = []
        for name in pipeline.order {
            guard let stage = pipeline.stage(name) else { continue }
            let covered = [name] + graph.ancestors(of: name)
            let hashed = orderedUnique(
                [pipeline.file] + (pipeline.params.exists ? [pipeline.params.file] : [])
                    + covered.compactMap { pipeline.stage($0) }.flatMap(\.dependencies)
                    .filter { !outputs.contains($0) })
            let key =
                "cicdlab-\(name)-${{ hashFiles(\(hashed.map(ExportText.expressionString).joined(separator: ", "))) }}"
            var job: [(String, Node)] = [("name", YAMLBuilder.text("\(name) (\(stage.kind.rawValue))"))]
            if !stage.upstream.isEmpty { job.append(("needs", YAMLBuilder.strings(stage.upstream, flow: true))) }
            job.append(
                (
                    "runs-on",
                    stage.gpu
                        ? YAMLBuilder.strings(["self-hosted", "gpu"], flow: true) : YAMLBuilder.text("ubuntu-latest")
                ))
            if stage.kind == .deploy {
                job.append(("environment", YAMLBuilder.text("production")))
            }
            job.append(("container", YAMLBuilder.text("swift:6.1")))
            let steps: [Node] = [
                YAMLBuilder.map([("uses", YAMLBuilder.text("actions/checkout@v4"))]),
                YAMLBuilder.map([
                    ("name", YAMLBuilder.text("Install cicdlab")),
                    (
                        "run",
                        YAMLBuilder.script([
                            "apt-get update && apt-get install -y libsqlite3-dev libedit-dev",
                            "git init -q /opt/cicdlab",
                            "git -C /opt/cicdlab fetch -q --depth 1 \"$CICDLAB_REPOSITORY\" \"$CICDLAB_REF\"",
                            "git -C /opt/cicdlab checkout -q --detach FETCH_HEAD",
                            "swift build -c release --package-path /opt/cicdlab",
                            "test \"$(/opt/cicdlab/.build/release/cicdlab --version)\" = \"$CICDLAB_VERSION\"",
                            "echo /opt/cicdlab/.build/release >> \"$GITHUB_PATH\"",
                        ])
                    ),
                ]),
                YAMLBuilder.map([
                    ("name", YAMLBuilder.text("Restore the run cache")),
                    ("uses", YAMLBuilder.text("actions/cache@v4")),
                    (
                        "with",
                        YAMLBuilder.map([
                            ("path", YAMLBuilder.text(".lab")),
                            ("key", YAMLBuilder.text(key)),
                            ("restore-keys", YAMLBuilder.text("cicdlab-\(name)-")),
                        ])
                    ),
                ]),
                YAMLBuilder.map([
                    ("name", YAMLBuilder.text("Run stage \(name)")),
                    ("run", YAMLBuilder.script(["mkdir -p .lab", command(pipeline, name)])),
                ]),
                YAMLBuilder.map([
                    ("name", YAMLBuilder.text("Keep the results of \(name)")),
                    ("if", YAMLBuilder.text("always()")),
                    ("uses", YAMLBuilder.text("actions/upload-artifact@v4")),
                    (
                        "with",
                        YAMLBuilder.map([
                            ("name", YAMLBuilder.text(name)),
                            ("path", YAMLBuilder.script(stage.outs + [resultFile(name), pipeline.lockFile])),
                            ("if-no-files-found", YAMLBuilder.text("ignore")),
                        ])
                    ),
                ]),
            ]
            job.append(("steps", YAMLBuilder.list(steps)))
            jobs.append((name, YAMLBuilder.map(job)))
        }
        var top: [(String, Node)] = [
            ("name", YAMLBuilder.text("cicdlab: \(pipeline.name)")), ("on", YAMLBuilder.map(on)),
            ("permissions", YAMLBuilder.map([("contents", YAMLBuilder.text("read"))])),
        ]
        top.append(
            (
                "env",
                YAMLBuilder.map([
                    ("CICDLAB_REPOSITORY", YAMLBuilder.text("${{ vars.CICDLAB_REPOSITORY }}")),
                    ("CICDLAB_VERSION", YAMLBuilder.quoted(version)),
                    ("CICDLAB_REF", YAMLBuilder.quoted("v" + version)),
                    ("CICDLAB_HOME", YAMLBuilder.text("${{ github.workspace }}/.cicdlab-home")),
                ])
            ))
        top.append(("jobs", YAMLBuilder.map(jobs)))
        var header = header(.githubActions, pipeline)
        header += "# Set the repository variable CICDLAB_REPOSITORY to the git URL cicdlab is built from.\n"
        header +=
            "# cicdlab is pinned to \(version), the version that exported this file: each job fetches\n"
            + "# CICDLAB_REF (tag v\(version)) and fails unless the built binary reports CICDLAB_VERSION.\n"
            + "# A tag can be moved: set CICDLAB_REF to the release's full commit SHA to pin the exact commit.\n"
            + "# The token may only read the repository; the production environment gates the deploy job.\n"
        if !drift.isEmpty {
            header +=
                "# Drift (\(drift.joined(separator: ", "))) starts a run through a `drift-detected` repository_dispatch.\n"
        }
        return ExportedFile(
            path: workflowPath, contents: try YAMLBuilder.serialize(YAMLBuilder.map(top), header: header))
    }
}
