/// What gates judge: the candidate's measured metrics and resources, and what it is compared with.
public struct GateEvidence: Sendable, Equatable {
    /// Quality metrics of the candidate on evaluation data (`accuracy`, `f1`, `rmse`, ...).
    public var metrics: [String: Double]
    /// Per-prediction latency percentiles in milliseconds (`p50`, `p95`, `p99`).
    public var latencyMs: [String: Double]
    /// Peak memory of evaluation in megabytes.
    public var peakMemoryMb: Double?
    /// The evaluation data's columns and their types.
    public var columns: [String: ColumnType]
    /// Fairness per slice column: `demographic_parity_ratio`, `equalized_odds_difference`.
    public var fairness: [String: [String: Double]]
    /// The champion's metrics, when the registry has a champion.
    public var championMetrics: [String: Double]?
    /// The champion's version, for messages.
    public var championVersion: Int?
    /// Share of mirrored requests where the candidate agreed with the champion.
    public var shadowAgreement: Double?

    public init(metrics: [String: Double] = [:], latencyMs: [String: Double] = [:], peakMemoryMb: Double? = nil,
                columns: [String: ColumnType] = [:], fairness: [String: [String: Double]] = [:],
                championMetrics: [String: Double]? = nil, championVersion: Int? = nil,
                shadowAgreement: Double? = nil) {
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
public func lowerIsBetter(_ metric: String) -> Bool {
    ["rmse", "mae", "mse", "log_loss", "error_rate", "latency_p95_ms", "latency_p99_ms"].contains(metric)
}
