/// What happened to one stage in a run.
package struct StageReport: Sendable, Encodable, Equatable {
    package enum Status: String, Sendable, Codable, CaseIterable {
        /// The stage did its work.
        case ran
        /// Its inputs were unchanged: the result and outputs came from the cache.
        case cached
        /// It could not run, or a check in it failed.
        case failed
        /// It was not run: an earlier stage stopped the run, or its kind cannot run yet.
        case skipped
    }

    package var name: String
    package var kind: StageKind
    package var status: Status
    /// Why it ran, was cached, failed or was skipped, in words.
    package var reason: String
    /// What the stage did ("6 expectations passed on 1,000 rows"), for ran and cached stages.
    package var summary: String?
    package var seconds: Double
    package var cpuMinutes: Double
    package var gpuMinutes: Double
    /// Dollars this run spent on the stage.
    package var cost: Double
    /// Dollars the cache saved: the recorded cost of the real run it stands in for.
    package var savedCost: Double
    /// The run whose real execution produced the cached result.
    package var cachedFrom: Int?
    /// Outputs put back from the artifact store because they were missing or changed.
    package var restored: [String]
    package var metrics: [String: Double]
    package var gates: [GateResult]
    /// The dependency files the stage read and their content hashes, kept with the run so
    /// `pipeline diff` can say which data changed (empty when it never got to read them).
    package var deps: [FileHash] = []

    enum CodingKeys: String, CodingKey {
        case name, kind, status, reason, summary, seconds, cost, restored, metrics
        case cpuMinutes = "cpu_minutes"
        case gpuMinutes = "gpu_minutes"
        case savedCost = "saved_cost"
        case cachedFrom = "cached_from"
    }
}

/// A gate's verdict as `pipeline run --json` lists it.
package struct RunGate: Sendable, Encodable, Equatable {
    package var stage: String
    package var name: String
    package var type: String
    package var required: Bool
    package var status: GateResult.Status
    package var message: String
}

/// What `pipeline run` reports: the run's id and verdict, every stage, gate and cost.
///
/// Encodes to the `pipeline run --json` contract: `run_id`, `status`, `stages` with `name`,
/// `status`, `reason` and `seconds`, and `gates` with `name`, `status` and `message`.
package struct PipelineRunReport: Sendable, Encodable, Equatable {
    package enum Status: String, Sendable, Codable, CaseIterable {
        case passed, failed
    }

    package var runID: Int
    package var pipeline: String
    package var status: Status
    package var stages: [StageReport]
    package var gates: [RunGate]
    package var seconds: Double
    package var cpuMinutes: Double
    package var gpuMinutes: Double
    package var cost: Double
    package var savedCost: Double
    /// The lock file written, relative to the workspace.
    package var lockFile: String
    /// False for a rerun that found nothing to do right after a run that also found nothing to
    /// do: it is reported as that run (``runID``) and not recorded again (see
    /// ``PipelineRunner/recordsRepeatedNoOps``).
    package var recorded = true

    /// The stage that stopped the run, if one failed.
    package var failedStage: StageReport? { stages.first { $0.status == .failed } }

    enum CodingKeys: String, CodingKey {
        case pipeline, status, stages, gates, seconds, cost
        case runID = "run_id"
        case cpuMinutes = "cpu_minutes"
        case gpuMinutes = "gpu_minutes"
        case savedCost = "saved_cost"
        case lockFile = "lock_file"
        case recorded
    }
}

/// What the runner tells an observer while it works, so a terminal can show progress.
package enum PipelineEvent: Sendable {
    /// A stage is about to be checked and maybe run (`index` counts from 1 up to `total`).
    case stageStarted(name: String, kind: StageKind, index: Int, total: Int)
    /// A long stage reports how far it is: a fraction (nil when unknown) and a note.
    case stageProgress(name: String, fraction: Double?, note: String)
    case stageFinished(StageReport)
}
