import Yams

/// Where each job of the GitHub Actions export gets the lab state (registry, deployments,
/// simulated clock: `.lab/state.sqlite` and `.lab/artifacts/`) and which jobs keep it.
///
/// Only a deploy changes the state; train (the challenger), gate (the champion), deploy and
/// monitor (production) read it. A deploy job uploads the state it leaves as an artifact:
/// `cicdlab-state` for the last deploy, which later runs fetch, `cicdlab-state-NAME` for an
/// earlier one, which the reading jobs after it in the same run download. A reading job with no
/// deploy before it fetches the newest `cicdlab-state` of the default branch, the only branch
/// that deploys; a pipeline without a deploy stage keeps no state.
struct GitHubStatePlan {
    /// Kinds whose executors read the registry, the deployments or the simulated clock.
    static let readsState: Set<StageKind> = [.train, .gate, .deploy, .monitor]

    /// Kinds whose executors change the state: the ones whose jobs upload it.
    static let keepsState: Set<StageKind> = [.deploy]

    /// The branch whose state every run reads: the default branch (a scheduled run's event
    /// carries no repository, but it runs on the default branch).
    static let stateBranch = "${{ github.event.repository.default_branch || github.ref_name }}"

    /// The `if:` of a deploy job: the default branch only.
    static let onDefaultBranch =
        "github.event_name == 'schedule' || github.ref_name == github.event.repository.default_branch"

    /// The last deploy stage in the run's order, whose state the next run starts from.
    let finalKeeper: String?
    private let pipeline: PipelineDefinition
    private let graph: PipelineGraph

    init(_ pipeline: PipelineDefinition) {
        self.pipeline = pipeline
        graph = PipelineGraph(pipeline.stages)
        finalKeeper = pipeline.order.last { pipeline.stage($0).map { Self.keepsState.contains($0.kind) } == true }
    }

    /// How `stage`'s job gets the state.
    enum Source: Equatable {
        /// It does not read it.
        case none
        /// The artifact an earlier deploy job of this run uploaded.
        case artifact(String)
        /// The newest `cicdlab-state` of the default branch, from an earlier run.
        case earlierRun
    }

    func source(of stage: StageDefinition) -> Source {
        guard finalKeeper != nil, Self.readsState.contains(stage.kind) else { return .none }
        let ancestors = Set(graph.ancestors(of: stage.name))
        if let keeper = pipeline.order.last(where: { ancestors.contains($0) && keeps($0) }) {
            return .artifact(PipelineExport.stateArtifact(keeper, final: finalKeeper))
        }
        return .earlierRun
    }

    func keeps(_ stage: String) -> Bool { pipeline.stage(stage).map { Self.keepsState.contains($0.kind) } == true }

    /// The step that fetches the newest `cicdlab-state` the default branch kept: the newest
    /// deploy, whether or not the rest of its run passed (a monitor after it may fail on drift).
    static func fetchStep() -> Node {
        let query =
            "[.artifacts[] | select(.workflow_run.head_branch == env.CICDLAB_STATE_BRANCH)] | sort_by(.created_at)"
            + " | last | select(. != null) | \"\\(.workflow_run.id) \\(.expired)\""
        return YAMLBuilder.map([
            ("name", YAMLBuilder.text("Fetch the lab state the last deploy on the default branch left")),
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
                    "latest=\"$(gh api \"repos/$GH_REPO/actions/artifacts?name=\(PipelineExport.stateArtifact)&per_page=100\" "
                        + "--jq '\(query)')\"",
                    "run_id=\"${latest% *}\"",
                    "if [ -z \"$latest\" ]; then",
                    "  echo \"No \(PipelineExport.stateArtifact) on $CICDLAB_STATE_BRANCH yet: the lab state starts empty.\"",
                    "elif [ \"${latest#* }\" = true ]; then",
                    "  echo \"The newest \(PipelineExport.stateArtifact) on $CICDLAB_STATE_BRANCH (run $run_id) has expired: "
                        + "the registry and deployments it held are gone; restore them or delete the expired "
                        + "artifact to start empty.\" >&2",
                    "  exit 1",
                    "else",
                    "  gh run download \"$run_id\" --name \(PipelineExport.stateArtifact) --dir .lab",
                    "  echo \"Lab state of run $run_id on $CICDLAB_STATE_BRANCH.\"",
                    "fi",
                ])
            ),
        ])
    }
}
