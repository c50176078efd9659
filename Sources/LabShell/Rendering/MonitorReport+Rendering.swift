import Foundation
import PipelineEngine

extension MonitorReport {
    /// Production day by day: a table, trend lines, and drift per feature over time.
    func render(_ style: TerminalStyle) -> String {
        let first = days.first?.date ?? "", last = days.last?.date ?? ""
        var lines = [style.bold("Production \(first) → \(last)") + " · scenario \(scenario) · champion "
                     + (champion.map { "v\($0)" } ?? "none")]
        lines.append("")
        var table = TextTable(headers: ["DAY", "REQUESTS", "ERRORS", "P95", "ACCURACY", "LABELS BACK"],
                              rightAligned: [1, 2, 3, 4, 5])
        for day in days {
            table.append([
                day.date, "\(day.requests)", day.errorRate.map(RolloutRendering.share) ?? "–",
                day.p95Ms.map { RolloutRendering.ms($0) } ?? "–",
                day.accuracy.map { String(format: "%.3f", $0) } ?? "–",
                day.requests > 0 ? "\(day.requests - day.pending)/\(day.requests)" : "–",
            ])
        }
        lines.append(table.render(style))
        if days.count > 1 {
            lines.append("")
            let trends: [(String, [Double])] = [
                ("requests", days.map { Double($0.requests) }),
                ("errors", days.map { $0.errorRate ?? .nan }),
                ("p95", days.map { $0.p95Ms ?? .nan }),
                ("accuracy", days.map { $0.accuracy ?? .nan }),
            ]
            for (name, values) in trends where values.contains(where: \.isFinite) {
                lines.append("  \(pad(name, 9)) \(Charts.sparkline(values))")
            }
        }
        let columns = days.last?.drift.map(\.column) ?? []
        if !columns.isEmpty {
            lines.append("")
            let threshold = days.last?.drift.first.map { NumberText.short($0.threshold) } ?? ""
            let test = method.isTest ? "p ≤ \(threshold)" : "≥ \(threshold)"
            lines.append(style.bold("Drift per feature") + style.dim(" (\(method.rawValue) against \(reference); drifted when \(test))"))
            let width = columns.map(displayWidth).max() ?? 0
            for column in columns {
                let series = days.map { day in day.drift.first { $0.column == column } }
                let values = series.map { $0.map { method.isTest ? ($0.pValue ?? .nan) : $0.statistic } ?? .nan }
                guard let latest = series.last ?? nil else { continue }
                let value = method.isTest ? "p \(NumberText.short(latest.pValue))" : NumberText.short(latest.statistic)
                let firstDrift = zip(days, series).first { $0.1?.drifted == true }.map { " since \($0.0.date)" } ?? ""
                let verdict = latest.drifted ? style.red("drifted\(firstDrift)") : style.green("ok")
                lines.append("  \(pad(column, width))  \(Charts.sparkline(values))  \(pad(value, 8, right: true))  \(verdict)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
