package import Foundation

/// What an executor may see and use while it runs one stage.
package struct StageContext {
    package let workspace: Workspace
    package let pipeline: PipelineDefinition
    /// The run this stage belongs to, recorded in model lineage.
    package let runID: Int
    /// Who started the run, for the audit log and the registry.
    package let actor: String
    /// The values of the params the stage lists, as written in `params.yaml`.
    package let params: [String: String]
    /// Results of the stages already finished in this run (run or taken from the cache).
    package let upstream: [String: StageRecord]
    /// Reports progress of a long stage: a fraction done (nil when unknown) and a note.
    package let progress: (Double?, String) -> Void

    /// The absolute path of a workspace file the pipeline names, confined to the workspace.
    package func path(_ relative: String) throws -> String {
        try workspace.paths.resolve(relative, in: pipeline.file)
    }

    /// The payload of a finished upstream stage, read back from the artifact store.
    package func payload(of stage: String) throws -> Data? {
        guard let hash = upstream[stage]?.resultHash else { return nil }
        return try workspace.artifacts.read(hash)
    }

    /// The nearest finished upstream stage of `kind`, for a stage that reads its result.
    package func nearestUpstream(_ kind: StageKind, of stage: StageDefinition) -> StageRecord? {
        PipelineGraph(pipeline.stages).ancestors(of: stage.name).lazy.compactMap { upstream[$0] }.first {
            $0.kind == kind
        }
    }
}
