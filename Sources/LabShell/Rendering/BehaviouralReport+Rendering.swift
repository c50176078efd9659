import PipelineEngine

extension BehaviouralReport {
    /// A table of verdicts, each failed test's first failing rows beneath, then a summary.
    func render(_ style: TerminalStyle, model: String, data: String?) -> String {
        var out = [style.bold("Behavioural tests of \(model)") + style.dim(data.map { " on \($0)" } ?? ""), ""]
        var table = TextTable(
            headers: ["RESULT", "TEST", "TYPE", "ROWS", "FAILING", "FAILURE RATE", "ALLOWED", "REQUIRED"],
            rightAligned: [3, 4, 5, 6], keptWhole: [0])
        for result in results {
            table.append([
                result.passed ? "passed" : "failed", result.name, result.type, String(result.rowsTested),
                String(result.failingRows), NumberText.percent(share: result.failureRate),
                NumberText.percent(share: 1 - result.mostly), result.required ? "yes" : "advisory",
            ])
        }
        out.append(table.render(style))
        for result in results where !result.passed {
            out.append("")
            out.append((result.required ? style.red("✗ ") : style.yellow("✗ ")) + style.bold(result.name))
            if let note = result.note {
                out.append("  " + note)
                continue
            }
            out += failureLines(result, style)
        }
        out.append("")
        let failedRequired = results.filter { !$0.passed && $0.required }.map(\.name)
        let advisory = results.filter { !$0.passed && !$0.required }.count
        let warnings = advisory > 0 ? style.yellow(" (\(advisory) advisory failure\(advisory == 1 ? "" : "s"))") : ""
        if failedRequired.isEmpty {
            out.append(style.green("All required tests passed") + warnings)
        } else {
            let names = failedRequired.map { "'\($0)'" }.joined(separator: ", ")
            out.append(
                style.red(
                    "Failed: \(failedRequired.count) required test\(failedRequired.count == 1 ? "" : "s") (\(names))")
                    + warnings)
        }
        return out.joined(separator: "\n")
    }

    private func failureLines(_ result: BehaviouralTestResult, _ style: TerminalStyle) -> [String] {
        let isListed = result.type == "minimum"
        let hasChange = result.failures.contains { $0.change != nil }
        let value = result.type == "directional" ? "SCORE" : "PREDICTION"
        var headers = isListed ? ["SPEC LINE", "EXPECTED", "PREDICTED"] : ["DATA LINE", "\(value) BEFORE", "AFTER"]
        if hasChange { headers.append("CHANGE") }
        var table = TextTable(headers: headers, rightAligned: [0])
        for row in result.failures {
            var before = (isListed ? row.expected : row.before) ?? ""
            var after = row.after
            // Probabilities and values in four digits, unless that would hide the difference.
            if let was = Double(before), let now = Double(after), NumberText.short(was) != NumberText.short(now) {
                before = NumberText.short(was)
                after = NumberText.short(now)
            }
            var cells = [String(row.line), before, after]
            if hasChange { cells.append(row.change ?? "") }
            table.append(cells)
        }
        var lines = table.render(style).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        if result.failingRows > result.failures.count {
            lines.append("  " + style.dim("… and \(result.failingRows - result.failures.count) more"))
        }
        return lines
    }
}
