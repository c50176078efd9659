import Foundation
import LabSupport

/// Runs a `gate` stage: its gates against the upstream evaluation, the champion and shadow traffic.
///
/// The champion comes from the registry's `champion` alias; shadow agreement is measured by
/// running champion and candidate on the evaluation rows. A failed required gate fails the
/// stage and stops the run.
struct GateExecutor: StageExecutor {
    /// The champion the gates compare with: a new champion means the verdict may change.
    func externalInputs(for stage: StageDefinition, in context: StageContext) throws -> [String: String] {
        let champion = try ModelRegistry(workspace: context.workspace).aliased("champion")
        return ["champion": champion.map { "v\($0.version) (\($0.artifactHash.prefix(12)))" } ?? "none"]
    }

    func run(_ stage: StageDefinition, in context: StageContext) throws -> StageOutcome {
        let gatesName = stage.text("gates") ?? ""
        let gates = try GateConfigLoader.load(path: try context.path(gatesName), displayName: gatesName)
        guard let evaluation = context.nearestUpstream(.evaluate, of: stage),
            let payload = try context.payload(of: evaluation.stage)
        else {
            throw LabError(
                .pipelineNoEvaluation, "stage '\(stage.name)' found no evaluation result upstream to judge")
        }
        var evidence = try StageData.decode(EvaluationEvidenceEnvelope.self, from: payload).evidence.gateEvidence
        let registry = ModelRegistry(workspace: context.workspace)
        var rows = 0
        if let champion = try registry.aliased("champion") {
            evidence.championMetrics = champion.metrics
            evidence.championVersion = champion.version
            let regression = gates.contains(where: { $0.type == "no_regression" })
            let shadow = gates.contains(where: { $0.type == "shadow" })
            let relative = gates.contains(where: { if case .latency(_, _, .some) = $0.check { true } else { false } })
            let dataName = stage.text("data") ?? ""
            if regression || shadow || relative {
                let table = try StageData.table(at: try context.path(dataName), named: dataName)
                let incumbent = try StageData.decode(
                    TrainedModel.self, from: try registry.modelData("v\(champion.version)"))
                if regression {
                    // Both models scored on the same rows: the champion on the candidate's evaluation data.
                    evidence.championMetrics = GateCheck.championMetrics(
                        incumbent, on: table, recorded: champion.metrics)
                    rows += table.rowCount * max(1, incumbent.features.count)
                }
                guard shadow || relative else { return try Self.outcome(gates, evidence, rows: rows) }
                let candidate = try StageData.model(
                    at: try context.path(stage.text("model") ?? ""), named: stage.text("model") ?? "")
                if relative {
                    // Timed in turn on the same rows, as `gate check` does; a champion that cannot
                    // score them leaves the evidence empty, and the gate fails rather than guess.
                    context.progress(0.25, "timing the candidate against champion v\(champion.version)")
                    evidence.relativeLatency = try? RelativeLatency.measure(
                        candidate: candidate, champion: incumbent, on: table)
                    rows += 2 * min(1000, table.rowCount)
                }
                guard shadow else { return try Self.outcome(gates, evidence, rows: rows) }
                context.progress(0.5, "mirroring traffic to champion v\(champion.version)")
                evidence.shadowAgreement = try Self.agreement(
                    candidate, incumbent, on: table, championVersion: champion.version)
                rows += table.rowCount * max(1, candidate.features.count)
            }
        }
        return try Self.outcome(gates, evidence, rows: rows)
    }

    /// The gates' verdict on the evidence, as the stage's outcome.
    private static func outcome(_ gates: [Gate], _ evidence: GateEvidence, rows: Int) throws -> StageOutcome {
        let report = GateEvaluator.evaluate(gates, evidence: evidence)
        let passed = report.results.filter { $0.status == .passed }.count
        let summary =
            "\(passed) of \(report.results.count) gates passed"
            + (evidence.championVersion.map { " against champion v\($0)" } ?? " (no champion yet)")
        var metrics: [String: Double] = ["gates_passed": Double(passed)]
        if let agreement = evidence.shadowAgreement { metrics["shadow_agreement"] = agreement }
        return StageOutcome(
            failure: report.blocking.map { "required gate '\($0.name)' failed: \($0.message)" },
            summary: summary, metrics: metrics, payload: try StageData.json(report), gates: report.results,
            work: Double(gates.count * 1_000 + 2 * rows))
    }

    /// The share of rows on which the two models agree: the same class, or for regression
    /// predictions within 5% of each other.
    static func agreement(
        _ candidate: TrainedModel, _ champion: TrainedModel, on table: DataTable,
        championVersion: Int
    ) throws -> Double {
        guard candidate.task == champion.task else {
            throw LabError(
                .pipelineShadowMismatch,
                "champion v\(championVersion) is a \(champion.task.rawValue) model and the candidate a \(candidate.task.rawValue) model; their answers cannot be compared"
            )
        }
        let ours = try candidate.predict(table)
        let theirs: Predictions
        do {
            theirs = try champion.predict(table)
        } catch let error as LabError {
            throw LabError(
                .pipelineShadowFailed, "champion v\(championVersion) cannot score \(table.source): \(error.message)")
        }
        let count = candidate.task == .regression ? ours.values.count : ours.classIndices.count
        guard count > 0 else { return 1 }
        var same = 0
        if candidate.task == .regression {
            for (a, b) in zip(ours.values, theirs.values) where abs(a - b) <= 0.05 * max(abs(a), abs(b), 1e-9) {
                same += 1
            }
        } else {
            for (a, b) in zip(ours.labels, theirs.labels) where a == b { same += 1 }
        }
        return Double(same) / Double(count)
    }
}
