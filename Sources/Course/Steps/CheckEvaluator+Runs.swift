import Foundation
import GRDB
import PipelineEngine

/// Checks on the last pipeline run made since the step began, read from the run history the
/// pipeline runner keeps in `state.sqlite` (`pipeline_run`, `stage_result`, `run_gate`, `run_metric`).
struct RunChecks {
    let workspace: Workspace
    let mark: StepMark

    /// The last run's id and status, when it was made since the step began.
    private func lastRun() throws -> (id: Int, status: String)? {
        guard let run = try PipelineHistory(state: workspace.state).runs().last, run.id > mark.run else { return nil }
        return (run.id, run.status)
    }

    private var noRun: CheckOutcome {
        .notYet(mark.run == 0 ? "there is no pipeline run yet" : "there is no pipeline run since this step began (the last was #\(mark.run))")
    }

    func lastRun(status wanted: String?, stages: [StageStatus]) throws -> CheckOutcome {
        guard let run = try lastRun() else { return noRun }
        var held: [String] = []
        var missing: [String] = []
        if let wanted {
            let clause =
                switch run.status {
                case "interrupted": "run #\(run.id) did not finish (it was interrupted)"
                case "running": "run #\(run.id) is still running"
                default: "run #\(run.id) \(run.status)"
                }
            if run.status == wanted { held.append(clause) } else { missing.append("\(clause), not \(wanted)") }
        }
        // A cached stage whose outputs the runner put back from the artifact store says so in
        // its reason ("…; restored models/candidate.json from the artifact store").
        let actual = try workspace.state.pool.read { db in
            try Dictionary(
                Row.fetchAll(db, sql: "SELECT name, status, reason FROM stage_result WHERE run_id = ?", arguments: [run.id])
                    .map { row -> (String, String) in
                        let status: String = row["status"]
                        let reason: String = row["reason"]
                        return (row["name"], status == "cached" && reason.contains("; restored ") ? "restored" : status)
                    },
                uniquingKeysWith: { first, _ in first })
        }
        for stage in stages {
            guard let status = actual[stage.stage] else {
                missing.append("run #\(run.id) has no stage `\(stage.stage)`")
                continue
            }
            let clause = "in run #\(run.id) stage `\(stage.stage)` \(status == "restored" ? "was cached and restored its outputs" : status)"
            // A restored stage is also a cached one.
            if status == stage.status || (status == "restored" && stage.status == "cached") {
                held.append(clause)
            } else {
                missing.append("\(clause), not \(stage.status)")
            }
        }
        return missing.isEmpty ? .passed(held.joined(separator: "; ")) : .notYet(missing.joined(separator: "; "))
    }

    func gate(name: String, status wanted: String) throws -> CheckOutcome {
        guard let run = try lastRun() else { return noRun }
        let row = try workspace.state.pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT status, message FROM run_gate WHERE run_id = ? AND name = ? ORDER BY stage, position",
                arguments: [run.id, name])
        }
        guard let row else { return .notYet("run #\(run.id) has no verdict of a gate `\(name)`") }
        let status: String = row["status"]
        let message: String = row["message"]
        let clause = "in run #\(run.id) gate `\(name)` \(status) (\(message))"
        // A failure for want of a measurement proves nothing about the model.
        if status == "failed", wanted == "failed", message.contains("was not measured") {
            return .notYet("\(clause); the gate measured nothing, so its failure says nothing about the model")
        }
        return status == wanted ? .passed(clause) : .notYet("\(clause), not \(wanted)")
    }

    func metric(name: String, min: Double?, max: Double?) throws -> CheckOutcome {
        guard let run = try lastRun() else { return noRun }
        // `evaluate.accuracy` names a stage; a bare `accuracy` is the last stage's that has it.
        let rows = try workspace.state.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT m.stage, m.name, m.value FROM run_metric m
                    LEFT JOIN stage_result s ON s.run_id = m.run_id AND s.name = m.stage
                    WHERE m.run_id = ? ORDER BY s.position DESC
                    """, arguments: [run.id])
        }
        let found = rows.first { row in
            let stage: String = row["stage"]
            let metric: String = row["name"]
            return metric == name || "\(stage).\(metric)" == name
        }
        guard let found else { return .notYet("run #\(run.id) recorded no metric `\(name)`") }
        let value: Double = found["value"]
        let stage: String = found["stage"]
        let clause = "in run #\(run.id) `\(found["name"] as String)` of stage `\(stage)` is \(Self.format(value))"
        if let min, value < min { return .notYet("\(clause); the step needs at least \(Self.format(min))") }
        if let max, value > max { return .notYet("\(clause); the step needs at most \(Self.format(max))") }
        return .passed(clause)
    }

    static func format(_ value: Double) -> String {
        let text = String(format: "%.4f", value)
        var trimmed = text
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        return trimmed.hasSuffix(".") ? String(trimmed.dropLast()) : trimmed
    }
}
