import Foundation
import LabSupport

/// Scores a trained model on a table: metrics, real latency, memory, slices and fairness.
package enum Evaluator {
    /// The most groups a slice column may have; more would make an unreadable table.
    package static let maxSlices = 50

    /// Evaluates the model of `file` on `table`, reported under the file's SHA-256.
    package static func evaluate(
        _ file: ModelFile, on table: DataTable, slice: String? = nil, timedRows: Int = 1000
    ) throws -> EvaluationReport {
        try evaluate(file.model, on: table, slice: slice, timedRows: timedRows, identity: file.sha256)
    }

    /// Evaluates `model` on `table`, timing single-row predictions of its first `timedRows` rows;
    /// `identity` is the SHA-256 of the file it was read from, if any.
    package static func evaluate(
        _ model: TrainedModel, on table: DataTable, slice: String? = nil,
        timedRows: Int = 1000, identity: String? = nil
    ) throws -> EvaluationReport {
        let target = try table.requireColumn(model.target)
        let sliceColumn = try slice.map { try table.requireColumn($0) }
        var predictor = try ModelPredictor(model: model, table: table)

        // Latency: each prediction timed on its own, as a service answers one request.
        var times: [Double] = []
        var sink = 0.0
        for row in 0..<min(timedRows, table.rowCount) {
            let start = WallClock.instant()
            sink += predictor.predict(row: row)
            times.append(WallClock.seconds(since: start) * 1000)
        }
        blackHole(sink)

        let start = WallClock.instant()
        let predictions = predictor.predictAll()
        let batchSeconds = WallClock.seconds(since: start)

        let (scored, rows) = try ScoredRows.make(
            model: model, predictions: predictions, target: target, source: table.source)
        var slices: [SliceMetrics] = []
        var fairness: FairnessMetrics?
        if let sliceColumn {
            let (values, groups) = try sliceGroups(sliceColumn, rows: rows)
            for (g, value) in values.enumerated() {
                let positions = groups.indices.filter { groups[$0] == g }
                let part = scored.restricted(to: positions)
                slices.append(
                    SliceMetrics(
                        column: sliceColumn.name, value: value, rows: positions.count,
                        metrics: sliceMetrics(part)))
            }
            if case .classification(let classified) = scored, let positive = classified.positive {
                fairness = FairnessMetrics(
                    truth: classified.truth.map { $0 == positive },
                    predicted: classified.predicted.map { $0 == positive }, groups: groups)
            }
        }
        return EvaluationReport(
            model: try ModelSummary(model, hash: identity), task: model.task, rows: rows.count,
            skippedRows: table.rowCount - rows.count,
            metrics: scored.metrics(), average: scored.average,
            positiveClass: scored.average == "binary" ? model.positiveClass : nil,
            confusionMatrix: scored.confusionMatrix, latencyMs: LatencyPercentiles(milliseconds: times),
            throughputRowsPerSecond: batchSeconds > 0 ? Double(table.rowCount) / batchSeconds : 0,
            batchSeconds: batchSeconds, peakMemoryMb: peakMemoryMegabytes(), slices: slices, fairness: fairness)
    }

    /// The distinct values of the slice column over `rows` (nulls last, as nil) and each row's group.
    static func sliceGroups(_ column: Column, rows: [Int]) throws -> (values: [String?], groups: [Int]) {
        let text = rows.map { column.text(at: $0) }
        let present = LabelOrder.sorted(text.compactMap { $0 })
        guard present.count + (text.contains(nil) ? 1 : 0) <= maxSlices else {
            throw LabError(
                .evaluateTooManySlices,
                "slice column '\(column.name)' has \(present.count) distinct values; pick a column with at most \(maxSlices) groups"
            )
        }
        var index: [CodePoints: Int] = [:]
        for (i, value) in present.enumerated() { index[CodePoints(value)] = i }
        let groups = text.map { value in value.flatMap { index[CodePoints($0)] } ?? present.count }
        let values: [String?] = present + (text.contains(nil) ? [nil] : [])
        return (values, groups)
    }

    /// A slice's metrics, with the rates fairness is made of for a binary classifier.
    static func sliceMetrics(_ part: ScoredRows) -> MetricSet {
        var metrics = part.metrics()
        if case .classification(let rows) = part, let positive = rows.positive,
            let rates = FairnessMetrics.groupRates(
                truth: rows.truth.map { $0 == positive },
                predicted: rows.predicted.map { $0 == positive },
                groups: rows.truth.map { _ in 0 }
            ).first
        {
            metrics["selection_rate"] = rates.selectionRate
            metrics["tpr"] = rates.truePositiveRate
            metrics["fpr"] = rates.falsePositiveRate
        }
        return metrics
    }
}

/// Keeps a computed value alive so the optimiser cannot drop the work that made it.
@inline(never) @_optimize(none) func blackHole(_ value: Double) {}
