/// What `evaluate` reports: metrics, measured latency and memory, and per-slice fairness.
///
/// Encodes to the `evaluate --json` contract: `metrics`, `latency_ms` (`p50`, `p95`, `p99`)
/// and `slices` (`column`, `value`, `rows`, `metrics`), plus the details below.
public struct EvaluationReport: Sendable, Encodable {
    public var model: ModelSummary
    public var task: ModelKind.Task
    /// Rows compared with their target (rows with a null target are skipped).
    public var rows: Int
    public var skippedRows: Int
    public var metrics: MetricSet
    /// `binary` or `macro` for classifiers: how precision, recall and F1 were averaged.
    public var average: String?
    public var positiveClass: String?
    public var confusionMatrix: ConfusionMatrix?
    /// Measured times of single-row predictions.
    public var latencyMs: LatencyPercentiles
    /// Rows per second when the whole table is predicted at once.
    public var throughputRowsPerSecond: Double
    public var batchSeconds: Double
    /// The process's peak resident memory after evaluating.
    public var peakMemoryMb: Double
    public var slices: [SliceMetrics]
    /// Fairness across the slices, for binary classifiers evaluated with a slice column.
    public var fairness: FairnessMetrics?
    /// The data file the metrics were measured on, as the user named it, so that this accuracy
    /// is not mistaken for the registry's (test split) or production's (live traffic).
    public var measuredOn: String? = nil

    enum CodingKeys: String, CodingKey {
        case model, task, rows, metrics, average, slices, fairness
        case measuredOn = "measured_on"
        case skippedRows = "skipped_rows"
        case positiveClass = "positive_class"
        case confusionMatrix = "confusion_matrix"
        case latencyMs = "latency_ms"
        case throughputRowsPerSecond = "throughput_rows_per_second"
        case batchSeconds = "batch_seconds"
        case peakMemoryMb = "peak_memory_mb"
    }
}

/// The metrics of the rows that share one value of the slice column.
public struct SliceMetrics: Sendable, Equatable, Encodable {
    public var column: String
    /// The shared value, or nil for the rows where the column is null.
    public var value: String?
    public var rows: Int
    /// The usual metrics, plus `selection_rate`, `tpr` and `fpr` for a binary classifier.
    public var metrics: MetricSet

    enum CodingKeys: String, CodingKey {
        case column, value, rows, metrics
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(column, forKey: .column)
        try container.encode(value, forKey: .value)
        try container.encode(rows, forKey: .rows)
        try container.encode(metrics, forKey: .metrics)
    }
}
