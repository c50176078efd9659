import Foundation
import LabSupport
import PipelineEngine

extension TrainingReport {
    /// The training summary: what was trained from what, how long it took, and its test metrics.
    func render(_ style: TerminalStyle, source: String? = nil) -> String {
        var lines: [String] = []
        var title = "Trained \(style.bold(model.kind.rawValue))"
        if let source { title += " on \(source)" }
        if let out { title += " → \(out)" }
        lines.append(title)
        lines.append("  target    \(model.target)" + classesNote)
        let width = encodings.reduce(0) { $0 + $1.width }
        lines.append("  features  \(encodings.count) columns → \(width) model features")
        let nameWidth = encodings.map { displayWidth($0.column) }.max() ?? 0
        for encoding in encodings {
            lines.append("            " + pad(encoding.column, nameWidth) + "  " + style.dim(describe(encoding)))
        }
        for column in leftOut {
            lines.append(
                "            " + style.yellow("left out \(column)")
                    + style.dim(
                        ": every value is distinct, like an identifier (name it in --features to use it)"))
        }
        var rows = "  rows      \(trainRows) train · \(testRows) test"
        if skippedRows > 0 { rows += style.yellow(" · \(skippedRows) skipped (no \(model.target))") }
        lines.append(rows)
        var fit = "  fit       \(DurationText.seconds(trainSeconds))"
        if let iterations, let converged {
            fit +=
                " · \(iterations) L-BFGS iterations · "
                + style.verdict(converged ? "converged" : "did not converge", ok: converged)
        }
        lines.append(fit)
        lines.append(
            "  hashes    model \(MetricsRendering.short(model.hash)) · data \(MetricsRendering.short(model.dataHash)) · params \(MetricsRendering.short(model.paramsHash))"
        )
        lines.append("")
        lines.append(style.bold("Test metrics") + style.dim(averageNote))
        lines.append(MetricsRendering.table(metrics, style))
        if let confusionMatrix {
            lines.append("")
            lines.append(style.bold("Confusion matrix") + style.dim(" (rows: actual, columns: predicted)"))
            lines.append(MetricsRendering.confusionMatrix(confusionMatrix, style))
        }
        return lines.joined(separator: "\n")
    }

    private var classesNote: String {
        guard !model.classes.isEmpty else { return " (regression)" }
        var note = " (classes \(model.classes.joined(separator: ", "))"
        if let positiveClass { note += "; positive \(positiveClass)" }
        return note + ")"
    }

    private var averageNote: String {
        switch average {
        case "binary": " (positive class \(positiveClass ?? "?"))"
        case "macro": " (precision, recall and F1 are macro averages)"
        default: ""
        }
    }

    private func describe(_ encoding: ColumnEncoding) -> String {
        switch encoding.encoding {
        case "numeric": encoding.width == 2 ? "numeric, standardised, + missing flag" : "numeric, standardised"
        case "categorical": "categorical, one-hot over \(encoding.width) values"
        case "text": "text, hashed into \(encoding.width) word buckets"
        default: encoding.encoding
        }
    }
}
