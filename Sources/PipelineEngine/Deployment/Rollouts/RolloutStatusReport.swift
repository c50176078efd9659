import Foundation

/// What `rollout status` shows, the way a rollout controller does: the latest rollout, the
/// replica sets with their weights and readiness, and each step's analysis verdicts.
package struct RolloutStatusReport: Sendable, Equatable, Codable {
    package var rollout: Rollout?
    package var steps: [StepAnalysis]
    package var champion: Int?
    package var challenger: Int?
    package var loadLevel: LoadLevel
    package var requestsPerSecond: Double
    package var replicaSets: [ReplicaSet]

    /// One version's replicas on the platform.
    package struct ReplicaSet: Sendable, Equatable, Codable {
        /// `stable`, `canary` or `shadow`.
        package var role: String
        package var version: Int
        /// Its share of live traffic in percent (a shadow's mirrored traffic is not counted).
        package var weight: Int
        package var replicas: Int
        /// Replicas whose model file loads and matches its registered checksum.
        package var ready: Int
        package var serviceMs: Double
        package var forecast: PoolForecast

        enum CodingKeys: String, CodingKey {
            case role, version, weight, replicas, ready, forecast
            case serviceMs = "service_ms"
        }
    }

    enum CodingKeys: String, CodingKey {
        case rollout, steps, champion, challenger
        case loadLevel = "load_level"
        case requestsPerSecond = "requests_per_second"
        case replicaSets = "replica_sets"
    }
}

extension RolloutController {
    /// The latest rollout as a controller would show it, with the platform at today's load.
    package func status(settings: DeploymentSettings) throws -> RolloutStatusReport {
        let registry = ModelRegistry(workspace: workspace)
        let latest = try store.latest()
        let champion = try registry.aliased("champion")?.version
        let level = try LabSettings(state: workspace.state).loadLevel()
        let platform = settings.platform
        let rate = platform.requestsPerSecond(at: level)
        func ready(_ version: Int, _ replicas: Int) -> Int {
            (try? registry.modelData("v\(version)")) == nil ? 0 : replicas
        }
        func set(_ role: String, _ version: Int, weight: Int, replicas: Int, mirrored: Bool = false)
            -> RolloutStatusReport.ReplicaSet
        {
            let service = latest?.serviceMs(of: version) ?? platform.baselineServiceMs
            let pool = ServingPool(
                requestsPerSecond: rate * Double(mirrored ? 100 : weight) / 100, replicas: replicas,
                serviceMs: service)
            return .init(
                role: role, version: version, weight: weight, replicas: replicas,
                ready: ready(version, replicas), serviceMs: service,
                forecast: QueueingModel.forecast(
                    pool, timeoutMs: platform.timeoutMs,
                    intervalSeconds: platform.intervalSeconds))
        }
        var sets: [RolloutStatusReport.ReplicaSet] = []
        if let champion {
            let canaryWeight = latest?.status == .progressing ? latest?.candidateWeight ?? 0 : 0
            sets.append(set("stable", champion, weight: 100 - canaryWeight, replicas: platform.replicas))
            if let latest, latest.status.isActive, latest.candidate != champion {
                if latest.status == .shadowing {
                    sets.append(set("shadow", latest.candidate, weight: 0, replicas: platform.replicas, mirrored: true))
                } else {
                    sets.append(
                        set(
                            "canary", latest.candidate, weight: canaryWeight,
                            replicas: platform.canaryReplicas(weight: canaryWeight)))
                }
            }
        }
        return RolloutStatusReport(
            rollout: latest, steps: try latest.map { try store.analyses(of: $0.id) } ?? [], champion: champion,
            challenger: try registry.aliased("challenger")?.version, loadLevel: level, requestsPerSecond: rate,
            replicaSets: sets)
    }
}
