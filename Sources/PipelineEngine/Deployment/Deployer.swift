import Foundation
import LabSupport

/// Puts registry versions into the sandbox's production: loads the real models, measures their
/// speed against the platform's baseline, and runs the rollout the strategy asks for.
package struct Deployer: Sendable {
    package let workspace: Workspace
    package var settings: DeploymentSettings
    /// How predictions are timed (real by default; tests may fix the times).
    var meter = LatencyMeter.real

    /// A deployer with the workspace's `deploy.yaml` settings (or the defaults).
    package init(workspace: Workspace) throws {
        self.workspace = workspace
        settings = try DeploymentSettings.load(workspace: workspace.root)
    }

    var registry: ModelRegistry { ModelRegistry(workspace: workspace) }
    var controller: RolloutController { RolloutController(workspace: workspace) }

    /// Deploys the version `reference` names with `strategy`.
    ///
    /// A canary runs all its steps now, each analysed against the champion, and
    /// ends promoted or rolled back.
    package func deploy(
        _ reference: String, strategy: DeploymentStrategy, steps: [Int]? = nil,
        actor: String, reason: String
    ) throws -> RolloutReport {
        let hold = try WorkspaceLock.acquire(workspace, for: "deploy")
        defer { hold.release() }
        let candidate = try registry.version(reference).version
        try controller.checkCanStart(strategy, candidate: candidate)
        let production = try ProductionView(workspace: workspace)
        let rows = ProductionRows.from(production.stream, days: max(0, production.today - 6)...production.today)
        let champion = try registry.aliased("champion")?.version
        let baseline = try LabSettings(state: workspace.state).baselineVersion() ?? champion ?? candidate

        let candidateModel = try ServedModel(version: candidate, registry: registry, rows: rows.table)
        let championModel = try champion.map { try ServedModel(version: $0, registry: registry, rows: rows.table) }
        var baselineModel = try ServedModel(version: baseline, registry: registry, rows: rows.table)
        var measured = [candidateModel] + (championModel.map { [$0] } ?? [])
        let times = PlatformCalibration.measure(
            &measured, baseline: &baselineModel, rows: rows.count,
            settings: settings.platform, meter: meter)

        let plannedSteps =
            switch strategy {
            case .direct: [100]
            case .shadow: [0]
            case .canary: steps ?? settings.canarySteps
            }
        let plan = RolloutController.Plan(
            strategy: strategy, candidate: candidate, steps: plannedSteps,
            loadLevel: try LabSettings(state: workspace.state).loadLevel(), serviceTimes: times,
            simulatedAt: production.now, reason: reason)
        let rollout = try controller.begin(plan, actor: actor)
        switch strategy {
        case .direct:
            let from = rollout.champion.map { " (was v\($0))" } ?? ""
            return try controller.report(
                rollout,
                message:
                    "v\(candidate) is the champion now\(from) and serves all traffic; a direct deployment has no analysis."
            )
        case .shadow:
            return try controller.report(
                rollout,
                message:
                    "v\(candidate) shadows champion v\(rollout.champion ?? 0): it answers mirrored traffic, logged and compared, never served. Run `traffic simulate`, then `promote` or `rollback`."
            )
        case .canary:
            guard let championServed = championModel else {
                throw LabError(.deployNoChampion, "a canary needs a champion to compare with")
            }
            var replay = CanaryReplay(
                champion: championServed, canary: candidateModel, rows: rows, today: production.today,
                rollout: rollout, platform: settings.platform, analysis: settings.analysis,
                meter: meter)
            return try controller.runCanary(rollout, settings: settings.analysis, actor: actor) {
                step, weight, interval in
                replay.measure(step: step, weight: weight, interval: interval)
            }
        }
    }
}

/// Production as the clock sees it now: the running scenario's stream and today's day in it.
struct ProductionView {
    let scenario: Scenario
    let stream: ProductionStream
    let now: Date
    let today: Int

    init(workspace: Workspace) throws {
        scenario = try ScenarioState(workspace: workspace).current()
        stream = try scenario.stream()
        now = try workspace.clock.now()
        today = scenario.streamDay(at: now)
        guard today >= 0 else {
            throw LabError(
                .trafficBeforeStream,
                "the simulated clock (\(SimulatedClock.format(now))) is before production starts on \(scenario.streamStart) in scenario \(scenario.name)"
            )
        }
    }
}
