/// What gates judge: the candidate's measured metrics and resources, and what it is compared with.
package struct GateEvidence: Sendable, Equatable {
    /// Quality metrics of the candidate on evaluation data (`accuracy`, `f1`, `rmse`, ...).
    package var metrics: [String: Double]
    /// Per-prediction latency percentiles in milliseconds (`p50`, `p95`, `p99`).
    package var latencyMs: [String: Double]
    /// Peak memory of evaluation in megabytes.
    package var peakMemoryMb: Double?
    /// The evaluation data's columns and their types.
    package var columns: [String: ColumnType]
    /// Fairness per slice column: `demographic_parity_ratio`, `equalized_odds_difference`.
    package var fairness: [String: [String: Double]]
    /// The champion's metrics, when the registry has a champion.
    package var championMetrics: [String: Double]?
    /// The champion's version, for messages.
    package var championVersion: Int?
    /// Share of mirrored requests where the candidate agreed with the champion.
    package var shadowAgreement: Double?
    /// The candidate's and the champion's latency timed in turn on the same rows, when a
    /// latency gate has `max_ratio` and there is a champion that could score the data.
    package var relativeLatency: RelativeLatency?

    package init(
        metrics: [String: Double] = [:], latencyMs: [String: Double] = [:], peakMemoryMb: Double? = nil,
        columns: [String: ColumnType] = [:], fairness: [String: [String: Double]] = [:],
        championMetrics: [String: Double]? = nil, championVersion: Int? = nil,
        shadowAgreement: Double? = nil
    ) {
        self.metrics = metrics
        self.latencyMs = latencyMs
        self.peakMemoryMb = peakMemoryMb
        self.columns = columns
        self.fairness = fairness
        self.championMetrics = championMetrics
        self.championVersion = championVersion
        self.shadowAgreement = shadowAgreement
    }
}

/// Whether a smaller value of `metric` is better (errors, losses, latency).
package func lowerIsBetter(_ metric: String) -> Bool {
    ["rmse", "mae", "mse", "log_loss", "error_rate", "latency_p95_ms", "latency_p99_ms"].contains(metric)
}
