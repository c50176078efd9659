import Foundation

/// How a new version reaches production.
public enum DeploymentStrategy: String, Sendable, Codable, CaseIterable {
    /// All traffic moves to the new version at once; it becomes the champion.
    case direct
    /// The new version answers mirrored traffic; its answers are logged and compared, never served.
    case shadow
    /// Traffic moves in weighted steps, each analysed against the champion before the next.
    case canary
}

/// Where a rollout stands.
public enum RolloutStatus: String, Sendable, Codable, CaseIterable {
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
    public var isActive: Bool { self == .progressing || self == .shadowing }
}

/// How fast each version serves on the platform, measured when a rollout starts.
public struct ServiceTime: Sendable, Equatable, Codable {
    public var version: Int
    /// The median of real single-prediction latencies on this machine, in milliseconds.
    public var measuredMs: Double
    /// The platform service time: the baseline's service time scaled by the measured ratio.
    public var serviceMs: Double

    public init(version: Int, measuredMs: Double, serviceMs: Double) {
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
public struct Rollout: Sendable, Equatable, Codable {
    public var id: Int
    public var strategy: DeploymentStrategy
    /// The version being deployed.
    public var candidate: Int
    /// The champion when the rollout started: the stable version, and where a rollback returns.
    public var champion: Int?
    /// Traffic weights in percent, in order (`[100]` for direct, `[0]` for shadow).
    public var steps: [Int]
    /// The step reached, 0-based.
    public var stepIndex: Int
    public var status: RolloutStatus
    /// Why it is where it is: the analysis verdict, or the reason given by hand.
    public var reason: String
    public var loadLevel: LoadLevel
    /// Service times measured at the start (the platform baseline's included).
    public var serviceTimes: [ServiceTime]
    /// Simulated time when it started.
    public var simulatedAt: Date
    public var startedAt: Date
    public var updatedAt: Date
    public var startedBy: String

    /// The share of live traffic the candidate serves now, in percent.
    public var candidateWeight: Int {
        switch status {
        case .progressing: steps.indices.contains(stepIndex) ? steps[stepIndex] : 0
        case .promoted: 100
        case .shadowing, .rolledBack, .aborted: 0
        }
    }

    /// The platform service time of `version`, if it was measured.
    public func serviceMs(of version: Int) -> Double? {
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
public struct StepAnalysis: Sendable, Equatable, Codable {
    /// 0-based.
    public var stepIndex: Int
    public var weight: Int
    /// `successful` or `failed`.
    public var verdict: IntervalAnalysis.Verdict
    public var intervals: [IntervalAnalysis]
    /// Whether the step passed without analysis because someone promoted by hand.
    public var skipped: Bool

    enum CodingKeys: String, CodingKey {
        case weight, verdict, intervals, skipped
        case stepIndex = "step_index"
    }
}
