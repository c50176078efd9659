import Foundation
import PipelineEngine

/// How `drift` draws its report: a verdict line, a table of columns, notes, and for each
/// drifted column its reference and current shares side by side.
extension DriftReport {
    func render(_ style: TerminalStyle) -> String {
        var blocks = [summary(style), table(style)]
        let notes = columns.compactMap { result in
            result.reason.map { "  \(Self.title(result)): \($0)" }
        }
        if !notes.isEmpty { blocks.append(style.bold("Notes") + "\n" + notes.joined(separator: "\n")) }
        for result in columns where result.drifted {
            if let histogram = result.histogram {
                blocks.append(Self.histogram(result, histogram, style))
            }
        }
        return blocks.joined(separator: "\n\n")
    }

    /// The dataset's verdict in one sentence.
    func summary(_ style: TerminalStyle) -> String {
        let percent = { (share: Double) in "\(Int((share * 100).rounded()))%" }
        let counts = "\(driftedColumns) of \(testedColumns) tested column\(testedColumns == 1 ? "" : "s") drifted"
        let rows = style.dim("reference \(referenceRows) rows · current \(currentRows) rows")
        if testedColumns == 0 {
            return style.yellow("No column could be tested") + ": see the notes below.\n" + rows
        }
        let verdict =
            datasetDrift
            ? style.red("Dataset drift") + ": \(counts) (\(percent(shareDrifted)); drift at \(percent(driftShare)))."
            : style.green("No dataset drift")
                + ": \(counts) (\(percent(shareDrifted)); drift at \(percent(driftShare)))."
        return verdict + "\n" + rows
    }

    func table(_ style: TerminalStyle) -> String {
        var table = TextTable(
            headers: ["COLUMN", "KIND", "METHOD", "STATISTIC", "P-VALUE", "THRESHOLD", "EFFECT", "VERDICT"],
            rightAligned: [3, 4])
        for result in columns {
            let verdict: String
            switch result.verdict {
            case .drift: verdict = style.red("drift")
            case .noDrift: verdict = style.green("no drift")
            case .skipped: verdict = style.yellow("skipped")
            }
            table.append([
                Self.title(result),
                result.kind?.rawValue ?? "—",
                result.method?.rawValue ?? "—",
                result.statistic.map(Self.number) ?? "—",
                result.pValue.map(Self.pValue) ?? "—",
                Self.threshold(result),
                result.effectSize.map(Self.effect) ?? "—",
                verdict,
            ])
        }
        return table.render(style)
    }

    /// Two bars per bucket, reference above current, scaled to the largest share.
    static func histogram(_ result: DriftColumnResult, _ histogram: DriftHistogram, _ style: TerminalStyle) -> String {
        var heading = style.bold(title(result))
        if let method = result.method, let statistic = result.statistic {
            heading += style.dim("  \(method.rawValue) \(number(statistic))")
            if let p = result.pValue { heading += style.dim(", p = \(pValue(p))") }
        }
        let labelWidth = min(24, histogram.labels.map(displayWidth).max() ?? 0)
        let barWidth = max(10, min(40, style.width - labelWidth - 16))
        let top = max(histogram.reference.max() ?? 0, histogram.current.max() ?? 0)
        var lines = [heading]
        for (index, label) in histogram.labels.enumerated() {
            let shown = displayWidth(label) > labelWidth ? String(label.prefix(labelWidth - 1)) + "…" : label
            let ref = histogram.reference[index]
            let cur = histogram.current[index]
            let refBar = Charts.bar(top > 0 ? ref / top : 0, width: barWidth)
            let curBar = Charts.bar(top > 0 ? cur / top : 0, width: barWidth)
            lines.append("  \(pad(shown, labelWidth))  ref \(style.cyan(pad(refBar, barWidth))) \(share(ref))")
            lines.append("  \(pad("", labelWidth))  cur \(style.yellow(pad(curBar, barWidth))) \(share(cur))")
        }
        return lines.joined(separator: "\n")
    }

    static func title(_ result: DriftColumnResult) -> String {
        result.aspect.map { "\(result.column) · \($0)" } ?? result.column
    }

    static func number(_ value: Double) -> String {
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e5 || magnitude < 1e-3 { return String(format: "%.3g", value) }
        return String(format: "%.4f", value)
    }

    static func pValue(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value < 1e-4 { return String(format: "%.2g", value) }
        return String(format: "%.4f", value)
    }

    static func threshold(_ result: DriftColumnResult) -> String {
        guard let threshold = result.threshold, let method = result.method else { return "—" }
        let value = String(format: "%g", threshold)
        return method.isTest ? "p ≤ \(value)" : "≥ \(value)"
    }

    static func effect(_ effect: EffectSize) -> String {
        switch effect.kind {
        case .standardizedMeanDifference:
            return String(format: "d %+.2f", effect.value) + " \(effect.magnitude.rawValue)"
        case .totalVariation:
            return String(format: "tvd %.2f", effect.value) + " \(effect.magnitude.rawValue)"
        }
    }

    static func share(_ value: Double) -> String {
        String(format: "%5.1f%%", value * 100)
    }
}
