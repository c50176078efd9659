import Foundation
import LabSupport

/// Runs an `evaluate` stage: scores the model (the upstream train stage's, unless the stage
/// names one) on its data, with real latency and memory, per slice when it has a `slice`.
struct EvaluateExecutor: StageExecutor {
    func run(_ stage: StageDefinition, in context: StageContext) throws -> StageOutcome {
        let dataName = stage.text("data") ?? ""
        let modelName = stage.text("model") ?? ""
        context.progress(0.05, "reading \(dataName)")
        let table = try StageData.table(at: try context.path(dataName), named: dataName)
        let file = try StageData.modelFile(at: try context.path(modelName), named: modelName)
        let model = file.model
        context.progress(0.3, "scoring \(table.rowCount) rows")
        let report = try Evaluator.evaluate(file, on: table, slice: stage.text("slice"))
        var metrics = StageData.metrics(report.metrics)
        metrics["latency_p95_ms"] = report.latencyMs.p95
        let evidence = EvaluationEvidence(report.gateEvidence(data: table))
        let summary =
            "\(StageData.headline(metrics)) on \(report.rows) rows of \(dataName); p95 latency "
            + DurationText.milliseconds(report.latencyMs.p95)
            + (report.slices.isEmpty ? "" : ", \(report.slices.count) slices by \(stage.text("slice") ?? "")")
        return StageOutcome(
            summary: summary, metrics: metrics,
            payload: try StageData.json(EvaluationPayload(evidence: evidence, report: report)),
            work: Double(report.rows * max(1, model.features.count) * (report.slices.isEmpty ? 1 : 2)))
    }
}

/// What an evaluate stage leaves: the full report, and the gate evidence a gate stage reads back.
struct EvaluationPayload: Encodable {
    var evidence: EvaluationEvidence
    var report: EvaluationReport
}

/// The gate evidence of an evaluation in a form that survives the artifact store.
struct EvaluationEvidence: Codable {
    var metrics: [String: Double]
    var latencyMs: [String: Double]
    var peakMemoryMb: Double?
    var columns: [String: ColumnType]
    var fairness: [String: [String: Double]]

    init(_ evidence: GateEvidence) {
        metrics = evidence.metrics
        latencyMs = evidence.latencyMs
        peakMemoryMb = evidence.peakMemoryMb
        columns = evidence.columns
        fairness = evidence.fairness
    }

    var gateEvidence: GateEvidence {
        GateEvidence(
            metrics: metrics, latencyMs: latencyMs, peakMemoryMb: peakMemoryMb, columns: columns, fairness: fairness)
    }

    enum CodingKeys: String, CodingKey {
        case metrics, columns, fairness
        case latencyMs = "latency_ms"
        case peakMemoryMb = "peak_memory_mb"
    }
}

/// Reads back just the evidence of an evaluation payload.
struct EvaluationEvidenceEnvelope: Decodable {
    var evidence: EvaluationEvidence
}
