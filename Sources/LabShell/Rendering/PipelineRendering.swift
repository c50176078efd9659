import Foundation
import LabSupport
import PipelineEngine

/// Text renderings of pipeline runs, status, history and diffs for the terminal.
enum PipelineRendering {
    /// `$0.1234`: costs are small, so four decimals.
    static func dollars(_ value: Double) -> String { String(format: "$%.4f", value) }

    /// The mark that starts a stage's line.
    static func mark(_ status: StageReport.Status, _ style: TerminalStyle) -> String {
        switch status {
        case .ran: style.green("✓")
        case .cached: style.cyan("↺")
        case .failed: style.red("✗")
        case .skipped: style.dim("-")
        }
    }

    /// One finished stage: mark, name, status, time, cost and why; then what it did and its gates.
    static func stage(_ report: StageReport, nameWidth: Int, _ style: TerminalStyle) -> String {
        let status = pad(report.status.rawValue, 7)
        let time = report.status == .skipped ? pad("", 7) : pad(DurationText.seconds(report.seconds), 7, right: true)
        let money =
            report.status == .ran || report.status == .failed
            ? dollars(report.cost) : report.status == .cached ? style.dim("saved " + dollars(report.savedCost)) : ""
        var lines = [
            "  \(mark(report.status, style)) \(pad(report.name, nameWidth))  \(status) \(time)  \(pad(money, 14))  \(report.reason)"
        ]
        let indent = String(repeating: " ", count: nameWidth + 6)
        if let summary = report.summary, report.status != .skipped {
            lines.append(indent + style.dim(summary))
        }
        for gate in report.gates {
            let verdict =
                gate.status == .passed
                ? style.green("passed") : gate.status == .failed ? style.red("failed") : style.dim("skipped")
            let advisory = gate.required || gate.message.hasSuffix("(advisory)") ? "" : style.dim(" (advisory)")
            lines.append(indent + "gate \(gate.name): \(verdict)\(advisory)  \(gate.message)")
        }
        return lines.joined(separator: "\n")
    }

    /// The run's closing lines: verdict, counts, time, money spent and saved.
    static func summary(_ report: PipelineRunReport, _ style: TerminalStyle) -> String {
        let counts = StageReport.Status.allCases.compactMap { status -> String? in
            let n = report.stages.filter { $0.status == status }.count
            return n > 0 ? "\(n) \(status.rawValue)" : nil
        }.joined(separator: ", ")
        let verdict = report.status == .passed ? style.green("passed") : style.red("failed")
        var minutes = String(format: "%.2f CPU min", report.cpuMinutes)
        if report.gpuMinutes > 0 { minutes += String(format: " + %.2f GPU min", report.gpuMinutes) }
        var text =
            "Run #\(report.runID) \(verdict) · \(counts) · \(DurationText.seconds(report.seconds)) · \(minutes) · "
            + "\(dollars(report.cost)) spent, \(dollars(report.savedCost)) saved by the cache"
        if !report.recorded {
            text += "\n" + style.dim("Nothing changed since run #\(report.runID): this rerun is not recorded again.")
        }
        if let failed = report.failedStage { text += "\n" + style.red("Stopped at '\(failed.name)': ") + failed.reason }
        return text + "\n" + style.dim("Lock file: \(report.lockFile)")
    }

    /// `pipeline status` as a table.
    static func status(_ stages: [StageStatus], pipeline: String, _ style: TerminalStyle) -> String {
        var table = TextTable(headers: ["STAGE", "KIND", "STATUS", "WHY"])
        for stage in stages {
            let state: String =
                switch stage.state {
                case .upToDate: style.green("up to date")
                case .missingOutputs: style.yellow("restore outputs")
                case .stale: style.yellow("stale")
                case .notRunnable: style.dim("cannot run yet")
                }
            let reasons = stage.reasons.isEmpty ? [""] : stage.reasons
            table.append([stage.name, stage.kind.rawValue, state, reasons[0]])
            for reason in reasons.dropFirst() { table.appendContinuation(["", "", "", reason]) }
        }
        let stale = stages.filter { $0.state == .stale }.count
        let footer =
            stale == 0
            ? "Everything in \(pipeline) is up to date."
            : "\(stale) stage\(stale == 1 ? "" : "s") would run; `pipeline run` brings \(pipeline) up to date."
        return table.render(style) + "\n" + style.dim(footer)
    }

    /// The metric whose trend `pipeline runs` draws: the first of the usual headline metrics.
    static func keyMetric(_ runs: [RunSummary]) -> String? {
        let names = Set(runs.flatMap(\.metrics.keys))
        for metric in ["accuracy", "f1", "roc_auc", "r2", "rmse", "mae"] {
            if let name = names.sorted().first(where: { $0.hasSuffix("." + metric) }) { return name }
        }
        return names.sorted().first
    }

    /// `pipeline runs`: one line per run and the key metric's trend.
    static func runs(_ runs: [RunSummary], _ style: TerminalStyle) -> String {
        let key = keyMetric(runs)
        var table = TextTable(
            headers: ["RUN", "STARTED", "STATUS", "STAGES", "TIME", "COST", "SAVED"] + (key.map { [$0] } ?? []),
            rightAligned: [4, 5, 6, 7])
        for run in runs {
            let status =
                switch run.status {
                case .passed: style.green("passed")
                case .failed: style.red("failed")
                case .running: style.cyan("running")
                case .interrupted: style.yellow(run.status.rawValue)
                }
            let counts = ["ran", "cached", "failed", "skipped"].compactMap { name in
                run.stageCounts[name].map { "\($0) \(name)" }
            }
            var row = [
                "#\(run.id)" + (run.targetStage.map { " (\($0))" } ?? ""), RegistryCommand.stamp(run.startedAt), status,
                counts.joined(separator: ", "), DurationText.seconds(run.seconds), dollars(run.cost),
                dollars(run.savedCost),
            ]
            if let key { row.append(run.metrics[key].map { String(format: "%.4f", $0) } ?? "") }
            table.append(row)
        }
        var text = table.render(style)
        if let key {
            let values = runs.compactMap { $0.metrics[key] }
            // On the values' own range, printed beside it: 0.806 → 0.808 fills the height.
            if !values.isEmpty {
                text +=
                    "\n\(key) over \(values.count) run\(values.count == 1 ? "" : "s"): "
                    + Charts.trend(values, scale: .own) { String(format: "%.4f", $0) }
            }
        }
        let spent = runs.map(\.cost).reduce(0, +)
        let saved = runs.map(\.savedCost).reduce(0, +)
        return text + "\n" + style.dim("Spent \(dollars(spent)) in all; the cache saved \(dollars(saved)).")
    }

    /// `pipeline diff`: changed dependency files, params and metrics side by side, with deltas.
    static func diff(_ diff: RunDiff, _ style: TerminalStyle) -> String {
        var parts: [String] = []
        if !diff.depsUnrecorded.isEmpty {
            let runs = diff.depsUnrecorded.map { "#\($0)" }.joined(separator: " and ")
            parts.append(
                style.dim(
                    "Data not compared: \(runs) kept no dependency hashes (no stage read its files, or it ran before they were kept)."
                ))
        } else if diff.deps.isEmpty {
            parts.append(style.dim("No dependency files changed between #\(diff.old) and #\(diff.new)."))
        } else {
            var table = TextTable(headers: ["DEPENDENCY", "#\(diff.old)", "#\(diff.new)", "READ BY"])
            for entry in diff.deps {
                let old = entry.old.map(MetricsRendering.short) ?? "—"
                let new = entry.new.map(MetricsRendering.short) ?? "—"
                table.append([
                    entry.path, old, entry.old == entry.new ? new : style.yellow(new),
                    entry.stages.joined(separator: ", "),
                ])
            }
            parts.append(table.render(style))
        }
        if diff.params.isEmpty {
            parts.append(style.dim("No params changed between #\(diff.old) and #\(diff.new)."))
        } else {
            var table = TextTable(headers: ["PARAM", "#\(diff.old)", "#\(diff.new)"])
            for entry in diff.params { table.append([entry.name, entry.old ?? "—", entry.new ?? "—"]) }
            parts.append(table.render(style))
        }
        if diff.metrics.isEmpty {
            parts.append(style.dim("No metrics changed between #\(diff.old) and #\(diff.new)."))
        } else {
            var table = TextTable(
                headers: ["METRIC", "#\(diff.old)", "#\(diff.new)", "CHANGE"], rightAligned: [1, 2, 3])
            for entry in diff.metrics {
                let change =
                    entry.delta.map { delta -> String in
                        let text = String(format: "%+.4f", delta)
                        guard delta != 0 else { return text }
                        let metric = String(entry.name.split(separator: ".").last ?? "")
                        return style.verdict(text, ok: (delta > 0) != lowerIsBetter(metric))
                    } ?? "—"
                table.append([entry.name, entry.old ?? "—", entry.new ?? "—", change])
            }
            parts.append(table.render(style))
        }
        return parts.joined(separator: "\n\n")
    }
}
