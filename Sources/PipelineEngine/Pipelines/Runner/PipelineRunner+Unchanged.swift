import Foundation
import LabSupport

extension PipelineRunner {
    /// The report of a rerun that would change nothing, or nil when it would: reported as the
    /// last run, with nothing written to `state.sqlite`, the lock file or the artifact store.
    ///
    /// It applies when the last run passed, ran the same pipeline file (same hash) and stages,
    /// unforced, and took every stage from the cache as "unchanged since run #N", and when every
    /// stage would now do the same again: inputs equal to the lock file's, outputs in place, and
    /// nothing for its executor to put back (``StageExecutor/restoreChangesNothing(_:record:in:)``).
    /// The result and metrics files are still checked (and rewritten when they differ).
    func repeatedNoOp(
        _ selected: [String], target: String?, lock: LockFile, history: PipelineHistory, start: WallClock.Instant
    ) throws -> PipelineRunReport? {
        guard let last = try history.lastRun(), last.status == "passed", !last.forced, last.target == target,
            last.pipelineHash == pipeline.hash, last.stages.map(\.name) == selected
        else { return nil }
        let planner = StagePlanner(workspace: workspace, history: history)
        var state = RunState(runID: last.id, lock: lock)
        var reports: [StageReport] = []
        for (previous, name) in zip(last.stages, selected) {
            let stageStart = WallClock.instant()
            guard previous.status == .cached, let cachedFrom = previous.cachedFrom,
                previous.reason == "unchanged since run #\(cachedFrom)", let stage = pipeline.stage(name),
                let executor = executors[stage.kind], stage.upstream.allSatisfy({ state.records[$0] != nil })
            else { return nil }
            let context = stageContext(for: stage, state: state)
            let inputs = try stageInputs(stage, executor: executor, context: context, records: state.records)
            guard
                case .upToDate(let record, let restore) = try planner.decide(
                    stage, inputs: inputs, locked: lock.stages[name], force: false),
                restore.isEmpty, record.runID == cachedFrom,
                try executor.restoreChangesNothing(stage, record: record, in: context)
            else { return nil }
            let entry = LockEntry(
                kind: stage.kind, inputs: inputs, outs: record.outs, result: record.resultHash, run: record.runID)
            guard lock.stages[name] == entry else { return nil }
            state.records[name] = record
            reports.append(
                StageReport(
                    name: name, kind: stage.kind, status: .cached, reason: previous.reason, summary: record.summary,
                    seconds: WallClock.seconds(since: stageStart), cpuMinutes: 0, gpuMinutes: 0, cost: 0,
                    savedCost: record.cost.dollars, cachedFrom: record.runID, restored: [], metrics: record.metrics,
                    gates: record.gates, deps: inputs.deps))
        }
        // Every stage is settled: now it is safe to tell the observer and touch the files.
        for (index, report) in reports.enumerated() {
            observer(.stageStarted(name: report.name, kind: report.kind, index: index + 1, total: reports.count))
            if let record = state.records[report.name] {
                try writeResultFile(record)
                try writeMetricsFile(record)
            }
            observer(.stageFinished(report))
        }
        var report = PipelineRunReport(
            runID: last.id, pipeline: pipeline.file, status: .passed, stages: reports,
            gates: reports.flatMap { stage in
                stage.gates.map {
                    RunGate(
                        stage: stage.name, name: $0.name, type: $0.type, required: $0.required, status: $0.status,
                        message: $0.message)
                }
            },
            seconds: WallClock.seconds(since: start), cpuMinutes: 0, gpuMinutes: 0, cost: 0,
            savedCost: reports.map(\.savedCost).reduce(0, +), lockFile: pipeline.lockFile)
        report.recorded = false
        return report
    }
}
