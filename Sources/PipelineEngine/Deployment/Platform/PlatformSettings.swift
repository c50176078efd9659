/// The simulated production platform the sandbox's models are served on.
///
/// Models run for real, but the platform is a model: a number of replicas per version, a
/// request rate per load level, a client timeout. One number ties the two together, the
/// service time of the platform's baseline model ("the champion serves at 20 ms per request
/// on this platform"); every other model's service time is scaled from it by the ratio of
/// their real, measured prediction latencies, so relative speed is real.
package struct PlatformSettings: Sendable, Equatable, Codable {
    /// The baseline model's service time per request on this platform, in milliseconds.
    package var baselineServiceMs: Double = 20
    /// Replicas of the stable version; a canary gets its weight's share of them, at least one.
    package var replicas: Int = 4
    /// Requests per second at the normal load level.
    package var requestsPerSecond: Double = 20
    /// How many times the normal rate the holiday load level brings.
    package var holidayMultiplier: Double = 4
    /// Clients give up after this long; a request that waits longer counts as an error (504).
    package var timeoutMs: Double = 1000
    /// The stretch of traffic one analysis interval stands for, in seconds.
    package var intervalSeconds: Double = 60

    package init() {}

    /// The request rate at `level`.
    package func requestsPerSecond(at level: LoadLevel) -> Double {
        switch level {
        case .normal: requestsPerSecond
        case .holiday: requestsPerSecond * holidayMultiplier
        }
    }

    /// The replicas a canary at `weight` percent runs: its share of the stable count, rounded
    /// up, at least one (as a rollout controller scales a canary's replica set).
    package func canaryReplicas(weight: Int) -> Int {
        max(1, Int((Double(replicas) * Double(weight) / 100).rounded(.up)))
    }

    enum CodingKeys: String, CodingKey {
        case replicas
        case baselineServiceMs = "baseline_service_ms"
        case requestsPerSecond = "requests_per_second"
        case holidayMultiplier = "holiday_multiplier"
        case timeoutMs = "timeout_ms"
        case intervalSeconds = "interval_seconds"
    }
}

/// How busy production is: the request rate the platform must absorb.
package enum LoadLevel: String, Sendable, Codable, CaseIterable {
    /// An ordinary day.
    case normal
    /// A holiday peak: the normal rate times the platform's holiday multiplier.
    case holiday
}
