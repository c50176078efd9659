import Foundation
import PipelineEngine

/// What `report run` shows: one run's stages, gates and metrics, and the metrics of every run.
struct RunReportData: Encodable {
    /// One stage of the run, with the stages it needs.
    struct Stage: Encodable {
        var name: String
        var kind: String
        var needs: [String]
        var status: String
        var reason: String
        var seconds: Double
        var cost: Double
        var savedCost: Double

        enum CodingKeys: String, CodingKey {
            case name, kind, needs, status, reason, seconds, cost
            case savedCost = "saved_cost"
        }
    }

    /// A gate's verdict.
    struct Gate: Encodable {
        var stage: String
        var name: String
        var status: String
        var message: String
    }

    /// One metric over every run that recorded it.
    struct Trend: Encodable {
        var metric: String
        var points: [Point]
    }

    /// A metric's value in one run.
    struct Point: Encodable {
        var run: Int
        var value: Double
    }

    var run: RunSummary
    var stages: [Stage]
    var gates: [Gate]
    var metrics: [String: Double]
    var trends: [Trend]

    /// At most this many metrics are drawn over the runs, those of the run's last stages first.
    static let trendLimit = 8

    /// Gathers run `reference` (`latest`, `3`, `#3`, `latest~1`) from the workspace's history.
    static func build(_ history: PipelineHistory, reference: String, pipeline: (String) -> PipelineDefinition?)
        throws -> RunReportData
    {
        let runs = try history.runs()
        let id = try history.runID(reference, among: runs)
        guard let run = runs.first(where: { $0.id == id }) else {
            return try build(history, reference: "latest", pipeline: pipeline)
        }
        let definition = pipeline(run.pipeline)
        let stages = try history.stageDetails(ofRun: id).map { detail in
            Stage(
                name: detail.name, kind: detail.kind, needs: definition?.stage(detail.name)?.upstream ?? [],
                status: detail.status, reason: detail.reason, seconds: detail.seconds, cost: detail.cost,
                savedCost: detail.savedCost)
        }
        let gates = try history.gates(ofRun: id).map {
            Gate(stage: $0.stage, name: $0.name, status: $0.status.rawValue, message: $0.message)
        }
        var seen = Set<String>()
        let kinds = Dictionary(stages.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let metrics = try history.metrics(ofRun: id).filter { seen.insert("\($0.stage).\($0.name)").inserted }
        // The model's quality first: evaluate's metrics, then train's, then the gates', then the rest.
        let rank = { (stage: String) in ["evaluate", "train", "gate"].firstIndex(of: kinds[stage] ?? "") ?? 3 }
        let names = metrics.enumerated().sorted {
            (rank($0.element.stage), $0.offset) < (rank($1.element.stage), $1.offset)
        }
        .map { "\($0.element.stage).\($0.element.name)" }
        let trends = names.prefix(trendLimit).map { name in
            Trend(
                metric: name,
                points: runs.compactMap { r in r.metrics[name].map { Point(run: r.id, value: $0) } })
        }
        return RunReportData(run: run, stages: stages, gates: gates, metrics: run.metrics, trends: Array(trends))
    }
}
