/// The comment at the top of the GitHub Actions export: what it needs and how it works.
enum GitHubHeader {
    static func text(_ pipeline: PipelineDefinition, version: String, plan: GitHubStatePlan) -> String {
        var header = PipelineExport.header(.githubActions, pipeline)
        header +=
            "# Needs: the repository variable CICDLAB_REPOSITORY, the git URL cicdlab is built from"
            + (plan.finalKeeper == nil
                ? ".\n" : ",\n# and a `production` environment (add required reviewers to approve deploys).\n")
        header +=
            "# cicdlab is pinned to \(version), the version that exported this file. The `cicdlab` job\n"
            + "# restores its build from the cache (key: the version) and builds tag v\(version) only on a\n"
            + "# miss, in the \(GitHubJobs.swiftImage) image with the Swift runtime linked statically, so the stage\n"
            + "# jobs run it on plain ubuntu-latest; set CICDLAB_REF to the release's full commit SHA to pin\n"
            + "# the exact commit. It fails unless the binary reports CICDLAB_VERSION, and hands it on as the\n"
            + "# `cicdlab` artifact. Each stage job downloads the artifacts of the jobs it needs, runs its own\n"
            + "# stage alone (--only: the results of the stages before it come from those artifacts, nothing\n"
            + "# is run twice), and uploads its outputs and results with the ones it downloaded.\n"
        if let keeper = plan.finalKeeper {
            header +=
                "# The lab state (model registry, deployments, simulated clock: .lab/state.sqlite and\n"
                + "# .lab/artifacts/) is the `\(PipelineExport.stateArtifact)` artifact the `\(keeper)` job uploads, never a cache entry,\n"
                + "# which GitHub may evict. Deploys run on the default branch only, so it is the default\n"
                + "# branch's state: the train, gate, deploy and monitor jobs fetch the newest one it kept\n"
                + "# (gh api, gh run download; `actions: read` on those jobs only), and a run on any branch is\n"
                + "# judged against the champion in production. A later job of the same run gets the state a\n"
                + "# deploy before it left. Artifacts expire (this one after 90 days, or the repository's\n"
                + "# limit if lower): with no deploy for that long the fetch fails rather than start from an\n"
                + "# empty registry. The first run starts empty and says so.\n"
                + "# A newer run on the same ref cancels the one in progress (concurrency), a deploy included:\n"
                + "# a deploy's only effect is the state artifact it uploads when it has finished, so a cancelled\n"
                + "# deploy leaves production as it was. A deploy that changes a real system must not be\n"
                + "# cancelled half way: move `concurrency` to the jobs and give that one its own group\n"
                + "# without cancel-in-progress.\n"
        } else {
            header +=
                "# No deploy stage: no lab state is kept from one run to the next.\n"
                + "# A newer run on the same ref cancels the one in progress (concurrency).\n"
        }
        header += "# The token may only read the repository; actions are pinned to commit SHAs.\n"
        if pipeline.stages.contains(where: \.gpu) {
            header +=
                "# GPU stages run on a self-hosted runner labelled `gpu`; tell actionlint the label in\n"
                + "# .github/actionlint.yaml (self-hosted-runner: {labels: [gpu]}).\n"
        }
        if pipeline.triggers.contains(where: { if case .drift = $0 { true } else { false } }) {
            header += "# Drift starts a run through a `drift-detected` repository_dispatch.\n"
        }
        return header
    }
}
