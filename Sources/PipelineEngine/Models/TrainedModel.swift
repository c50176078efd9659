package import Foundation
import LabSupport

/// A trained model as saved to a model file: what it predicts, from what, how, and its lineage.
///
/// The file is JSON so a learner can open it and see the preprocessing and the weights; the
/// hashes of the training data and params tie it to exactly what produced it.
package struct TrainedModel: Sendable, Equatable {
    /// The value of the file's `format` key, so that other JSON is refused early.
    package static let format = "cicdlab-model"

    package var kind: ModelKind
    package var target: String
    /// The input columns, in the order the preprocessing reads them.
    package var features: [String]
    /// The class labels in label order (empty for regression); the last is the positive class
    /// of a binary model.
    package var classes: [String]
    /// Every setting, with defaults filled in, as canonical text.
    package var params: [String: String]
    package var seed: UInt64
    package var preprocessing: Preprocessor
    var estimator: FittedEstimator
    /// SHA-256 of the training data file's bytes.
    package var dataHash: String
    /// SHA-256 of the params' canonical text (see ``TrainingRequest``).
    package var paramsHash: String
    package var trainRows: Int
    package var testRows: Int

    package var task: ModelKind.Task { kind.task }

    /// The positive class of a binary classifier: the last class in label order.
    package var positiveClass: String? { classes.count == 2 ? classes[1] : nil }

    /// Optimiser iterations and whether it converged, for models fitted iteratively.
    package var convergence: (iterations: Int, converged: Bool)? {
        if case .logistic(let model) = estimator { return (model.iterations, model.converged) }
        return nil
    }

    /// SHA-256 of the model file that ``save(to:named:)`` writes: the model's one identity,
    /// the same in training and evaluation reports, gates and the registry.
    ///
    /// A model file holds no time of its own (the registry records when a version was made), so
    /// retraining on the same inputs writes the same bytes, and so the same hash.
    package func contentHash() throws -> String {
        ContentHash.hex(try fileData())
    }

    /// The bytes of the model's file: pretty-printed JSON with sorted keys.
    package func fileData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Writes the model as pretty-printed JSON to `path` (`name` as the user typed it).
    package func save(to path: String, named name: String? = nil) throws {
        try RegularFile.checkWritable(path, named: name)
        let data = try fileData()
        try FileSystemFailure.performing(.write, path: path, named: name) {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        }
    }

    /// Writes the model as pretty-printed JSON to `path` inside `files` (never through a
    /// symlink) and returns the bytes written.
    @discardableResult
    package func save(to path: String, in files: ConfinedDirectory) throws -> Data {
        let data = try fileData()
        try files.write(data, to: path)
        return data
    }

    /// Reads a model file, or explains why it is not one; `name` is the path as the user typed it.
    package static func load(from path: String, named name: String? = nil) throws -> TrainedModel {
        try open(path, named: name).model
    }

    /// Reads a model file with its identity, the SHA-256 of its bytes (a file edited by hand
    /// keeps the hash of what is on disk); `name` is the path as the user typed it.
    package static func open(_ path: String, named name: String? = nil) throws -> ModelFile {
        let name = name ?? path
        guard FileManager.default.fileExists(atPath: path) else {
            throw LabError(.fileNotFound, "no such file; expected a model file written by `train --out`", file: name)
        }
        guard let data = try RegularFile.contents(atPath: path) else {
            throw LabError(.fileUnreadable, "cannot read the model file", file: name)
        }
        do {
            return ModelFile(
                model: try JSONDecoder().decode(TrainedModel.self, from: data), sha256: ContentHash.hex(data))
        } catch let error as LabError {
            throw LabError(error.code, error.message, file: name)
        } catch {
            throw LabError(
                .modelInvalid, "not a cicdlab model file (\(LabError.reason(for: error)))", file: name, cause: error)
        }
    }
}

/// A model as read from its file, with the SHA-256 of the file's bytes: the identity the
/// registry stores it under and every report shows (in its 12-character short form).
package struct ModelFile: Sendable {
    package var model: TrainedModel
    package var sha256: String
}

extension TrainedModel: Codable {
    enum CodingKeys: String, CodingKey {
        case format, kind, task, target, features, classes, params, seed, preprocessing, weights
        case dataHash = "data_hash"
        case paramsHash = "params_hash"
        case trainRows = "train_rows"
        case testRows = "test_rows"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let format = try container.decodeIfPresent(String.self, forKey: .format)
        guard format == Self.format else {
            throw LabError(
                .modelInvalid,
                "not a cicdlab model file (its \"format\" is \(format.map { "'\($0)'" } ?? "missing"), expected '\(Self.format)')"
            )
        }
        kind = try container.decode(ModelKind.self, forKey: .kind)
        target = try container.decode(String.self, forKey: .target)
        features = try container.decode([String].self, forKey: .features)
        classes = try container.decode([String].self, forKey: .classes)
        params = try container.decode([String: String].self, forKey: .params)
        seed = try container.decode(UInt64.self, forKey: .seed)
        preprocessing = try container.decode(Preprocessor.self, forKey: .preprocessing)
        estimator = try FittedEstimator(kind: kind, from: container.superDecoder(forKey: .weights))
        dataHash = try container.decode(String.self, forKey: .dataHash)
        paramsHash = try container.decode(String.self, forKey: .paramsHash)
        trainRows = try container.decode(Int.self, forKey: .trainRows)
        testRows = try container.decode(Int.self, forKey: .testRows)
        try checkShape()
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.format, forKey: .format)
        try container.encode(kind, forKey: .kind)
        try container.encode(task, forKey: .task)
        try container.encode(target, forKey: .target)
        try container.encode(features, forKey: .features)
        try container.encode(classes, forKey: .classes)
        try container.encode(params, forKey: .params)
        try container.encode(seed, forKey: .seed)
        try container.encode(preprocessing, forKey: .preprocessing)
        try estimator.encode(to: container.superEncoder(forKey: .weights))
        try container.encode(dataHash, forKey: .dataHash)
        try container.encode(paramsHash, forKey: .paramsHash)
        try container.encode(trainRows, forKey: .trainRows)
        try container.encode(testRows, forKey: .testRows)
    }
}
