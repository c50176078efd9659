import Foundation
import LabSupport
import PipelineEngine

extension RolloutStatusReport {
    /// The latest rollout as a rollout controller's `get rollout` shows it.
    func render(_ style: TerminalStyle) -> String {
        guard let rollout else {
            let champion = self.champion.map { "v\($0) is the champion (set by hand); " } ?? ""
            return
                "No deployments yet. \(champion)Deploy a version with `deploy VERSION --strategy direct|shadow|canary`."
        }
        var lines = [RolloutRendering.header(rollout, style)]
        lines.append(
            "  champion \(champion.map { "v\($0)" } ?? "none") · challenger \(challenger.map { "v\($0)" } ?? "none")"
                + " · load \(loadLevel.rawValue) (\(NumberText.short(requestsPerSecond)) req/s)")
        lines.append(RolloutRendering.started(rollout))
        lines.append("  " + style.dim("why: ") + rollout.reason)
        lines.append("")
        if !replicaSets.isEmpty {
            var table = TextTable(
                headers: [
                    "REPLICA SET", "VERSION", "WEIGHT", "READY", "SERVICE", "UTILISATION", "P95",
                    "TIMEOUTS",
                ], rightAligned: [2, 4, 5, 6, 7])
            for set in replicaSets {
                let ready = "\(set.ready)/\(set.replicas)"
                table.append([
                    set.role, "v\(set.version)", set.role == "shadow" ? "mirror" : "\(set.weight)%",
                    set.ready == set.replicas ? ready : style.red(ready), DurationText.milliseconds(set.serviceMs),
                    RolloutRendering.utilisation(set.forecast, style), DurationText.milliseconds(set.forecast.p95Ms),
                    RolloutRendering.share(set.forecast.timeoutShare),
                ])
            }
            lines.append(table.render(style))
            lines.append("")
        }
        if rollout.strategy == .canary {
            lines.append(RolloutRendering.steps(rollout, steps, style))
        }
        return lines.joined(separator: "\n")
    }
}

extension RolloutReport {
    /// What a deploy, promote or rollback did.
    func render(_ style: TerminalStyle) -> String {
        var lines = [RolloutRendering.header(rollout, style)]
        if let service = rollout.serviceTimes.first(where: { $0.version == rollout.candidate }),
            let baseline = rollout.serviceTimes.first
        {
            var line =
                "  v\(rollout.candidate) serves at \(DurationText.milliseconds(service.serviceMs)) per request on this platform"
            if baseline.version != rollout.candidate, baseline.measuredMs > 0 {
                line += String(
                    format: ": %.2f× the baseline v%d (%@), from %@ against %@ per prediction measured here",
                    service.measuredMs / baseline.measuredMs, baseline.version,
                    DurationText.milliseconds(baseline.serviceMs), DurationText.milliseconds(service.measuredMs),
                    DurationText.milliseconds(baseline.measuredMs))
            } else {
                line +=
                    " (the platform's baseline; \(DurationText.milliseconds(service.measuredMs)) per prediction measured here)"
            }
            lines.append(line)
        }
        if rollout.strategy == .canary, !steps.isEmpty {
            lines.append("")
            lines.append(RolloutRendering.steps(rollout, steps, style))
        }
        lines.append("")
        let ok = rollout.status != .rolledBack && rollout.status != .aborted
        lines.append(style.verdict(message, ok: ok))
        if rollout.status == .rolledBack || rollout.status == .aborted {
            lines.append(style.dim("why: ") + rollout.reason)
        }
        return lines.joined(separator: "\n")
    }
}

/// Pieces shared by the rollout views.
enum RolloutRendering {
    static func header(_ rollout: Rollout, _ style: TerminalStyle) -> String {
        let status: String =
            switch rollout.status {
            case .progressing:
                style.yellow(
                    "◐ progressing (step \(rollout.stepIndex + 1)/\(rollout.steps.count), \(rollout.candidateWeight)%)")
            case .shadowing: style.cyan("◑ shadowing")
            case .promoted: style.green("✔ promoted")
            case .rolledBack: style.red("✖ rolled back")
            case .aborted: style.red("■ aborted")
            }
        let against = rollout.champion.map { " against v\($0)" } ?? ""
        return style.bold("Rollout #\(rollout.id)")
            + "  \(rollout.strategy.rawValue) of v\(rollout.candidate)\(against)  \(status)"
    }

    static func started(_ rollout: Rollout) -> String {
        "  started \(SimulatedClock.format(rollout.simulatedAt)) by \(rollout.startedBy) at \(rollout.loadLevel.rawValue) load"
    }

    /// The canary's steps with their analysis verdicts, one interval mark each.
    static func steps(_ rollout: Rollout, _ steps: [StepAnalysis], _ style: TerminalStyle) -> String {
        var table = TextTable(headers: ["STEP", "WEIGHT", "ANALYSIS", "INTERVALS"], rightAligned: [1])
        for (index, weight) in rollout.steps.enumerated() {
            let step = steps.first { $0.stepIndex == index }
            let verdict: String
            let marks: String
            if let step, step.skipped {
                verdict = style.yellow("skipped (promoted by hand)")
                marks = ""
            } else if let step {
                verdict = step.verdict == .successful ? style.green("✔ successful") : style.red("✖ failed")
                marks = step.intervals.map { $0.verdict == .successful ? style.green("✔") : style.red("✖") }.joined()
            } else if rollout.status == .progressing, index == rollout.stepIndex {
                verdict = style.yellow("running")
                marks = ""
            } else {
                verdict = style.dim("not reached")
                marks = ""
            }
            table.append(["\(index + 1)/\(rollout.steps.count)", "\(weight)%", verdict, marks])
        }
        var lines = [table.render(style)]
        if let last = steps.last(where: { !$0.skipped }), let interval = last.intervals.last {
            lines.append("")
            lines.append(style.dim("Step \(last.stepIndex + 1), interval \(interval.interval):"))
            for condition in interval.conditions {
                let mark =
                    switch condition.status {
                    case .passed: style.green("✔")
                    case .failed: style.red("✖")
                    case .skipped: style.dim("–")
                    }
                lines.append("  \(mark) \(condition.message)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A 0–1 share as a percentage, with shares too small to ever show up in traffic as 0%.
    static func share(_ value: Double) -> String {
        value < 0.000_05 ? "0%" : NumberText.percent(share: value)
    }

    static func utilisation(_ forecast: PoolForecast, _ style: TerminalStyle) -> String {
        let text = String(format: "%.2f", forecast.utilisation)
        return forecast.saturated ? style.red(text + " saturated") : text
    }
}
