import Foundation
import GRDB
import LabSupport

/// Runs a pipeline's `deploy` stage: the candidate (the stage's `model`, else the registry's
/// `challenger`) is compared with the champion on the production requests whose labels are
/// back, with a paired test, and deployed with the stage's `strategy` and `steps` only if the
/// stage's promotion policy (`alpha`, `min_improvement`, `promote_when`) allows it.
///
/// `force` deploys a candidate the policy declines; the audit log records that it was forced
/// and what the comparison said. A canary that is rolled back fails the stage.
package struct DeployExecutor: StageExecutor {
    package var force: Bool
    var meter = LatencyMeter.real

    package init(force: Bool = false) {
        self.force = force
    }

    /// The champion and the candidate: a new candidate or a new champion reruns the stage.
    package func externalInputs(for stage: StageDefinition, in context: StageContext) throws -> [String: String] {
        let registry = ModelRegistry(workspace: context.workspace)
        return [
            "champion": try registry.aliased("champion").map { "v\($0.version)" } ?? "none",
            "candidate": try candidate(stage, registry).map { "v\($0)" } ?? "none",
        ]
    }

    package func run(_ stage: StageDefinition, in context: StageContext) throws -> StageOutcome {
        let workspace = context.workspace
        let registry = ModelRegistry(workspace: workspace)
        guard let candidate = try candidate(stage, registry) else {
            // The challenger shipped (or was never better) and nothing new was trained since.
            if let champion = try registry.aliased("champion") {
                return StageOutcome(summary: "no challenger waiting; champion v\(champion.version) keeps serving")
            }
            throw LabError(
                .pipelineNoCandidate,
                "stage '\(stage.name)' has nothing to deploy: no `model:` and no `challenger` alias (a train stage sets it)"
            )
        }
        let run = "pipeline run #\(context.runID), stage \(stage.name)"
        let champion = try registry.aliased("champion")?.version
        if champion == candidate {
            if try registry.aliased("challenger")?.version == candidate {
                try registry.removeAlias(
                    "challenger", actor: context.actor, reason: "\(run): it is the champion already")
            }
            return StageOutcome(summary: "v\(candidate) is already the champion; nothing to deploy")
        }
        var reason = run
        var comparisonNote = ""
        var metrics: [String: Double] = [:]
        if let champion {
            let decision = try PromotionDecision.judge(
                candidate: candidate, champion: champion, policy: try PromotionPolicy.of(stage), force: force,
                actor: context.actor, context: run, workspace: workspace)
            let comparison = decision.comparison
            metrics = comparison.metrics
            guard decision.proceeds else {
                return StageOutcome(
                    summary: "v\(candidate) not deployed: \(decision.shortfall) (\(comparison.sentence))",
                    metrics: metrics)
            }
            if decision.forced {
                reason += ", forced although \(decision.shortfall): \(comparison.sentence)"
                comparisonNote = " (forced although \(decision.shortfall): \(comparison.sentence))"
            } else {
                reason += ": \(comparison.sentence)"
                comparisonNote = " (\(comparison.sentence))"
            }
        }
        let strategy = try strategy(stage, hasChampion: champion != nil)
        let steps = try stage.settings["steps"].map {
            try DeploymentSettings.parseSteps($0.list.joined(separator: ","))
        }
        var deployer = try Deployer(workspace: workspace)
        deployer.meter = meter
        let report = try deployer.deploy(
            "v\(candidate)", strategy: strategy, steps: strategy == .canary ? steps : nil,
            actor: context.actor, reason: reason)
        if report.rollout.status == .rolledBack {
            return StageOutcome(
                failure: "v\(candidate)'s canary was rolled back: \(report.rollout.reason)",
                summary: report.message, metrics: metrics, work: 1)
        }
        return StageOutcome(summary: "v\(candidate): \(report.message)" + comparisonNote, metrics: metrics, work: 1)
    }

    private func candidate(_ stage: StageDefinition, _ registry: ModelRegistry) throws -> Int? {
        if let model = stage.text("model") { return try registry.version(model).version }
        return try registry.aliased("challenger")?.version
    }

    private func strategy(_ stage: StageDefinition, hasChampion: Bool) throws -> DeploymentStrategy {
        guard hasChampion else { return .direct }
        guard let name = stage.text("strategy") else { return .canary }
        guard let strategy = DeploymentStrategy(rawValue: name) else {
            throw LabError(
                .pipelineBadStrategy,
                "stage '\(stage.name)' has strategy '\(name)'; expected direct, shadow or canary")
        }
        return strategy
    }
}
