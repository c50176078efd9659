import LabSupport

/// What a model predicted for the rows of a table.
package struct Predictions: Sendable {
    /// The model's class labels (empty for regression).
    package var classes: [String]
    /// Per row, the index into `classes` of the predicted class (classification only).
    package var classIndices: [Int]
    /// Per row, the probability of each class, row-major (classification only).
    package var probabilities: FeatureMatrix?
    /// Per row, the predicted number (regression only).
    package var values: [Double]

    /// The predicted class label of each row.
    package var labels: [String] { classIndices.map { classes[$0] } }
}

/// A model bound to one table, predicting its rows one at a time or all together.
///
/// Serving predicts single rows, so latency is measured through ``predict(row:)``; the
/// batch path runs the same row encoding and estimator code over every row.
package struct ModelPredictor {
    package let model: TrainedModel
    private let encoder: RowEncoder
    private var features: [Double]
    private var output: [Double]

    package init(model: TrainedModel, table: DataTable) throws {
        self.model = model
        encoder = try RowEncoder(model.preprocessing, table: table)
        features = [Double](repeating: 0, count: encoder.width)
        output = [Double](repeating: 0, count: max(1, model.classes.count))
    }

    /// The prediction for one row: the class index, or the predicted value for regression.
    package mutating func predict(row: Int) -> Double {
        let width = encoder.width
        let estimator = model.estimator
        let encoder = self.encoder
        return features.withUnsafeMutableBufferPointer { x in
            output.withUnsafeMutableBufferPointer { out in
                x.update(repeating: 0)
                x.withStart { features in
                    out.withStart { output in
                        encoder.encode(row: row, into: features)
                        estimator.predict(features, width: width, into: output)
                    }
                }
                return model.task == .regression ? out[0] : Double(argmax(out))
            }
        }
    }

    /// Predictions for every row of the table.
    package func predictAll() -> Predictions {
        let x = encoder.encodeAll()
        return model.predict(x)
    }
}

extension TrainedModel {
    /// Predictions for every row of `table`, or an error naming a missing or mistyped column.
    package func predict(_ table: DataTable) throws -> Predictions {
        try ModelPredictor(model: self, table: table).predictAll()
    }

    /// Predictions for already-preprocessed features, rows split across cores on large inputs.
    func predict(_ x: FeatureMatrix) -> Predictions {
        let width = x.columns
        let outputs = task == .regression ? 1 : classes.count
        guard x.rows > 0 else {
            return Predictions(
                classes: classes, classIndices: [],
                probabilities: task == .regression ? nil : FeatureMatrix(rows: 0, columns: outputs), values: [])
        }
        var out = [Double](repeating: 0, count: x.rows * outputs)
        var indices = [Int](repeating: 0, count: task == .regression ? 0 : x.rows)
        let estimator = self.estimator
        x.values.withUnsafeBufferPointer {
            $0.withStart { rows in
                out.withUnsafeMutableBufferPointer {
                    $0.withStart { out in
                        indices.withUnsafeMutableBufferPointer {
                            $0.withStart { indices in
                                let shared = SharedPointer(base: out)
                                let chosen = task == .regression ? nil : SharedPointer(base: indices)
                                _ = forEachChunk(rows: x.rows, rowsPerChunk: 2048) { range in
                                    for i in range {
                                        let slot = shared.base + i * outputs
                                        estimator.predict(rows + i * width, width: width, into: slot)
                                        if let chosen {
                                            chosen.base[i] = argmax(UnsafeBufferPointer(start: slot, count: outputs))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if task == .regression {
            return Predictions(classes: [], classIndices: [], probabilities: nil, values: out)
        }
        return Predictions(
            classes: classes, classIndices: indices,
            probabilities: FeatureMatrix(rows: x.rows, columns: outputs, values: out), values: [])
    }
}

/// The index of the first largest value.
func argmax<C: Collection>(_ values: C) -> Int where C.Element == Double, C.Index == Int {
    var best = values.startIndex
    for i in values.indices where values[i] > values[best] { best = i }
    return best - values.startIndex
}
