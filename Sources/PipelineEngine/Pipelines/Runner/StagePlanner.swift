import Foundation

/// What to do with a stage, decided from its inputs, the lock file and the run cache.
enum StageDecision: Equatable {
    /// Inputs match the lock file: take the cached result, putting back `restore`.
    case upToDate(StageRecord, restore: [FileHash])
    /// Inputs changed since the lock, but an earlier run had exactly these inputs.
    case fromRunCache(StageRecord, restore: [FileHash], reasons: [String])
    /// The stage must run, for these reasons.
    case run(reasons: [String])
}

/// Decides whether a stage can be skipped, as `dvc repro` does with `dvc.lock` and its run cache.
struct StagePlanner {
    let workspace: Workspace
    let history: PipelineHistory

    func decide(_ stage: StageDefinition, inputs: StageInputs, locked: LockEntry?, force: Bool) throws -> StageDecision
    {
        if force { return .run(reasons: ["forced with --force"]) }
        let fingerprint = inputs.fingerprint
        let record = try history.cachedRecord(stage: stage.name, fingerprint: fingerprint)
        var reasons: [String]
        if let locked {
            reasons = inputs.changes(since: locked)
            if locked.fingerprint == fingerprint || reasons.isEmpty {
                guard let record else {
                    return .run(reasons: ["no cached result for its inputs in .lab (the lab state was reset)"])
                }
                if let problem = try unrestorable(record) { return .run(reasons: [problem]) }
                return .upToDate(record, restore: try outputsToRestore(record))
            }
        } else {
            reasons = ["no successful run yet (not in the lock file)"]
        }
        if let record, try unrestorable(record) == nil {
            return .fromRunCache(record, restore: try outputsToRestore(record), reasons: reasons)
        }
        return .run(reasons: reasons)
    }

    /// The recorded outputs that are missing from the workspace or differ from the record.
    func outputsToRestore(_ record: StageRecord) throws -> [FileHash] {
        try record.outs.filter { out in try StageInputs.hash(out.path, in: workspace)?.sha256 != out.sha256 }
    }

    /// Why the record's outputs cannot be put back, if they cannot.
    private func unrestorable(_ record: StageRecord) throws -> String? {
        for out in try outputsToRestore(record) where !workspace.artifacts.contains(out.sha256) {
            return "output '\(out.path)' is missing and not in the artifact store"
        }
        return nil
    }
}
