import LabSupport

/// Two model files compared on the labelled rows of one data file: what `compare` shows.
package struct ComparisonReport: Sendable {
    package var champion: ComparedModel
    package var challenger: ComparedModel
    /// The data file, as the user named it.
    package var data: String
    /// Rows left out because their target is empty.
    package var skippedRows: Int
    package var comparison: PairedComparison

    /// One side of the comparison: the file as named, its kind and its SHA-256.
    package struct ComparedModel: Sendable, Equatable, Encodable {
        package var file: String
        package var kind: ModelKind
        package var hash: String
    }

    /// Scores both models on every row of `table` whose target has a value, and compares them
    /// on `metric` (by default accuracy for classifiers, mean absolute error for regressors).
    ///
    /// The two must predict the same target and be of the same task; `names` are the files as
    /// the user named them, for the report and the errors.
    package static func compare(
        champion: ModelFile, challenger: ModelFile, names: (champion: String, challenger: String),
        on table: DataTable, metric: ComparisonMetric?, rule: ComparisonRule
    ) throws -> ComparisonReport {
        let first = champion.model
        let second = challenger.model
        guard first.target == second.target else {
            throw LabError(
                .compareDifferentTargets,
                "the champion predicts '\(first.target)' but the challenger predicts '\(second.target)'; compare two models of the same target",
                file: names.challenger)
        }
        guard first.task == second.task else {
            throw LabError(
                .compareDifferentTasks,
                "the champion is a \(first.task.modelNoun) (\(first.kind.rawValue)) but the challenger is a \(second.task.modelNoun) (\(second.kind.rawValue)); compare two models of the same task",
                file: names.challenger)
        }
        let metric = metric ?? .standard(for: first.task)
        guard metric.task == first.task else {
            throw LabError(
                .compareMetricMismatch,
                "metric '\(metric.rawValue)' compares \(metric.task.modelNoun)s, but both models are \(first.task.modelNoun)s; use --metric \(ComparisonMetric.standard(for: first.task).rawValue)"
            )
        }
        let target = try table.requireColumn(first.target)
        let (championRows, kept) = try ScoredRows.make(
            model: first, predictions: try first.predict(table), target: target, source: table.source)
        let (challengerRows, _) = try ScoredRows.make(
            model: second, predictions: try second.predict(table), target: target, source: table.source)
        let needed = first.task == .regression ? 2 : 1
        guard kept.count >= needed else {
            throw LabError(
                .compareNoRows,
                "\(kept.count == 0 ? "no rows" : "only 1 row") with a '\(first.target)' value to compare the two models on"
                    + (first.task == .regression ? "; the paired t-test needs at least 2" : ""),
                file: table.source.isEmpty ? nil : table.source)
        }
        let comparison: PairedComparison
        switch (championRows, challengerRows) {
        case (.classification(let mine), .classification(let theirs)):
            comparison = try .classification(
                truth: mine.truth.map { mine.labels[$0] }, champion: mine.predicted.map { mine.labels[$0] },
                challenger: theirs.predicted.map { theirs.labels[$0] }, rule: rule)
        case (.regression(let truth, let mine), .regression(_, let theirs)):
            comparison = try .regression(truth: truth, champion: mine, challenger: theirs, rule: rule)
        default:
            // The tasks were checked equal above, so both scored the same way.
            preconditionFailure("two models of one task scored differently")
        }
        return ComparisonReport(
            champion: ComparedModel(file: names.champion, kind: first.kind, hash: champion.sha256),
            challenger: ComparedModel(file: names.challenger, kind: second.kind, hash: challenger.sha256),
            data: table.source, skippedRows: table.rowCount - kept.count, comparison: comparison)
    }
}

extension ModelKind.Task {
    /// "classifier" or "regressor".
    var modelNoun: String {
        switch self {
        case .classification: "classifier"
        case .regression: "regressor"
        }
    }
}
