package import Foundation

/// One registered model version with the lineage that produced it.
package struct ModelVersion: Codable, Equatable, Sendable {
    package var version: Int
    /// The SHA-256 of the model file, its address in the artifact store.
    public var artifactHash: String
    public var kind: ModelKind
    public var target: String
    public var features: [String]
    public var lineage: Lineage
    public var metrics: [String: Double]
    public var aliases: [String]
    public var createdAt: Date
    public var createdBy: String
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
public struct ModelRegistration: Sendable {
    public var kind: ModelKind
    public var target: String
    public var features: [String]
    public var lineage: Lineage
    public var metrics: [String: Double]
    public var source: String

    public init(kind: ModelKind, target: String, features: [String], lineage: Lineage, metrics: [String: Double],
                source: String) {
        self.kind = kind
        self.target = target
        self.features = features
        self.lineage = lineage
        self.metrics = metrics
        self.source = source
    }
}
