/// What `train` reports: the model, its test metrics, the data sizes and how long it took.
///
/// Encodes to the `train --json` contract: `model`, `metrics`, `train_rows`, `test_rows`,
/// `train_seconds`, plus the details below.
package struct TrainingReport: Sendable, Encodable {
    package var model: ModelSummary
    package var task: ModelKind.Task
    /// Metrics on the test rows.
    package var metrics: MetricSet
    /// `binary` or `macro` for classifiers: how precision, recall and F1 were averaged.
    package var average: String?
    /// The class counted as positive by binary metrics.
    package var positiveClass: String?
    package var confusionMatrix: ConfusionMatrix?
    package var trainRows: Int
    package var testRows: Int
    /// Rows left out because their target was null.
    package var skippedRows: Int
    /// Seconds spent fitting the preprocessing and the model.
    package var trainSeconds: Double
    /// Optimiser iterations and convergence, for iteratively fitted models.
    package var iterations: Int?
    package var converged: Bool?
    package var encodings: [ColumnEncoding]
    /// Where the model file was written, when it was.
    package var out: String?
    /// Columns not used because they look like identifiers (every value distinct).
    package var leftOut: [String] = []

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
