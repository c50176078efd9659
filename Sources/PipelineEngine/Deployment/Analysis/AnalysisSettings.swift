/// The success conditions a canary step's analysis applies, and how much evidence it gathers.
///
/// The defaults mirror a cautious rollout controller: three intervals per step, no failed
/// interval tolerated, a p95 latency objective, no more errors than the champion plus one
/// point, and live accuracy no more than two points below the champion once enough labels
/// have come back to tell.
package struct AnalysisSettings: Sendable, Equatable, Codable {
    /// Intervals measured per step.
    package var intervals: Int = 3
    /// Requests replayed per interval, split between champion and canary by weight.
    package var requestsPerInterval: Int = 200
    /// Failed intervals a step tolerates; one more fails the step (Argo's `failureLimit`).
    package var failureLimit: Int = 0
    /// The canary's p95 latency objective, in milliseconds.
    package var maxP95Ms: Double = 250
    /// How far the canary's error rate may exceed the champion's (0.01: one point).
    package var maxErrorRateIncrease: Double = 0.01
    /// How far the canary's live accuracy may fall below the champion's.
    package var maxAccuracyDrop: Double = 0.02
    /// Labelled requests each version needs before live accuracy is judged.
    package var minLabelled: Int = 30

    package init() {}

    enum CodingKeys: String, CodingKey {
        case intervals
        case requestsPerInterval = "requests_per_interval"
        case failureLimit = "failure_limit"
        case maxP95Ms = "max_p95_ms"
        case maxErrorRateIncrease = "max_error_rate_increase"
        case maxAccuracyDrop = "max_accuracy_drop"
        case minLabelled = "min_labelled"
    }
}
