import GRDB

/// Whether a candidate may replace the champion: the paired comparison under a promotion
/// policy, and `--force`, with the audit entry either way it goes against the evidence.
///
/// The deploy stage and `deploy` decide through it, so a pipeline and a person at the keyboard
/// follow one rule and leave the same trace: `deploy.declined` when the policy declines the
/// candidate, `deploy.forced` when `force` ships it anyway.
package struct PromotionDecision: Sendable {
    package var comparison: ChampionComparison
    package var forced: Bool

    /// Whether the deployment goes ahead: the policy allows it, or it is forced.
    package var proceeds: Bool { comparison.allowsPromotion || forced }

    /// What the candidate fell short of: "not shown better than the champion", or "no evidence
    /// yet" when no labelled production request has come back to compare on.
    package var shortfall: String {
        comparison.paired == nil ? "no evidence yet" : "\(comparison.policy.shortfall) the champion"
    }

    /// Compares `candidate` with `champion` under `policy` and audits a declined or forced
    /// candidate; `context` says who asked ("pipeline run #4, stage deploy").
    package static func judge(
        candidate: Int, champion: Int, policy: PromotionPolicy, force: Bool, actor: String, context: String,
        workspace: Workspace
    ) throws -> PromotionDecision {
        let comparison = try ChampionComparison.measure(
            candidate: candidate, champion: champion, policy: policy, workspace: workspace)
        let decision = PromotionDecision(comparison: comparison, forced: force && !comparison.allowsPromotion)
        guard !comparison.allowsPromotion else { return decision }
        try workspace.state.pool.write { db in
            if force {
                try StateStore.audit(
                    db, actor: actor, action: "deploy.forced", subject: "v\(candidate)",
                    detail: "\(context): deployed with --force although \(decision.shortfall): \(comparison.sentence)")
            } else {
                try StateStore.audit(
                    db, actor: actor, action: "deploy.declined", subject: "v\(candidate)",
                    detail: "\(context): \(decision.shortfall): \(comparison.sentence)")
            }
        }
        return decision
    }
}
