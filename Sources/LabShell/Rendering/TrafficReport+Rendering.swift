import Foundation
import LabSupport
import PipelineEngine

extension TrafficReport {
    /// What production did with the requests just served.
    func render(_ style: TerminalStyle) -> String {
        var lines: [String] = []
        if requests == 0 {
            lines.append(
                "Nothing left to serve today: all \(dayTotal) requests of \(date) (stream day \(day)) have been served; `clock advance 1d` for more."
            )
            lines += liveLines(style)
            return lines.joined(separator: "\n")
        }
        let left = remainingToday == 0 ? "none left today; `clock advance 1d` for more" : "\(remainingToday) left today"
        lines.append(
            "Served \(requests) request\(requests == 1 ? "" : "s") of \(date) (stream day \(day)) at \(loadLevel.rawValue) load"
                + " (\(NumberText.short(requestsPerSecond)) req/s); \(left).")
        lines.append("")
        var table = TextTable(
            headers: [
                "VERSION", "ROLE", "REQUESTS", "ERRORS", "TIMEOUTS", "P95", "UTILISATION",
                "MEASURED P50",
            ], rightAligned: [2, 3, 4, 5, 6, 7])
        for version in versions {
            let errors = "\(version.errors) (\(NumberText.percent(share: version.errorRate)))"
            table.append([
                "v\(version.version)", version.role == .shadow ? "shadow (mirrored)" : version.role.rawValue,
                "\(version.requests)", version.errors > 0 ? style.red(errors) : errors, "\(version.timeouts)",
                DurationText.milliseconds(version.p95Ms), RolloutRendering.utilisation(version.forecast, style),
                DurationText.milliseconds(version.measuredP50Ms),
            ])
        }
        lines.append(table.render(style))
        if let shadow {
            lines.append("")
            var text = "Shadow v\(shadow.version) against champion v\(shadow.champion): "
            text +=
                shadow.agreement.map {
                    "agreed on \(NumberText.percent(share: $0)) of \(shadow.compared) mirrored requests"
                }
                ?? "no mirrored requests compared yet"
            if let champion = shadow.championAccuracy, let mine = shadow.shadowAccuracy {
                text += String(
                    format: "; on the %d whose labels are back, champion %.3f, shadow %.3f", shadow.labelled, champion,
                    mine)
            }
            lines.append(text + ". Its answers were logged, never served.")
        }
        lines += liveLines(style)
        return lines.joined(separator: "\n")
    }

    /// Live accuracy per version, from the labels that have come back.
    private func liveLines(_ style: TerminalStyle) -> [String] {
        guard !live.isEmpty else { return [] }
        var lines = ["", style.bold("Live accuracy") + style.dim(" (labels come back days after the request)")]
        for entry in live {
            let waiting = entry.pending > 0 ? "; \(entry.pending) still waiting for labels" : ""
            if let accuracy = entry.accuracy {
                lines.append(
                    String(
                        format: "  v%d  %.3f on %d labelled request%@", entry.version, accuracy, entry.labelled,
                        entry.labelled == 1 ? "" : "s") + waiting)
            } else {
                lines.append("  v\(entry.version)  no labels back yet\(waiting)")
            }
        }
        return lines
    }
}
