import Foundation
import LabSupport

/// Everything `train` needs: the data, what to predict from what, with which model and seed.
package struct TrainingRequest: Sendable {
    /// The training data (all of it when the test rows are split off).
    package var train: DataTable
    /// Separate test data; when nil, `testRatio` of `train` is split off with `seed`.
    package var test: DataTable?
    package var testRatio: Double = 0.2
    package var target: String
    /// The input columns; nil means every column but the target.
    package var features: [String]?
    package var model: ModelKind = .logistic
    /// `--param` settings, checked against what `model` takes.
    package var params: [String: String] = [:]
    package var seed: UInt64 = 42
    /// SHA-256 of the training data file's bytes (see ``ContentHash/hex(fileAt:)``).
    package var dataHash: String

    package init(train: DataTable, target: String, dataHash: String) {
        self.train = train
        self.target = target
        self.dataHash = dataHash
    }

    /// The text the params hash is taken of: every setting that shapes the model, one
    /// `key=value` line each in key order (model params with defaults, plus `features`,
    /// `model`, `seed`, `target`, and `test_ratio` when the test rows are split off).
    static func canonicalParams(
        kind: ModelKind, target: String, features: [String], parameters: ModelParameters,
        seed: UInt64, testRatio: Double?
    ) -> String {
        var values = parameters.values
        values["features"] = features.joined(separator: ",")
        values["model"] = kind.rawValue
        values["seed"] = String(seed)
        values["target"] = target
        if let testRatio { values["test_ratio"] = formatDouble(testRatio) }
        return values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined()
    }
}
