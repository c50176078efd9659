import Foundation
import LabSupport
import PipelineEngine

extension EvaluationReport {
    /// The evaluation: metrics, confusion matrix, measured latency and memory, slices and fairness.
    func render(_ style: TerminalStyle, source: String? = nil) -> String {
        var lines: [String] = []
        var title = "Evaluated \(style.bold(model.kind.rawValue)) model \(MetricsRendering.short(model.hash))"
        title += " on \(rows) rows" + (source.map { " of \($0)" } ?? "")
        lines.append(title)
        if skippedRows > 0 { lines.append(style.yellow("  \(skippedRows) rows skipped: no \(model.target) value")) }
        lines.append("")
        // Where they were measured: the registry's come from the test split, production's from
        // live traffic, and the three accuracies differ.
        lines.append(
            style.bold("Metrics") + (source.map { " on \($0) (\(rows) rows)" } ?? "")
                + style.dim(
                    average == "binary"
                        ? " (positive class \(positiveClass ?? "?"))"
                        : average == "macro" ? " (precision, recall and F1 are macro averages)" : ""))
        lines.append(MetricsRendering.table(metrics, style))
        if let confusionMatrix {
            lines.append("")
            lines.append(style.bold("Confusion matrix") + style.dim(" (rows: actual, columns: predicted)"))
            lines.append(MetricsRendering.confusionMatrix(confusionMatrix, style))
        }
        lines.append("")
        lines.append(renderPerformance(style))
        if !slices.isEmpty {
            lines.append("")
            lines.append(renderSlices(style))
        }
        return lines.joined(separator: "\n")
    }

    /// Latency percentiles as bars, batch throughput and peak memory.
    func renderPerformance(_ style: TerminalStyle) -> String {
        var lines = [style.bold("Latency") + style.dim(" (\(latencyMs.samples) single-row predictions, measured)")]
        let items = [("p50", latencyMs.p50), ("p95", latencyMs.p95), ("p99", latencyMs.p99)]
        lines.append(
            Charts.bars(items.map { (label: "  " + $0.0, value: $0.1) }, width: 30) {
                DurationText.milliseconds($0)
            })
        lines.append(
            "  throughput  \(MetricsRendering.grouped(throughputRowsPerSecond)) rows/s"
                + style.dim(" (\(rows + skippedRows) rows in \(DurationText.seconds(batchSeconds)))"))
        lines.append("  peak memory \(String(format: "%.1f", peakMemoryMb)) MB")
        return lines.joined(separator: "\n")
    }

    /// One row per slice with its metrics, then the fairness numbers across the slices.
    func renderSlices(_ style: TerminalStyle) -> String {
        let column = slices[0].column
        let names: [String] =
            switch (task, average) {
            case (.regression, _): ["rmse", "mae", "r2"]
            case (_, "binary"): ["accuracy", "f1", "selection_rate", "tpr", "fpr"]
            default: ["accuracy", "precision", "recall", "f1"]
            }
        var table = TextTable(
            headers: [column.uppercased(), "ROWS"] + names.map { $0.uppercased() },
            rightAligned: Set(1...(names.count + 1)))
        for slice in slices {
            table.append(
                [slice.value ?? style.dim("(null)"), String(slice.rows)]
                    + names.map { MetricsRendering.number(slice.metrics[$0]) })
        }
        var lines = [style.bold("Slices by \(column)"), table.render(style)]
        if let fairness {
            lines.append("")
            lines.append(
                style.bold("Fairness across \(column)")
                    + style.dim(" (positive class \(positiveClass ?? "?"), as Fairlearn)"))
            let ratio = fairness.demographicParityRatio
            let fair = (ratio ?? 0) >= 0.8
            lines.append(
                "  demographic parity ratio   " + pad(MetricsRendering.number(ratio, digits: 3), 6, right: true) + "  "
                    + style.verdict(fair ? "✓ at least 0.8" : "✗ below 0.8", ok: fair)
                    + style.dim("  min/max selection rate; 1 = groups selected alike"))
            let difference = fairness.equalizedOddsDifference
            let even = difference <= 0.1
            lines.append(
                "  equalized odds difference  " + pad(MetricsRendering.number(difference, digits: 3), 6, right: true)
                    + "  "
                    + style.verdict(even ? "✓ at most 0.1" : "✗ above 0.1", ok: even)
                    + style.dim("  largest TPR or FPR gap; 0 = equal error rates"))
        }
        return lines.joined(separator: "\n")
    }
}
