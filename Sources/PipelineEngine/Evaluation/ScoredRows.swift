import LabSupport

/// A model's predictions set against the true target of the same rows, ready for metrics.
///
/// Rows whose target is null have no truth to compare with and are left out. A classifier's
/// truth and predictions share one label list: the model's classes plus any label seen only in
/// this data, in label order.
enum ScoredRows: Sendable {
    case classification(ClassifiedRows)
    case regression(truth: [Double], predicted: [Double])

    /// Pairs `predictions` with the target column of the same rows; `rows` lists the rows kept.
    static func make(model: TrainedModel, predictions: Predictions, target: Column, source: String) throws -> (
        ScoredRows, rows: [Int]
    ) {
        var rows: [Int] = []
        rows.reserveCapacity(target.count)
        for row in 0..<target.count where !target.isNull(row) { rows.append(row) }
        if model.task == .regression {
            guard target.isNumeric else {
                throw LabError(
                    .evaluateTargetNotNumeric,
                    "target '\(target.name)' holds \(target.type.rawValue) values in \(source.isEmpty ? "the data" : source), but the \(model.kind.rawValue) model predicts numbers"
                )
            }
            let truth = rows.compactMap { target.double(at: $0) }
            let predicted = rows.map { predictions.values[$0] }
            return (.regression(truth: truth, predicted: predicted), rows)
        }
        let truthText = rows.compactMap { target.text(at: $0) }
        let labels = LabelOrder.sorted(model.classes + truthText)
        var index: [CodePoints: Int] = [:]
        for (i, label) in labels.enumerated() { index[CodePoints(label)] = i }
        // Every class and every true label is in `labels`, so each finds its index.
        let classToLabel = model.classes.compactMap { index[CodePoints($0)] }
        let truth = truthText.compactMap { index[CodePoints($0)] }
        let predicted = rows.map { classToLabel[predictions.classIndices[$0]] }
        var positive: Int?
        var scores: [Double]?
        if let positiveClass = model.positiveClass, labels.count == 2, let probabilities = predictions.probabilities {
            positive = index[CodePoints(positiveClass)]
            scores = rows.map { probabilities[$0, 1] }
        }
        return (
            .classification(
                ClassifiedRows(
                    labels: labels, truth: truth, predicted: predicted,
                    positive: positive, positiveScores: scores)), rows
        )
    }

    /// The metrics of these rows: accuracy, precision, recall, F1 and ROC AUC, or RMSE, MAE and R².
    func metrics() -> MetricSet {
        switch self {
        case .classification(let rows): rows.metrics()
        case .regression(let truth, let predicted):
            MetricSet([
                "rmse": RegressionMetrics.rmse(truth, predicted),
                "mae": RegressionMetrics.mae(truth, predicted),
                "r2": RegressionMetrics.r2(truth, predicted),
            ])
        }
    }

    /// The same comparison restricted to some positions of it.
    func restricted(to positions: [Int]) -> ScoredRows {
        switch self {
        case .classification(let rows): .classification(rows.restricted(to: positions))
        case .regression(let truth, let predicted):
            .regression(truth: positions.map { truth[$0] }, predicted: positions.map { predicted[$0] })
        }
    }

    var count: Int {
        switch self {
        case .classification(let rows): rows.truth.count
        case .regression(let truth, _): truth.count
        }
    }

    var confusionMatrix: ConfusionMatrix? {
        if case .classification(let rows) = self {
            return ConfusionMatrix(labels: rows.labels, truth: rows.truth, predicted: rows.predicted)
        }
        return nil
    }

    /// `binary` (positive class named), `macro`, or nil for regression.
    var average: String? {
        if case .classification(let rows) = self { return rows.positive == nil ? "macro" : "binary" }
        return nil
    }
}

/// True and predicted labels as indices into one label list.
struct ClassifiedRows: Sendable {
    var labels: [String]
    var truth: [Int]
    var predicted: [Int]
    /// The positive label of a binary problem; nil when there are more than two labels.
    var positive: Int?
    /// The predicted probability of the positive label, per row, for ROC AUC.
    var positiveScores: [Double]?

    func metrics() -> MetricSet {
        var metrics = MetricSet()
        metrics["accuracy"] = ClassificationMetrics.accuracy(truth, predicted)
        let scores =
            positive.map { ClassificationMetrics.binary(truth, predicted, positive: $0) }
            ?? ClassificationMetrics.macro(truth, predicted)
        metrics["precision"] = scores.precision
        metrics["recall"] = scores.recall
        metrics["f1"] = scores.f1
        if let positive, let positiveScores {
            metrics["roc_auc"] = ClassificationMetrics.rocAUC(
                positive: truth.map { $0 == positive }, scores: positiveScores)
        }
        return metrics
    }

    func restricted(to positions: [Int]) -> ClassifiedRows {
        ClassifiedRows(
            labels: labels, truth: positions.map { truth[$0] }, predicted: positions.map { predicted[$0] },
            positive: positive, positiveScores: positiveScores.map { s in positions.map { s[$0] } })
    }
}
