import Foundation
import PipelineEngine

/// Terminal drawings shared by the training and evaluation reports: metric tables, confusion
/// matrices, durations.
enum MetricsRendering {
    /// Metrics that live in [0, 1] and read better with a bar next to them.
    static let unitMetrics: Set<String> = [
        "accuracy", "precision", "recall", "f1", "roc_auc", "r2", "selection_rate", "tpr", "fpr",
    ]

    /// A `METRIC VALUE` table, with a bar for metrics that are shares.
    static func table(_ metrics: MetricSet, _ style: TerminalStyle) -> String {
        var table = TextTable(headers: ["METRIC", "VALUE", ""], rightAligned: [1])
        for entry in metrics.entries {
            var bar = ""
            if let value = entry.value, unitMetrics.contains(entry.name), (0...1).contains(value) {
                bar = style.cyan(Charts.bar(value, width: 30))
            }
            table.append([entry.name, number(entry.value), bar])
        }
        // The bar column has no header: drop the spaces that pad the header line to it.
        return table.render(style).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix(" ") ? String($0.reversed().drop { $0 == " " }.reversed()) : String($0) }
            .joined(separator: "\n")
    }

    /// A confusion matrix as a grid, actual classes down and predicted across, the correct
    /// predictions (the diagonal) in green and mistakes in red.
    static func confusionMatrix(_ matrix: ConfusionMatrix, _ style: TerminalStyle) -> String {
        let labels = matrix.labels
        let cell =
            max(labels.map(displayWidth).max() ?? 1, matrix.counts.joined().map { String($0).count }.max() ?? 1) + 2
        let side = max("actual".count, labels.map(displayWidth).max() ?? 0) + 2
        var lines: [String] = []
        lines.append(pad("", side) + "│ " + style.dim("predicted"))
        lines.append(pad(" actual", side) + "│" + labels.map { pad($0, cell, right: true) }.joined())
        lines.append(String(repeating: "─", count: side) + "┼" + String(repeating: "─", count: cell * labels.count))
        for (i, label) in labels.enumerated() {
            let cells = matrix.counts[i].enumerated().map { j, count -> String in
                let text = pad(String(count), cell, right: true)
                if i == j { return count > 0 ? style.green(text) : text }
                return count > 0 ? style.red(text) : style.dim(text)
            }
            lines.append(pad(" " + label, side) + "│" + cells.joined())
        }
        return lines.joined(separator: "\n")
    }

    /// A metric value with four decimals, or `n/a` when it is undefined.
    static func number(_ value: Double?, digits: Int = 4) -> String {
        guard let value else { return "n/a" }
        return String(format: "%.\(digits)f", value)
    }

    /// A whole number with thousands separators: `1,250,000`.
    static func grouped(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var out = ""
        for (i, digit) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0, digit != "-" { out.append(",") }
            out.append(digit)
        }
        return String(out.reversed())
    }

    /// The first twelve hex digits of a hash, enough to tell models apart at a glance.
    static func short(_ hash: String) -> String { String(hash.prefix(12)) }
}
