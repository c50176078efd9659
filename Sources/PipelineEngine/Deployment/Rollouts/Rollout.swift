package import Foundation

/// How a new version reaches production.
package enum DeploymentStrategy: String, Sendable, Codable, CaseIterable {
    /// All traffic moves to the new version at once; it becomes the champion.
    case direct
    /// The new version answers mirrored traffic; its answers are logged and compared, never served.
    case shadow
    /// Traffic moves in weighted steps, each analysed against the champion before the next.
    case canary
}

/// Where a rollout stands.
package enum RolloutStatus: String, Sendable, Codable, CaseIterable {
    /// A canary is moving through its steps.
    case progressing
    /// A shadow is answering mirrored traffic, waiting for `promote` or `rollback`.
    case shadowing
    /// The candidate became the champion and serves all traffic.
    case promoted
    /// Traffic went back to the previous champion: a failed analysis, or `rollback` after promotion.
    case rolledBack = "rolled_back"
    /// Stopped by hand before it finished; the champion never changed.
    case aborted

    /// Whether the rollout is still under way (and blocks a new one).
    package var isActive: Bool { self == .progressing || self == .shadowing }
}

/// How fast each version serves on the platform, measured when a rollout starts.
package struct ServiceTime: Sendable, Equatable, Codable {
    package var version: Int
    /// The median of real single-prediction latencies on this machine, in milliseconds.
    package var measuredMs: Double
    /// The platform service time: the baseline's service time scaled by the measured ratio.
    package var serviceMs: Double

    package init(version: Int, measuredMs: Double, serviceMs: Double) {
        self.version = version
        self.measuredMs = measuredMs
        self.serviceMs = serviceMs
    }

    enum CodingKeys: String, CodingKey {
        case version
        case measuredMs = "measured_ms"
        case serviceMs = "service_ms"
    }
}

/// One deployment of a registry version, from start to its outcome.
package struct Rollout: Sendable, Equatable, Codable {
    package var id: Int
    package var strategy: DeploymentStrategy
    /// The version being deployed.
    package var candidate: Int
    /// The champion when the rollout started: the stable version, and where a rollback returns.
    package var champion: Int?
    /// Traffic weights in percent, in order (`[100]` for direct, `[0]` for shadow).
    package var steps: [Int]
    /// The step reached, 0-based.
    package var stepIndex: Int
    package var status: RolloutStatus
    /// Why it is where it is: the analysis verdict, or the reason given by hand.
    package var reason: String
    package var loadLevel: LoadLevel
    /// Service times measured at the start (the platform baseline's included).
    package var serviceTimes: [ServiceTime]
    /// Simulated time when it started.
    package var simulatedAt: Date
    package var startedAt: Date
    package var updatedAt: Date
    package var startedBy: String

    /// The share of live traffic the candidate serves now, in percent.
    package var candidateWeight: Int {
        switch status {
        case .progressing: steps.indices.contains(stepIndex) ? steps[stepIndex] : 0
        case .promoted: 100
        case .shadowing, .rolledBack, .aborted: 0
        }
    }

    /// The platform service time of `version`, if it was measured.
    package func serviceMs(of version: Int) -> Double? {
        serviceTimes.first { $0.version == version }?.serviceMs
    }

    enum CodingKeys: String, CodingKey {
        case id, strategy, candidate, champion, steps, status, reason
        case stepIndex = "step_index"
        case loadLevel = "load_level"
        case serviceTimes = "service_times"
        case simulatedAt = "simulated_at"
        case startedAt = "started_at"
        case updatedAt = "updated_at"
        case startedBy = "started_by"
    }
}

/// A step of a canary as it was analysed.
package struct StepAnalysis: Sendable, Equatable, Codable {
    /// 0-based.
    package var stepIndex: Int
    package var weight: Int
    /// `successful` or `failed`.
    package var verdict: IntervalAnalysis.Verdict
    package var intervals: [IntervalAnalysis]
    /// Whether the step passed without analysis because someone promoted by hand.
    package var skipped: Bool

    enum CodingKeys: String, CodingKey {
        case weight, verdict, intervals, skipped
        case stepIndex = "step_index"
    }
}
