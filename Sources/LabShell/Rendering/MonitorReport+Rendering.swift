import Foundation
import LabSupport
import PipelineEngine

extension MonitorReport {
    /// Production day by day: a table, trend lines, and drift per feature over time.
    func render(_ style: TerminalStyle) -> String {
        let first = days.first?.date ?? ""
        let last = days.last?.date ?? ""
        var lines = [
            style.bold("Production \(first) → \(last)") + " · scenario \(scenario) · champion "
                + (champion.map { "v\($0)" } ?? "none")
        ]
        lines.append("")
        var table = TextTable(
            headers: ["DAY", "REQUESTS", "ERRORS", "P95", "ACCURACY", "LABELS BACK"],
            rightAligned: [1, 2, 3, 4, 5])
        for day in days {
            table.append([
                day.date, "\(day.requests)", day.errorRate.map(RolloutRendering.share) ?? "–",
                day.p95Ms.map(DurationText.milliseconds) ?? "–",
                day.accuracy.map { String(format: "%.3f", $0) } ?? "–",
                day.requests > 0 ? "\(day.requests - day.pending)/\(day.requests)" : "–",
            ])
        }
        lines.append(table.render(style))
        lines.append(style.dim("ACCURACY is measured on live traffic: the requests whose labels are back."))
        if days.count > 1 {
            lines.append("")
            // Shares on their fixed 0–1 scale, so 0 % errors never look like 100 %; the rest on
            // their own range, printed beside them.
            let share = TrendScale.fixed(0...1, label: "0–100%")
            let trends: [(String, [Double], TrendScale, (Double) -> String)] = [
                ("requests", days.map { Double($0.requests) }, .own, { String(Int($0)) }),
                ("errors", days.map { $0.errorRate ?? .nan }, share, RolloutRendering.share),
                ("p95", days.map { $0.p95Ms ?? .nan }, .own, DurationText.milliseconds),
                (
                    "accuracy", days.map { $0.accuracy ?? .nan }, .fixed(0...1, label: "0–1"),
                    { String(format: "%.3f", $0) }
                ),
            ]
            for (name, values, scale, format) in trends where values.contains(where: \.isFinite) {
                lines.append("  \(pad(name, 9)) \(Charts.trend(values, scale: scale, format: format))")
            }
        }
        let columns = days.last?.drift.map(\.column) ?? []
        if !columns.isEmpty {
            lines.append("")
            let threshold = days.last?.drift.first.map { NumberText.short($0.threshold) } ?? ""
            let test = method.isTest ? "p ≤ \(threshold)" : "≥ \(threshold)"
            lines.append(
                style.bold("Drift per feature")
                    + style.dim(" (\(method.rawValue) against \(reference); drifted when \(test))"))
            let width = columns.map(displayWidth).max() ?? 0
            let limit = days.last?.drift.first?.threshold ?? 0.1
            for column in columns {
                let series = days.map { day in day.drift.first { $0.column == column } }
                // Distances on one scale, from 0 to twice the threshold (or the largest), so that
                // noise looks small and a crossing looks like one; tests by how small p gets.
                let values = series.map { entry -> Double in
                    guard let entry else { return .nan }
                    return method.isTest ? -log10(max(entry.pValue ?? 1, 1e-300)) : entry.statistic
                }
                let ceiling = max(method.isTest ? -log10(limit) * 2 : limit * 2, values.filter(\.isFinite).max() ?? 0)
                guard let latest = series.last ?? nil else { continue }
                let value =
                    method.isTest
                    ? "p " + String(format: "%.3f", latest.pValue ?? 1) : String(format: "%.3f", latest.statistic)
                let firstDrift = zip(days, series).first { $0.1?.drifted == true }.map { " since \($0.0.date)" } ?? ""
                let verdict = latest.drifted ? style.red("drifted\(firstDrift)") : style.green("ok")
                lines.append(
                    "  \(pad(column, width))  \(Charts.sparkline(values, from: 0, to: ceiling))  \(pad(value, 7, right: true))  \(verdict)"
                )
            }
        }
        lines += renderSkew(style)
        return lines.joined(separator: "\n")
    }

    /// Skew per feature on the last day, and since when, with what sets it apart from drift.
    private func renderSkew(_ style: TerminalStyle) -> [String] {
        guard let trainingData, let served = days.last(where: { !$0.skew.isEmpty }), let first = served.skew.first
        else { return [] }
        let latest = served.skew
        let threshold = NumberText.short(first.threshold)
        let test = method.isTest ? "p ≤ \(threshold)" : "≥ \(threshold)"
        var lines = [
            "",
            style.bold("Skew per feature")
                + style.dim(
                    " (\(method.rawValue) of the features served in the three days to \(served.date) against the training data \(trainingData); skewed when \(test))"
                ),
        ]
        let width = latest.map { displayWidth($0.column) }.max() ?? 0
        for entry in latest {
            let value =
                method.isTest
                ? "p " + String(format: "%.3f", entry.pValue ?? 1) : String(format: "%.3f", entry.statistic)
            let since =
                days.first { day in day.skew.contains { $0.column == entry.column && $0.drifted } }
                .map { " since \($0.date)" } ?? ""
            let verdict = entry.drifted ? style.red("skewed\(since)") : style.green("ok")
            lines.append("  \(pad(entry.column, width))  \(pad(value, 7, right: true))  \(verdict)")
        }
        lines.append(
            style.dim(
                "Skew: same time, different path (the training data against what serving sends the model). Drift: same path, different time (production now against production in \(reference)). A bug in the serving path that was already there in the reference week shows as skew, not as drift."
            ))
        return lines
    }
}
