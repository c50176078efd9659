package import Foundation

/// One registered model version with the lineage that produced it.
package struct ModelVersion: Codable, Equatable, Sendable {
    package var version: Int
    /// The SHA-256 of the model file, its address in the artifact store.
    package var artifactHash: String
    package var kind: ModelKind
    package var target: String
    package var features: [String]
    package var lineage: Lineage
    package var metrics: [String: Double]
    package var aliases: [String]
    package var createdAt: Date
    package var createdBy: String
    /// Where the model came from: a pipeline run, or the file it was registered from.
    package var source: String

    enum CodingKeys: String, CodingKey {
        case version, kind, target, features, lineage, metrics, aliases, source
        case artifactHash = "artifact_hash"
        case createdAt = "created_at"
        case createdBy = "created_by"
    }
}

/// What a model was made from: enough to trace a bad model back to its data and code.
package struct Lineage: Codable, Equatable, Sendable {
    /// SHA-256 of the training data file.
    package var dataHash: String
    /// SHA-256 of the canonical training parameters.
    package var paramsHash: String
    /// SHA-256 of the pipeline definition, when a pipeline made it.
    package var pipelineHash: String?
    /// The pipeline run that made it, if any.
    package var runID: Int?

    package init(dataHash: String, paramsHash: String, pipelineHash: String? = nil, runID: Int? = nil) {
        self.dataHash = dataHash
        self.paramsHash = paramsHash
        self.pipelineHash = pipelineHash
        self.runID = runID
    }

    enum CodingKeys: String, CodingKey {
        case dataHash = "data_hash"
        case paramsHash = "params_hash"
        case pipelineHash = "pipeline_hash"
        case runID = "run_id"
    }
}

/// What the caller knows about a model being registered.
package struct ModelRegistration: Sendable {
    package var kind: ModelKind
    package var target: String
    package var features: [String]
    package var lineage: Lineage
    package var metrics: [String: Double]
    package var source: String

    package init(
        kind: ModelKind, target: String, features: [String], lineage: Lineage, metrics: [String: Double],
        source: String
    ) {
        self.kind = kind
        self.target = target
        self.features = features
        self.lineage = lineage
        self.metrics = metrics
        self.source = source
    }
}
