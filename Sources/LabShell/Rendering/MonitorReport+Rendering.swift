import Foundation
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
                    "  \(pad(column, width))  \(Self.scaledSparkline(values, ceiling: ceiling))  \(pad(value, 7, right: true))  \(verdict)"
                )
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A sparkline on a fixed scale from 0 to `ceiling`, unlike ``Charts/sparkline(_:)`` which
    /// stretches whatever range the values have.
    static func scaledSparkline(_ values: [Double], ceiling: Double) -> String {
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return String(
            values.map { value -> Character in
                guard value.isFinite, ceiling > 0 else { return " " }
                return blocks[min(7, max(0, Int((value / ceiling * 7).rounded())))]
            })
    }
}
