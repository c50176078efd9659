/// What `evaluate` reports: metrics, measured latency and memory, and per-slice fairness.
///
/// Encodes to the `evaluate --json` contract: `metrics`, `latency_ms` (`p50`, `p95`, `p99`)
/// and `slices` (`column`, `value`, `rows`, `metrics`), plus the details below.
package struct EvaluationReport: Sendable, Encodable {
    package var model: ModelSummary
    package var task: ModelKind.Task
    /// Rows compared with their target (rows with a null target are skipped).
    package var rows: Int
    package var skippedRows: Int
    package var metrics: MetricSet
    /// `binary` or `macro` for classifiers: how precision, recall and F1 were averaged.
    package var average: String?
    package var positiveClass: String?
    package var confusionMatrix: ConfusionMatrix?
    /// Measured times of single-row predictions.
    package var latencyMs: LatencyPercentiles
    /// Rows per second when the whole table is predicted at once.
    package var throughputRowsPerSecond: Double
    package var batchSeconds: Double
    /// The process's peak resident memory after evaluating.
    package var peakMemoryMb: Double
    package var slices: [SliceMetrics]
    /// Fairness across the slices, for binary classifiers evaluated with a slice column.
    package var fairness: FairnessMetrics?
    /// The data file the metrics were measured on, as the user named it, so that this accuracy
    /// is not mistaken for the registry's (test split) or production's (live traffic).
    package var measuredOn: String? = nil

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
package struct SliceMetrics: Sendable, Equatable, Encodable {
    package var column: String
    /// The shared value, or nil for the rows where the column is null.
    package var value: String?
    package var rows: Int
    /// The usual metrics, plus `selection_rate`, `tpr` and `fpr` for a binary classifier.
    package var metrics: MetricSet

    enum CodingKeys: String, CodingKey {
        case column, value, rows, metrics
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(column, forKey: .column)
        try container.encode(value, forKey: .value)
        try container.encode(rows, forKey: .rows)
        try container.encode(metrics, forKey: .metrics)
    }
}
