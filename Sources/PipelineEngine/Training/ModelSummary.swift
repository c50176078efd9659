/// Who a model is, for reports: its kind, what it predicts from what, its settings and hash.
package struct ModelSummary: Sendable, Equatable, Encodable {
    package var kind: ModelKind
    package var target: String
    package var features: [String]
    package var params: [String: String]
    /// SHA-256 of the model's file (see ``TrainedModel/contentHash()``).
    package var hash: String
    package var classes: [String]
    package var dataHash: String
    package var paramsHash: String

    enum CodingKeys: String, CodingKey {
        case kind, target, features, params, hash, classes
        case dataHash = "data_hash"
        case paramsHash = "params_hash"
    }

    /// The summary of `model`, known by `hash` when it was read from a file (the SHA-256 of
    /// that file's bytes), else by the hash of the file it would be saved as.
    package init(_ model: TrainedModel, hash: String? = nil) throws {
        kind = model.kind
        target = model.target
        features = model.features
        params = model.params
        self.hash = try hash ?? model.contentHash()
        classes = model.classes
        dataHash = model.dataHash
        paramsHash = model.paramsHash
    }
}

/// How one input column was encoded, for the training summary.
package struct ColumnEncoding: Sendable, Equatable, Encodable {
    package var column: String
    /// `numeric`, `categorical` or `text`.
    package var encoding: String
    /// How many model features it became.
    package var width: Int
}
