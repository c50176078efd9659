import Foundation
import LabSupport
import Yams

extension PipelineExport {
    /// Where GitLab reads its pipeline.
    static let gitlabPath = ".gitlab-ci.yml"

    /// Keys GitLab reads at the top of `.gitlab-ci.yml` that are not jobs, so no stage may be
    /// named like one (GitLab's CI/CD YAML reference, "Global keywords").
    static let gitlabReserved: Set<String> = [
        "default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script",
        "after_script", "pages", "spec",
    ]

    /// A GitLab CI/CD pipeline with the shape of the GitHub workflow: a `cicdlab` job that
    /// restores the build of the pinned version from the cache (building only on a miss) and
    /// hands the binary on as an artifact, then one job per stage with `needs`, each running its
    /// stage alone on the artifacts of the jobs it needs and passing on its own with them.
    ///
    /// Triggers become `workflow: rules`: `data_change` → push pipelines with `changes:` on the
    /// source files (GitLab docs, "rules:changes": it is meant for branch and merge request
    /// pipelines, and is always true for others, so each rule names its pipeline source);
    /// `schedule` → schedule pipelines (the cron is set up in GitLab, and said in the header);
    /// `drift` → pipelines started through the API or a trigger token; `web` is always allowed.
    ///
    /// The lab state (registry, deployments, simulated clock) is a file in the project's generic
    /// package registry, `cicdlab-state` version 1.0.0, which every stage job fetches and
    /// the last deploy or monitor job publishes, authenticated with the job token (GitLab docs,
    /// "GitLab generic packages repository": Free tier, CI/CD job tokens; a download returns
    /// the most recent file of that name). Unlike job artifacts it does not expire. The deploy
    /// job runs in the `production` environment, on the default branch only, when a person
    /// starts it.
    static func gitlabCI(_ pipeline: PipelineDefinition, version: String) throws -> ExportedFile {
        try checkGitLabNames(pipeline)
        let stages = pipeline.order.compactMap { pipeline.stage($0) }
        let stateKeeper = stages.last { keepsState.contains($0.kind) }?.name
        var top: [(String, Node)] = [
            (
                "variables",
                YAMLBuilder.map([
                    ("CICDLAB_VERSION", YAMLBuilder.quoted(version)),
                    ("CICDLAB_REF", YAMLBuilder.quoted("v" + version)),
                    ("CICDLAB_HOME", YAMLBuilder.quoted("$CI_PROJECT_DIR/.cicdlab-home")),
                    ("CICDLAB_STATE_URL", YAMLBuilder.quoted(stateURL)),
                ])
            ),
            ("workflow", YAMLBuilder.map([("rules", gitlabRules(pipeline))])),
            // A newer pipeline may cancel this one's jobs (with "Auto-cancel redundant pipelines"),
            // except a deploy in progress, which says `interruptible: false`.
            ("default", YAMLBuilder.map([("interruptible", Node("true"))])),
            ("stages", YAMLBuilder.strings(["build"] + stages.map(\.name))),
            (binaryArtifact, gitlabInstallJob()),
        ]
        // A job after a deploy runs where the deploy can: on the default branch, so what it needs exists.
        let graph = PipelineGraph(pipeline.stages)
        let afterDeploy = Set(stages.filter { $0.kind == .deploy }.flatMap { graph.descendants(of: $0.name) })
        for stage in stages {
            top.append(
                (
                    stage.name,
                    gitlabStageJob(
                        stage, pipeline, keepsState: keepsState.contains(stage.kind),
                        defaultBranchOnly: afterDeploy.contains(stage.name))
                ))
        }
        let text = try YAMLBuilder.serialize(
            YAMLBuilder.map(top), header: gitlabHeader(pipeline, version: version, stateKeeper: stateKeeper))
        return ExportedFile(path: gitlabPath, contents: text)
    }

    /// The package file the lab state is kept in, per branch.
    static let stateURL =
        "$CI_API_V4_URL/projects/$CI_PROJECT_ID/packages/generic/cicdlab-state/1.0.0/state.tar.gz"

    private static func gitlabRules(_ pipeline: PipelineDefinition) -> Node {
        var rules: [Node] = []
        let triggers = pipeline.triggers.isEmpty ? [Trigger.dataChange(paths: [])] : pipeline.triggers
        var pushPaths: [String] = []
        var schedule = false
        var drift = false
        for trigger in triggers {
            switch trigger {
            case .dataChange(let paths): pushPaths += paths.isEmpty ? sourceFiles(pipeline) : [pipeline.file] + paths
            case .schedule: schedule = true
            case .drift: drift = true
            }
        }
        if !pushPaths.isEmpty {
            rules.append(
                YAMLBuilder.map([
                    ("if", YAMLBuilder.text("$CI_PIPELINE_SOURCE == \"push\"")),
                    ("changes", YAMLBuilder.strings(orderedUnique(pushPaths))),
                ]))
        }
        if schedule { rules.append(YAMLBuilder.map([("if", YAMLBuilder.text("$CI_PIPELINE_SOURCE == \"schedule\""))])) }
        if drift {
            rules.append(
                YAMLBuilder.map([
                    ("if", YAMLBuilder.text("$CI_PIPELINE_SOURCE == \"trigger\" || $CI_PIPELINE_SOURCE == \"api\""))
                ]))
        }
        rules.append(YAMLBuilder.map([("if", YAMLBuilder.text("$CI_PIPELINE_SOURCE == \"web\""))]))
        return YAMLBuilder.list(rules)
    }

    private static func gitlabInstallJob() -> Node {
        let build = "cicdlab-build"
        return YAMLBuilder.map([
            ("stage", YAMLBuilder.text("build")),
            ("image", YAMLBuilder.text("swift:6.1")),
            (
                "cache",
                YAMLBuilder.map([
                    ("key", YAMLBuilder.text("cicdlab-$CICDLAB_VERSION")),
                    ("paths", YAMLBuilder.strings(["\(build)/"])),
                ])
            ),
            (
                "script",
                YAMLBuilder.list([
                    YAMLBuilder.script(
                        [
                            "if [ ! -x \(build)/cicdlab ]; then",
                            "  # build-cicdlab: begin",
                        ] + buildLines(into: build).map { "  " + $0 } + [
                            "  # build-cicdlab: end",
                            "fi",
                        ]),
                    YAMLBuilder.text("test \"$(\(build)/cicdlab --version)\" = \"$CICDLAB_VERSION\""),
                ])
            ),
            (
                "artifacts",
                YAMLBuilder.map([
                    ("paths", YAMLBuilder.strings(["\(build)/cicdlab"])), ("expire_in", YAMLBuilder.text("1 day")),
                ])
            ),
        ])
    }

    private static func gitlabStageJob(
        _ stage: StageDefinition, _ pipeline: PipelineDefinition, keepsState: Bool, defaultBranchOnly: Bool
    ) -> Node {
        var job: [(String, Node)] = [
            ("stage", YAMLBuilder.text(stage.name)),
            ("image", YAMLBuilder.text("ubuntu:24.04")),
        ]
        if stage.gpu { job.append(("tags", YAMLBuilder.strings(["gpu"], flow: true))) }
        let needs = [binaryArtifact] + stage.upstream
        job.append(
            (
                "needs",
                YAMLBuilder.list(
                    needs.map { YAMLBuilder.map([("job", YAMLBuilder.text($0)), ("artifacts", Node("true"))]) })
            ))
        var before = [
            "export PATH=\"$CI_PROJECT_DIR/cicdlab-build:$PATH\"",
            YAMLBuilder.lines([
                "# The build links the Swift runtime statically; SQLite, libedit and curl come from the system.",
                "if ! command -v curl >/dev/null || ldd \"$CI_PROJECT_DIR/cicdlab-build/cicdlab\" | grep -q 'not found'; then",
                "  apt-get update && apt-get install -y libsqlite3-0 libedit2 curl ca-certificates",
                "fi",
            ]),
        ]
        if keepsStateAnywhere(pipeline) {
            before.append(
                YAMLBuilder.lines([
                    "mkdir -p .lab",
                    "status=\"$(curl --silent --show-error --location --header \"JOB-TOKEN: $CI_JOB_TOKEN\" "
                        + "--output state.tar.gz --write-out '%{http_code}' \"$CICDLAB_STATE_URL\")\"",
                    "case \"$status\" in",
                    "  200) tar -xzf state.tar.gz -C .lab && rm state.tar.gz ;;",
                    "  404) echo \"No lab state kept yet: the registry starts empty.\" ;;",
                    "  *) echo \"Could not fetch the lab state (HTTP $status)\" >&2; exit 1 ;;",
                    "esac",
                ]))
        }
        job.append(
            ("before_script", YAMLBuilder.list(before.map { Node($0, .implicit, $0.contains("\n") ? .literal : .any) }))
        )
        var script = ["mkdir -p .lab", command(pipeline, stage.name)]
        if keepsState {
            script.append(
                YAMLBuilder.lines([
                    "tar -czf state.tar.gz -C .lab state.sqlite artifacts",
                    "curl --fail --silent --show-error --header \"JOB-TOKEN: $CI_JOB_TOKEN\" "
                        + "--upload-file state.tar.gz \"$CICDLAB_STATE_URL\"",
                ]))
        }
        job.append(
            ("script", YAMLBuilder.list(script.map { Node($0, .implicit, $0.contains("\n") ? .literal : .any) })))
        let covered = pipeline.order.filter(
            Set(PipelineGraph(pipeline.stages).ancestors(of: stage.name) + [stage.name]).contains)
        let paths = orderedUnique(
            covered.flatMap { name in (pipeline.stage(name)?.outs ?? []) + [resultFile(name), metricsFile(name)] })
        job.append(
            (
                "artifacts",
                YAMLBuilder.map([("paths", YAMLBuilder.strings(paths)), ("expire_in", YAMLBuilder.text("30 days"))])
            ))
        if stage.kind == .deploy {
            job.append(("interruptible", Node("false")))
            job.append(("environment", YAMLBuilder.map([("name", YAMLBuilder.text("production"))])))
            job.append(
                (
                    "rules",
                    YAMLBuilder.list([
                        YAMLBuilder.map([
                            ("if", YAMLBuilder.text("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH")),
                            ("when", YAMLBuilder.text("manual")),
                        ])
                    ])
                ))
        }
        if defaultBranchOnly && stage.kind != .deploy {
            job.append(
                (
                    "rules",
                    YAMLBuilder.list([
                        YAMLBuilder.map([("if", YAMLBuilder.text("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"))])
                    ])
                ))
        }
        return YAMLBuilder.map(job)
    }

    private static func keepsStateAnywhere(_ pipeline: PipelineDefinition) -> Bool {
        pipeline.stages.contains { keepsState.contains($0.kind) }
    }

    /// Refuses names GitLab would read as something else: a stage named like a global keyword
    /// or like the install job, and paths with `$` (GitLab expands variables in `changes` and
    /// `artifacts:paths`) or glob characters (both are glob patterns there).
    static func checkGitLabNames(_ pipeline: PipelineDefinition) throws {
        for stage in pipeline.stages where gitlabReserved.contains(stage.name) || stage.name == binaryArtifact {
            throw LabError(
                .exportUnsafeText,
                "cannot export to gitlab-ci: stage name '\(stage.name)' is a GitLab keyword or the install job's name; "
                    + "expected another name (rename the stage and export again)",
                file: pipeline.file)
        }
        let named =
            [("the pipeline file name", pipeline.file), ("the params file name", pipeline.params.file)]
            + pipeline.stages.flatMap { stage in
                stage.dependencies.map { ("a path stage '\(stage.name)' reads", $0) }
                    + stage.outs.map { ("a path stage '\(stage.name)' writes", $0) }
            }
        for (what, path) in named {
            if let bad = path.first(where: { "$*?[]{}".contains($0) }) {
                throw LabError(
                    .exportUnsafeText,
                    "cannot export to gitlab-ci: \(what) '\(path)' holds '\(bad)', which GitLab reads as a variable or a "
                        + "glob in `changes` and `artifacts:paths`; expected a name without $ * ? [ ] { } "
                        + "(rename it and export again)",
                    file: pipeline.file)
            }
        }
    }

    private static func gitlabHeader(_ pipeline: PipelineDefinition, version: String, stateKeeper: String?) -> String {
        var header = header(.gitlabCI, pipeline)
        header +=
            "# Set the CI/CD variable CICDLAB_REPOSITORY to the git URL cicdlab is built from.\n"
            + "# cicdlab is pinned to \(version): the `cicdlab` job restores its build from the cache (key:\n"
            + "# the version) and builds tag v\(version) only on a miss, then fails unless the binary reports\n"
            + "# CICDLAB_VERSION. Set CICDLAB_REF to the release's full commit SHA to pin the exact commit.\n"
            + "# Each stage job gets the artifacts of the jobs it needs, runs its own stage alone (--only),\n"
            + "# and passes on its outputs and results with the ones it got.\n"
        if let stateKeeper {
            header +=
                "# The lab state (model registry, deployments, simulated clock) is kept in the project's\n"
                + "# package registry as cicdlab-state 1.0.0/state.tar.gz, not in the cache, which GitLab\n"
                + "# may clear: every stage job fetches it, and each deploy or monitor job (the last is\n"
                + "# `\(stateKeeper)`) publishes the state it leaves.\n"
                + "# Deploys run on the default branch only, so it is the default branch's state; a pipeline\n"
                + "# on another branch is judged against the champion in production.\n"
        } else {
            header += "# No deploy or monitor stage: no lab state is kept from one pipeline to the next.\n"
        }
        for trigger in pipeline.triggers {
            switch trigger {
            case .schedule(let cron):
                header += "# Schedule: add a pipeline schedule with cron \"\(cron)\" (Build > Pipeline schedules).\n"
            case .drift:
                header += "# Drift: a monitor starts a pipeline through the pipeline trigger API.\n"
            case .dataChange: break
            }
        }
        if pipeline.stages.contains(where: { $0.kind == .deploy }) {
            header +=
                "# The deploy job runs on the default branch only, when a person starts it, in the production\n"
                + "# environment (protect it to require an approval); jobs after it run on that branch only.\n"
        }
        header +=
            "# Turn on Settings > CI/CD > Auto-cancel redundant pipelines so a newer pipeline cancels an\n"
            + "# older one's jobs; a deploy in progress is not interruptible.\n"
        return header
    }
}
