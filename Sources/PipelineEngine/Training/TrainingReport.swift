/// What `train` reports: the model, its test metrics, the data sizes and how long it took.
///
/// Encodes to the `train --json` contract: `model`, `metrics`, `train_rows`, `test_rows`,
/// `train_seconds`, plus the details below.
public struct TrainingReport: Sendable, Encodable {
    public var model: ModelSummary
    public var task: ModelKind.Task
    /// Metrics on the test rows.
    public var metrics: MetricSet
    /// `binary` or `macro` for classifiers: how precision, recall and F1 were averaged.
    public var average: String?
    /// The class counted as positive by binary metrics.
    public var positiveClass: String?
    public var confusionMatrix: ConfusionMatrix?
    public var trainRows: Int
    public var testRows: Int
    /// Rows left out because their target was null.
    public var skippedRows: Int
    /// Seconds spent fitting the preprocessing and the model.
    public var trainSeconds: Double
    /// Optimiser iterations and convergence, for iteratively fitted models.
    public var iterations: Int?
    public var converged: Bool?
    public var encodings: [ColumnEncoding]
    /// Where the model file was written, when it was.
    public var out: String?
    /// Columns not used because they look like identifiers (every value distinct).
    public var leftOut: [String] = []

    enum CodingKeys: String, CodingKey {
        case model, task, metrics, average
        case positiveClass = "positive_class"
        case confusionMatrix = "confusion_matrix"
        case trainRows = "train_rows"
        case testRows = "test_rows"
        case skippedRows = "skipped_rows"
        case trainSeconds = "train_seconds"
        case iterations, converged, encodings, out
        case leftOut = "left_out"
    }
}
