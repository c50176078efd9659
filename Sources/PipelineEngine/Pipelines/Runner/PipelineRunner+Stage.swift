import Foundation
import LabSupport

extension PipelineRunner {
    /// Kinds whose executors read upstream results (not only files): their results are inputs.
    static let readsUpstreamResults: Set<StageKind> = [.gate, .deploy, .monitor]

    /// Checks, then runs or restores, one stage; records what happened in `state`.
    func runStage(_ stage: StageDefinition, force: Bool, state: inout RunState, history: PipelineHistory) throws
        -> StageReport
    {
        if let stopped = state.stopped {
            return skipped(stage, "not run: \(stopped)")
        }
        if let blocked = stage.upstream.first(where: { state.records[$0] == nil }) {
            return skipped(stage, "not run: it needs '\(blocked)', which did not run")
        }
        guard let executor = executors[stage.kind] else {
            return skipped(
                stage,
                "not run: " + (executors.missingReason[stage.kind] ?? "no executor for \(stage.kind.rawValue) stages"))
        }
        let start = WallClock.instant()
        let context = stageContext(for: stage, state: state)
        do {
            let inputs = try stageInputs(stage, executor: executor, context: context, records: state.records)
            let planner = StagePlanner(workspace: workspace, history: history)
            switch try planner.decide(stage, inputs: inputs, locked: state.lock.stages[stage.name], force: force) {
            case .upToDate(let record, let restore):
                return try restoreStage(
                    stage, record, restore: restore, reason: "unchanged since run #\(record.runID)",
                    inputs: inputs, executor: executor, context: context, state: &state, start: start)
            case .fromRunCache(let record, let restore, let reasons):
                return try restoreStage(
                    stage, record, restore: restore,
                    reason: "same inputs as run #\(record.runID) (\(reasons.joined(separator: "; ")))",
                    inputs: inputs, executor: executor, context: context, state: &state, start: start)
            case .run(let reasons):
                return try execute(
                    stage, reasons: reasons, inputs: inputs, executor: executor, context: context, state: &state,
                    history: history, start: start)
            }
        } catch let error as LabError {
            state.stopped = "stage '\(stage.name)' failed"
            return failed(stage, error.description, seconds: WallClock.seconds(since: start))
        } catch {
            state.stopped = "stage '\(stage.name)' failed"
            return failed(stage, LabError.describing(error).description, seconds: WallClock.seconds(since: start))
        }
    }

    /// What the executor of `stage` sees: its params and the results finished so far.
    func stageContext(for stage: StageDefinition, state: RunState) -> StageContext {
        StageContext(
            workspace: workspace, pipeline: pipeline, runID: state.runID, actor: actor,
            params: Dictionary(uniqueKeysWithValues: stage.params.map { ($0, pipeline.params.values[$0] ?? "") }),
            upstream: state.records,
            progress: { [observer] fraction, note in
                observer(.stageProgress(name: stage.name, fraction: fraction, note: note))
            })
    }

    /// The stage's inputs now: definition, dependency hashes, param values and other inputs.
    func stageInputs(
        _ stage: StageDefinition, executor: any StageExecutor, context: StageContext,
        records: [String: StageRecord]
    ) throws -> StageInputs {
        let made = Dictionary(records.values.flatMap(\.outs).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let deps = try stage.dependencies.map { path -> FileHash in
            // An upstream output that is missing will be restored as recorded.
            guard let hash = try StageInputs.hash(path, in: workspace) ?? made[path] else {
                throw LabError(.pipelineMissingFile, "stage '\(stage.name)' reads '\(path)', which does not exist")
            }
            return hash
        }
        var inputs = try executor.externalInputs(for: stage, in: context)
        if Self.readsUpstreamResults.contains(stage.kind) {
            for name in stage.upstream {
                if let hash = records[name]?.resultHash { inputs["upstream \(name)"] = hash }
            }
        }
        return StageInputs(definition: stage.fields, deps: deps, params: context.params, inputs: inputs)
    }

    private func execute(
        _ stage: StageDefinition, reasons: [String], inputs: StageInputs, executor: any StageExecutor,
        context: StageContext, state: inout RunState, history: PipelineHistory,
        start: WallClock.Instant
    ) throws -> StageReport {
        var outcome = try executor.run(stage, in: context)
        outcome.metrics = outcome.metrics.filter { $0.value.isFinite }
        var outs: [FileHash] = []
        for out in stage.outs {
            guard let hash = try StageInputs.hash(out, in: workspace) else {
                throw LabError(.pipelineMissingOutput, "stage '\(stage.name)' did not write its output '\(out)'")
            }
            try workspace.artifacts.put(fileAt: try workspace.paths.resolve(out))
            outs.append(hash)
        }
        let resultHash = try outcome.payload.map { try workspace.artifacts.put($0) }
        let seconds = WallClock.seconds(since: start)
        let cost = costModel.cost(kind: stage.kind, work: outcome.work, gpu: stage.gpu, seconds: seconds)
        let record = StageRecord(
            stage: stage.name, kind: stage.kind, runID: state.runID, outs: outs, resultHash: resultHash,
            summary: outcome.summary, metrics: outcome.metrics, gates: outcome.gates, cost: cost)
        var report = StageReport(
            name: stage.name, kind: stage.kind, status: .ran, reason: reasons.joined(separator: "; "),
            summary: outcome.summary,
            seconds: seconds, cpuMinutes: cost.cpuMinutes, gpuMinutes: cost.gpuMinutes, cost: cost.dollars,
            savedCost: 0,
            cachedFrom: nil, restored: [], metrics: outcome.metrics, gates: outcome.gates, deps: inputs.deps)
        if let failure = outcome.failure {
            report.status = .failed
            report.reason = failure
            state.stopped =
                stage.kind == .gate ? "a required gate failed in stage '\(stage.name)'" : "stage '\(stage.name)' failed"
            return report
        }
        // The next run compares with the state the stage left behind: a deploy stage that ships
        // its candidate moves the champion and clears the challenger it read, and is then done.
        var settled = inputs
        settled.inputs.merge(try executor.externalInputs(for: stage, in: context)) { _, after in after }
        try history.cache(record, fingerprint: settled.fingerprint, at: try workspace.clock.now())
        state.lock.stages[stage.name] = LockEntry(
            kind: stage.kind, inputs: settled, outs: outs, result: resultHash, run: state.runID)
        state.records[stage.name] = record
        try writeResultFile(record)
        try writeMetricsFile(record)
        return report
    }

    private func restoreStage(
        _ stage: StageDefinition, _ record: StageRecord, restore: [FileHash], reason: String,
        inputs: StageInputs, executor: any StageExecutor, context: StageContext, state: inout RunState,
        start: WallClock.Instant
    ) throws -> StageReport {
        for out in restore {
            try workspace.artifacts.restore(out.sha256, to: try workspace.paths.resolve(out.path))
        }
        try executor.restored(stage, record: record, in: context)
        state.lock.stages[stage.name] = LockEntry(
            kind: stage.kind, inputs: inputs, outs: record.outs, result: record.resultHash,
            run: record.runID)
        state.records[stage.name] = record
        try writeResultFile(record)
        try writeMetricsFile(record)
        let restored = restore.map(\.path)
        let note = restored.isEmpty ? "" : "; restored \(restored.joined(separator: ", ")) from the artifact store"
        return StageReport(
            name: stage.name, kind: stage.kind, status: .cached, reason: reason + note, summary: record.summary,
            seconds: WallClock.seconds(since: start), cpuMinutes: 0, gpuMinutes: 0, cost: 0,
            savedCost: record.cost.dollars,
            cachedFrom: record.runID, restored: restored, metrics: record.metrics, gates: record.gates,
            deps: inputs.deps)
    }

    private func skipped(_ stage: StageDefinition, _ reason: String) -> StageReport {
        StageReport(
            name: stage.name, kind: stage.kind, status: .skipped, reason: reason, summary: nil, seconds: 0,
            cpuMinutes: 0,
            gpuMinutes: 0, cost: 0, savedCost: 0, cachedFrom: nil, restored: [], metrics: [:], gates: [])
    }

    func failed(_ stage: StageDefinition, _ reason: String, seconds: Double) -> StageReport {
        StageReport(
            name: stage.name, kind: stage.kind, status: .failed, reason: reason, summary: nil, seconds: seconds,
            cpuMinutes: 0, gpuMinutes: 0, cost: 0, savedCost: 0, cachedFrom: nil, restored: [], metrics: [:], gates: [])
    }

    /// The small metrics file the runner writes for `stage`, relative to the workspace.
    package static func metricsFile(_ stage: String) -> String { ".lab/metrics/\(stage).json" }

    /// Writes the stage's headline metrics to `.lab/metrics/STAGE.json`: a flat JSON object with
    /// sorted keys, `{}` for a stage without metrics, for DVC (`dvc metrics show|diff`) and CI.
    ///
    /// It holds the metrics the run records in history and `pipeline runs` shows, nothing else:
    /// for an evaluate stage accuracy, precision, recall, f1, roc_auc and latency_p95_ms; for a
    /// train stage the same on its own test rows; for a gate stage gates_passed. The per-slice
    /// table, the confusion matrix and the rest of the report stay in the result file, so a
    /// metrics table stays a few rows long. Like the result file, the content depends only on
    /// the record.
    func writeMetricsFile(_ record: StageRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = record.metrics.isEmpty ? Data("{}".utf8) : try encoder.encode(record.metrics)
        data.append(contentsOf: Array("\n".utf8))
        let path = workspace.root + "/" + Self.metricsFile(record.stage)
        if try workspace.files.contents(of: path) == data { return }
        try workspace.files.write(data, to: path, permissions: 0o644)
    }

    /// Writes the stage's result to `.lab/results/STAGE.json`, where people, CI and DVC can read it.
    ///
    /// Keys, sorted: `kind`, `metrics`, `outs` (each output's `path`, `sha256` and `size`),
    /// `result` (the stage's payload), `run`, `stage` and `summary`. A run of a later stage on
    /// its own (``runAlone(_:force:)``) reads it back and checks the outputs against it. The
    /// content depends only on the record, so a cached stage rewrites the same bytes.
    func writeResultFile(_ record: StageRecord) throws {
        let path = workspace.root + "/" + Self.resultFile(record.stage)
        // The payload is JSON already: it is spliced in as it is, not parsed and written again.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json<T: Encodable>(_ value: T) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        var text =
            "{\"kind\":\(try json(record.kind.rawValue)),\"metrics\":\(try json(record.metrics))"
            + ",\"outs\":\(try json(record.outs))"
        if let hash = record.resultHash {
            text += ",\"result\":" + String(decoding: try workspace.artifacts.read(hash), as: UTF8.self)
        }
        text +=
            ",\"run\":\(record.runID),\"stage\":\(try json(record.stage)),\"summary\":\(try json(record.summary))}\n"
        let data = Data(text.utf8)
        if try workspace.files.contents(of: path) == data { return }
        try workspace.files.write(data, to: path, permissions: 0o644)
    }
}
