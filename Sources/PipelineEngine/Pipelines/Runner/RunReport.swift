/// What happened to one stage in a run.
public struct StageReport: Sendable, Encodable, Equatable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// The stage did its work.
        case ran
        /// Its inputs were unchanged: the result and outputs came from the cache.
        case cached
        /// It could not run, or a check in it failed.
        case failed
        /// It was not run: an earlier stage stopped the run, or its kind cannot run yet.
        case skipped
    }

    public var name: String
    public var kind: StageKind
    public var status: Status
    /// Why it ran, was cached, failed or was skipped, in words.
    public var reason: String
    /// What the stage did ("6 expectations passed on 1,000 rows"), for ran and cached stages.
    public var summary: String?
    public var seconds: Double
    public var cpuMinutes: Double
    public var gpuMinutes: Double
    /// Dollars this run spent on the stage.
    public var cost: Double
    /// Dollars the cache saved: the recorded cost of the real run it stands in for.
    public var savedCost: Double
    /// The run whose real execution produced the cached result.
    public var cachedFrom: Int?
    /// Outputs put back from the artifact store because they were missing or changed.
    public var restored: [String]
    public var metrics: [String: Double]
    public var gates: [GateResult]
    /// The dependency files the stage read and their content hashes, kept with the run so
    /// `pipeline diff` can say which data changed (empty when it never got to read them).
    public var deps: [FileHash] = []

    enum CodingKeys: String, CodingKey {
        case name, kind, status, reason, summary, seconds, cost, restored, metrics
        case cpuMinutes = "cpu_minutes"
        case gpuMinutes = "gpu_minutes"
        case savedCost = "saved_cost"
        case cachedFrom = "cached_from"
    }
}

/// A gate's verdict as `pipeline run --json` lists it.
public struct RunGate: Sendable, Encodable, Equatable {
    public var stage: String
    public var name: String
    public var type: String
    public var required: Bool
    public var status: GateResult.Status
    public var message: String
}

/// What `pipeline run` reports: the run's id and verdict, every stage, gate and cost.
///
/// Encodes to the `pipeline run --json` contract: `run_id`, `status`, `stages` with `name`,
/// `status`, `reason` and `seconds`, and `gates` with `name`, `status` and `message`.
public struct PipelineRunReport: Sendable, Encodable, Equatable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case passed, failed
    }

    public var runID: Int
    public var pipeline: String
    public var status: Status
    public var stages: [StageReport]
    public var gates: [RunGate]
    public var seconds: Double
    public var cpuMinutes: Double
    public var gpuMinutes: Double
    public var cost: Double
    public var savedCost: Double
    /// The lock file written, relative to the workspace.
    public var lockFile: String

    /// The stage that stopped the run, if one failed.
    public var failedStage: StageReport? { stages.first { $0.status == .failed } }

    enum CodingKeys: String, CodingKey {
        case pipeline, status, stages, gates, seconds, cost
        case runID = "run_id"
        case cpuMinutes = "cpu_minutes"
        case gpuMinutes = "gpu_minutes"
        case savedCost = "saved_cost"
        case lockFile = "lock_file"
    }
}

/// What the runner tells an observer while it works, so a terminal can show progress.
public enum PipelineEvent: Sendable {
    /// A stage is about to be checked and maybe run (`index` counts from 1 up to `total`).
    case stageStarted(name: String, kind: StageKind, index: Int, total: Int)
    /// A long stage reports how far it is: a fraction (nil when unknown) and a note.
    case stageProgress(name: String, fraction: Double?, note: String)
    case stageFinished(StageReport)
}
