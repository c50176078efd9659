import Foundation
import LabSupport

/// Whether a stage would run if the pipeline ran now, and why.
package struct StageStatus: Sendable, Encodable, Equatable {
    package enum State: String, Sendable, Codable {
        /// Inputs and outputs are as the lock file records: nothing to do.
        case upToDate = "up_to_date"
        /// Inputs are unchanged but outputs are missing or changed; they would be restored.
        case missingOutputs = "missing_outputs"
        /// Inputs changed (or an upstream stage will rerun): the stage would run.
        case stale
        /// This kind of stage cannot run in this build.
        case notRunnable = "not_runnable"
    }

    package var name: String
    package var kind: StageKind
    package var state: State
    package var reasons: [String]
    /// A cached result that a run would reuse instead of running the stage.
    package var cachedRun: Int?

    enum CodingKeys: String, CodingKey {
        case name, kind, state, reasons
        case cachedRun = "cached_run"
    }
}

extension PipelineRunner {
    /// Which stages are stale and why, without running or changing anything (`pipeline status`).
    package func status() throws -> [StageStatus] {
        let lock = try LockFile.read(
            path: try workspace.paths.resolve(pipeline.lockFile), displayName: pipeline.lockFile)
        let history = PipelineHistory(state: workspace.state)
        let planner = StagePlanner(workspace: workspace, history: history)
        var records: [String: StageRecord] = [:]
        var result: [StageStatus] = []
        for name in pipeline.order {
            guard let stage = pipeline.stage(name) else { continue }
            guard let executor = executors[stage.kind] else {
                result.append(
                    StageStatus(
                        name: name, kind: stage.kind, state: .notRunnable,
                        reasons: [
                            executors.missingReason[stage.kind] ?? "no executor for \(stage.kind.rawValue) stages"
                        ]))
                continue
            }
            let staleUpstream = stage.upstream.filter { records[$0] == nil }
            let context = StageContext(
                workspace: workspace, pipeline: pipeline, runID: 0, actor: actor,
                params: Dictionary(uniqueKeysWithValues: stage.params.map { ($0, pipeline.params.values[$0] ?? "") }),
                upstream: records, progress: { _, _ in })
            var status = StageStatus(name: name, kind: stage.kind, state: .stale, reasons: [])
            do {
                let inputs = try stageInputs(stage, executor: executor, context: context, records: records)
                switch try planner.decide(stage, inputs: inputs, locked: lock.stages[name], force: false) {
                case .upToDate(let record, let restore):
                    status.cachedRun = record.runID
                    if restore.isEmpty {
                        status.state = .upToDate
                        status.reasons = ["unchanged since run #\(record.runID)"]
                    } else {
                        status.state = .missingOutputs
                        status.reasons = [
                            "outputs missing or changed, to be restored from the artifact store: "
                                + restore.map(\.path).joined(separator: ", ")
                        ]
                    }
                    if staleUpstream.isEmpty { records[name] = record }
                case .fromRunCache(let record, _, let reasons):
                    status.reasons = reasons + ["a run would reuse the cached result of run #\(record.runID)"]
                    status.cachedRun = record.runID
                case .run(let reasons):
                    status.reasons = reasons
                }
            } catch let error as LabError {
                status.reasons = [error.message]
            }
            if !staleUpstream.isEmpty {
                status.state = .stale
                status.reasons =
                    status.reasons.filter { !$0.hasPrefix("unchanged since") && !$0.hasPrefix("upstream stage '") }
                    + staleUpstream.map { "upstream stage '\($0)' will rerun" }
            }
            result.append(status)
        }
        return result
    }
}

extension PipelineRunner {
    /// Stages this build cannot run, with the reason: kinds without an executor, and the
    /// stages that need them.
    package func notRunnable() -> [String: String] {
        var result: [String: String] = [:]
        for name in pipeline.order {
            guard let stage = pipeline.stage(name) else { continue }
            if executors[stage.kind] == nil {
                result[name] = executors.missingReason[stage.kind] ?? "no executor for \(stage.kind.rawValue) stages"
            } else if let blocked = stage.upstream.first(where: { result[$0] != nil }) {
                result[name] = "it needs '\(blocked)', which this build cannot run"
            }
        }
        return result
    }
}
