package import Foundation
import LabSupport

/// Runs the stages of one kind: the runner decides whether a stage must run; the executor
/// does the work.
///
/// The runner owns ordering, caching, the lock file, history and cost; an executor only reads
/// its stage's inputs from the ``StageContext``, writes its `outs`, and reports an outcome. That
/// split is what lets the engine be tested with executors that count calls.
package protocol StageExecutor {
    /// Inputs beyond files and params that decide whether a cached result still holds, such as
    /// the registry's champion a gate compares with. Keys name them in reasons.
    func externalInputs(for stage: StageDefinition, in context: StageContext) throws -> [String: String]

    /// Does the stage's work. Throw a `LabError` for a stage that cannot run (bad data, a
    /// missing column); return an outcome with a `failure` for a check that failed.
    func run(_ stage: StageDefinition, in context: StageContext) throws -> StageOutcome

    /// Called when the stage's result was taken from the cache instead of running, so an
    /// executor can put back what lives outside its outputs (the `challenger` alias).
    func restored(_ stage: StageDefinition, record: StageRecord, in context: StageContext) throws

    /// Whether ``restored(_:record:in:)`` would leave everything as it is, so that a rerun with
    /// nothing to do need not be recorded.
    func restoreChangesNothing(_ stage: StageDefinition, record: StageRecord, in context: StageContext) throws -> Bool
}

extension StageExecutor {
    package func externalInputs(for stage: StageDefinition, in context: StageContext) throws -> [String: String] { [:] }
    package func restored(_ stage: StageDefinition, record: StageRecord, in context: StageContext) throws {}
    package func restoreChangesNothing(
        _ stage: StageDefinition, record: StageRecord, in context: StageContext
    ) throws -> Bool { true }
}

/// What an executor reports after running a stage.
package struct StageOutcome: Sendable {
    /// Why the stage failed (a failed expectation, a failed required gate), or nil.
    package var failure: String?
    /// One line on what the stage did: "6 expectations passed on 1,000 rows".
    package var summary: String
    /// Metrics to record in the run's history (`accuracy`, `f1`, ...).
    package var metrics: [String: Double]
    /// The stage's full result as JSON, kept in the artifact store and given to later stages.
    package var payload: Data?
    /// Verdicts of gates, for a gate stage.
    package var gates: [GateResult]
    /// The simulated work done, in the units ``CostModel`` prices for this kind.
    package var work: Double

    package init(
        failure: String? = nil, summary: String, metrics: [String: Double] = [:], payload: Data? = nil,
        gates: [GateResult] = [], work: Double = 0
    ) {
        self.failure = failure
        self.summary = summary
        self.metrics = metrics
        self.payload = payload
        self.gates = gates
        self.work = work
    }
}

/// A stage's finished result, as the run cache keeps it and later stages read it.
package struct StageRecord: Sendable, Codable, Equatable {
    package var stage: String
    package var kind: StageKind
    /// The run whose real execution produced it.
    package var runID: Int
    package var outs: [FileHash]
    /// SHA-256 of the payload in the artifact store, if the stage left one.
    package var resultHash: String?
    package var summary: String
    package var metrics: [String: Double]
    package var gates: [GateResult]
    package var cost: StageCost
}

/// A file and its content hash, as the lock file and the run cache record them.
package struct FileHash: Sendable, Codable, Equatable {
    package var path: String
    package var sha256: String
    package var size: Int

    package init(path: String, sha256: String, size: Int) {
        self.path = path
        self.sha256 = sha256
        self.size = size
    }
}

/// The executors a runner can use, by kind.
///
/// A kind without one is skipped with a reason.
package struct StageExecutors {
    private var byKind: [StageKind: any StageExecutor] = [:]
    /// Why kinds without an executor are not run.
    package var missingReason: [StageKind: String] = [:]

    package init() {}

    package subscript(kind: StageKind) -> (any StageExecutor)? {
        get { byKind[kind] }
        set { byKind[kind] = newValue }
    }
}
