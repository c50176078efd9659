import Foundation
import LabSupport

/// Runs a pipeline's stages in dependency order, skipping those whose inputs are unchanged.
///
/// A stage is skipped when its definition, dependency hashes, params and other inputs equal
/// those of its last successful run (its outputs are then restored from the artifact store if
/// missing), or equal those of any earlier successful run (the run cache). A stage that runs
/// says why. The first failed stage or required gate stops the run; the stages after it are
/// skipped with that reason. The lock file is rewritten after every successful stage, and the
/// whole run, with cost and savings, goes into `state.sqlite`.
package struct PipelineRunner {
    package let workspace: Workspace
    package let pipeline: PipelineDefinition
    package var executors: StageExecutors
    package var costModel = CostModel.standard
    /// Who runs the pipeline, for history, registry and audit log.
    package var actor = "lab"
    /// Hears stage starts, progress and results as they happen.
    package var observer: (PipelineEvent) -> Void = { _ in }
    /// Whether every run is recorded, even one that repeats the last run's "nothing to do".
    ///
    /// True by default. When false, a rerun that finds nothing to do, right after a run that
    /// also found nothing to do, writes nothing to `state.sqlite` and reports the earlier run's
    /// number (see ``repeatedNoOp(_:target:lock:history:start:)``). `pipeline run` sets it false
    /// everywhere but in a lesson's sandbox, whose step checks look at the runs made since the
    /// step began.
    package var recordsRepeatedNoOps = true

    package init(workspace: Workspace, pipeline: PipelineDefinition, executors: StageExecutors) {
        self.workspace = workspace
        self.pipeline = pipeline
        self.executors = executors
    }

    /// The stages a run of `target` (or the whole pipeline) covers, in run order.
    package func selection(_ target: String?) throws -> [String] {
        guard let target else { return pipeline.order }
        guard pipeline.stage(target) != nil else {
            var message = "there is no stage '\(target)' in \(pipeline.file)"
            if let guess = closestMatch(to: target, among: pipeline.order) {
                message += "; did you mean '\(guess)'?"
            } else {
                message += " (its stages: \(pipeline.order.joined(separator: ", ")))"
            }
            throw LabError(.pipelineUnknownStage, message)
        }
        let wanted = Set(PipelineGraph(pipeline.stages).ancestors(of: target) + [target])
        return pipeline.order.filter(wanted.contains)
    }

    /// Runs the pipeline (or `target` and the stages it depends on) and records the run.
    ///
    /// One run at a time per workspace: the run holds the workspace lock, and a run started
    /// while another process holds it is refused, naming the run in progress.
    package func run(force: Bool = false, only target: String? = nil) throws -> PipelineRunReport {
        try WorkspaceLock.withLock(workspace, for: "pipeline run") {
            try runHoldingLock(force: force, only: target, alone: false)
        }
    }

    /// Runs `target` on its own (`pipeline run --stage NAME --only`), on the upstream results in the folder.
    ///
    /// The stages it needs are neither run nor taken from the run cache; their results are read
    /// from the result files `.lab/results/STAGE.json` (see ``upstreamResults(for:)``), as a CI
    /// job that downloaded them from the jobs it needs has them, and their executors put back
    /// what a cache restore would. A missing or damaged result, or an upstream output that is
    /// missing or changed, is refused before anything runs. `target` itself still uses the lock
    /// file and run cache.
    package func runAlone(_ target: String, force: Bool = false) throws -> PipelineRunReport {
        try WorkspaceLock.withLock(workspace, for: "pipeline run") {
            try runHoldingLock(force: force, only: target, alone: true)
        }
    }

    private func runHoldingLock(force: Bool, only target: String?, alone: Bool) throws -> PipelineRunReport {
        var selected = try selection(target)
        // The hashes learned on the way serve the next run, whatever becomes of this one.
        defer { workspace.fileHashes.save() }
        var upstream: [UpstreamResult] = []
        if alone, let target {
            upstream = try upstreamResults(for: target)
            selected = [target]
        }
        let lockPath = try workspace.paths.resolve(pipeline.lockFile)
        var lock = try LockFile.read(path: lockPath, displayName: pipeline.lockFile)
        let history = PipelineHistory(state: workspace.state)
        let start = WallClock.instant()
        try history.markInterruptedRuns()
        if !alone, !force, !recordsRepeatedNoOps,
            let same = try repeatedNoOp(selected, target: target, lock: lock, history: history, start: start)
        {
            return same
        }
        let owner = try RunOwnerLock(directory: history.ownerDirectory, in: workspace.files)
        defer { owner.release() }
        let runID = try history.startRun(
            pipeline: pipeline, forced: force, target: target, actor: actor, owner: owner, at: try workspace.clock.now()
        )
        WorkspaceLock.describe(workspace, as: "pipeline run #\(runID)")
        var state = RunState(runID: runID, lock: lock)
        for (index, name) in selected.enumerated() {
            guard let stage = pipeline.stage(name) else { continue }
            observer(.stageStarted(name: name, kind: stage.kind, index: index + 1, total: selected.count))
            let report: StageReport
            do {
                try Interruption.check()
                if let problem = try adoptUpstream(index == 0 ? upstream : [], state: &state) {
                    state.stopped = "stage '\(name)' failed"
                    report = failed(stage, problem, seconds: 0)
                } else {
                    report = try runStage(stage, force: force, state: &state, history: history)
                }
            } catch let error as LabError where error.code == Interruption.code {
                // Ctrl-C: marked as a killed run is, its owner lock freed and then found free.
                owner.release()
                try history.markInterruptedRuns()
                throw error
            }
            if state.lock != lock {
                try state.lock.write(path: lockPath, order: pipeline.order, in: workspace.files)
                lock = state.lock
            }
            state.reports.append(report)
            observer(.stageFinished(report))
        }
        let reports = state.reports
        var params: [String: String] = [:]
        for name in selected {
            for key in pipeline.stage(name)?.params ?? [] { params[key] = pipeline.params.values[key] }
        }
        let report = PipelineRunReport(
            runID: runID, pipeline: pipeline.file,
            status: reports.contains { $0.status == .failed } ? .failed : .passed,
            stages: reports,
            gates: reports.flatMap { stage in
                stage.gates.map {
                    RunGate(
                        stage: stage.name, name: $0.name, type: $0.type, required: $0.required, status: $0.status,
                        message: $0.message)
                }
            },
            seconds: WallClock.seconds(since: start), cpuMinutes: reports.map(\.cpuMinutes).reduce(0, +),
            gpuMinutes: reports.map(\.gpuMinutes).reduce(0, +), cost: reports.map(\.cost).reduce(0, +),
            savedCost: reports.map(\.savedCost).reduce(0, +), lockFile: pipeline.lockFile)
        try history.finishRun(report, params: params, actor: actor, at: try workspace.clock.now())
        return report
    }
}

extension PipelineRunner {
    /// Adopts the upstream results of a run of one stage on its own; says why it could not.
    fileprivate func adoptUpstream(_ results: [UpstreamResult], state: inout RunState) throws -> String? {
        guard !results.isEmpty else { return nil }
        do {
            try adopt(results, state: &state)
            return nil
        } catch let error as LabError where error.code == Interruption.code {
            throw error
        } catch {
            return "cannot take the upstream results: " + LabError.describing(error).description
        }
    }
}

/// What a run has learned so far, handed from stage to stage.
struct RunState {
    var runID: Int
    var lock: LockFile
    /// Results of the stages finished so far (run or cached), for the stages after them.
    var records: [String: StageRecord] = [:]
    var reports: [StageReport] = []
    /// Why the run stopped, once a stage failed.
    var stopped: String?
}
