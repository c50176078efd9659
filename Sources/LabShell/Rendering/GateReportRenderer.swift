import PipelineEngine

/// Draws gate verdicts as a list: ✓ passed, ✗ failed, – skipped, each with its reason.
enum GateReportRenderer {
    static func render(_ report: GateReport, championVersion: Int?, style: TerminalStyle) -> String {
        var lines: [String] = []
        let width = report.results.map { $0.name.count }.max() ?? 0
        for result in report.results {
            let mark: String
            switch result.status {
            case .passed: mark = style.green("✓ passed ")
            case .failed: mark = result.required ? style.red("✗ failed ") : style.yellow("✗ failed ")
            case .skipped: mark = style.dim("– skipped")
            }
            // A failed advisory gate's message already ends "(advisory)"; say it once.
            let kind = result.required || result.message.hasSuffix("(advisory)") ? "" : style.dim(" [advisory]")
            lines.append("\(mark)  \(pad(result.name, width))  \(result.message)\(kind)")
        }
        if let blocking = report.blocking {
            lines.append("")
            lines.append(style.red("Blocked by '\(blocking.name)': this model does not ship."))
        } else {
            let advisory = report.results.filter { $0.status == .failed }.count
            lines.append("")
            lines.append(
                style.green("All required gates passed")
                    + (advisory > 0 ? style.yellow(" (\(advisory) advisory warning\(advisory == 1 ? "" : "s"))") : "")
                    + (championVersion.map { " · compared with champion v\($0)" }
                        ?? " · no champion to compare with yet"))
        }
        return lines.joined(separator: "\n")
    }
}
