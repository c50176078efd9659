import Foundation
import PipelineEngine

/// Checks on the last pipeline run made since the step began, read from the run history the
/// pipeline runner keeps (its stage results, gate verdicts and metrics).
struct RunChecks {
    let workspace: Workspace
    let mark: StepMark

    private var history: PipelineHistory { PipelineHistory(state: workspace.state) }

    /// The last run, when it was made since the step began.
    private func lastRun() throws -> RunSummary? {
        guard let run = try history.runs().last, run.id > mark.run else { return nil }
        return run
    }

    private var noRun: CheckOutcome {
        .notYet(
            mark.run == 0
                ? "there is no pipeline run yet"
                : "there is no pipeline run since this step began (the last was #\(mark.run))")
    }

    func lastRun(status wanted: PipelineRunReport.Status?, stages: [StageExpectation]) throws -> CheckOutcome {
        guard let run = try lastRun() else { return noRun }
        var held: [String] = []
        var missing: [String] = []
        if let wanted {
            let clause =
                switch run.status {
                case .interrupted: "run #\(run.id) did not finish (it was interrupted)"
                case .running: "run #\(run.id) is still running"
                case .passed, .failed: "run #\(run.id) \(run.status.rawValue)"
                }
            if run.status == RunSummary.Status(wanted) {
                held.append(clause)
            } else {
                missing.append("\(clause), not \(wanted.rawValue)")
            }
        }
        let results = try Dictionary(
            history.stages(ofRun: run.id).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for expected in stages {
            guard let result = results[expected.stage] else {
                missing.append("run #\(run.id) has no stage `\(expected.stage)`")
                continue
            }
            let ended = result.restoredOutputs ? "was cached and restored its outputs" : result.status.rawValue
            let clause = "in run #\(run.id) stage `\(expected.stage)` \(ended)"
            if expected.status.holds(for: result) {
                held.append(clause)
            } else {
                missing.append("\(clause), not \(expected.status.rawValue)")
            }
        }
        return missing.isEmpty ? .passed(held.joined(separator: "; ")) : .notYet(missing.joined(separator: "; "))
    }

    func gate(name: String, status wanted: GateResult.Status) throws -> CheckOutcome {
        guard let run = try lastRun() else { return noRun }
        guard let gate = try history.gates(ofRun: run.id).first(where: { $0.name == name }) else {
            return .notYet("run #\(run.id) has no verdict of a gate `\(name)`")
        }
        let clause = "in run #\(run.id) gate `\(name)` \(gate.status.rawValue) (\(gate.message))"
        // A failure for want of a measurement proves nothing about the model.
        if wanted == .failed, gate.failedUnmeasured {
            return .notYet("\(clause); the gate measured nothing, so its failure says nothing about the model")
        }
        return gate.status == wanted ? .passed(clause) : .notYet("\(clause), not \(wanted.rawValue)")
    }

    func metric(name: String, min: Double?, max: Double?) throws -> CheckOutcome {
        guard let run = try lastRun() else { return noRun }
        // `evaluate.accuracy` names a stage; a bare `accuracy` is the last stage's that has it.
        let found = try history.metrics(ofRun: run.id).first { metric in
            metric.name == name || "\(metric.stage).\(metric.name)" == name
        }
        guard let found else { return .notYet("run #\(run.id) recorded no metric `\(name)`") }
        let clause = "in run #\(run.id) `\(found.name)` of stage `\(found.stage)` is \(Self.format(found.value))"
        if let min, found.value < min { return .notYet("\(clause); the step needs at least \(Self.format(min))") }
        if let max, found.value > max { return .notYet("\(clause); the step needs at most \(Self.format(max))") }
        return .passed(clause)
    }

    static func format(_ value: Double) -> String {
        let text = String(format: "%.4f", value)
        var trimmed = text
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        return trimmed.hasSuffix(".") ? String(trimmed.dropLast()) : trimmed
    }
}
