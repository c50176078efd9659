import LabSupport

/// Ridge regression: least squares with an L2 penalty, solved in closed form.
///
/// Like scikit-learn's `Ridge(alpha=…)`, the features and target are centred first so the
/// intercept is not penalised, then (XᵀX + αI)·w = Xᵀy is solved by Cholesky.
struct RidgeRegression: Sendable, Equatable, Codable {
    var coefficients: [Double]
    var intercept: Double

    /// Fits `x` to `targets`, or fails when the system is singular (collinear features, alpha 0).
    static func fit(_ x: FeatureMatrix, targets: [Double], alpha: Double) throws -> RidgeRegression {
        let n = x.rows
        let d = x.columns
        var means = [Double](repeating: 0, count: d)
        var targetMean = 0.0
        x.values.withUnsafeBufferPointer {
            $0.withStart { values in
                for i in 0..<n {
                    addScaledRow(1, values + i * d, &means, d)
                    targetMean += targets[i]
                }
            }
        }
        for j in 0..<d { means[j] /= Double(n) }
        targetMean /= Double(n)

        // The centred Gram matrix XcᵀXc and Xcᵀyc, summed over row chunks in order.
        let parts = x.values.withUnsafeBufferPointer {
            $0.withStart { values in
                forEachChunk(rows: n) { range -> ([Double], [Double]) in
                    var gram = [Double](repeating: 0, count: d * d)
                    var moment = [Double](repeating: 0, count: d)
                    var centred = [Double](repeating: 0, count: d)
                    for i in range {
                        let row = values + i * d
                        for j in 0..<d { centred[j] = row[j] - means[j] }
                        let y = targets[i] - targetMean
                        for j in 0..<d {
                            let cj = centred[j]
                            if cj == 0 { continue }
                            moment[j] += cj * y
                            for k in j..<d { gram[j * d + k] += cj * centred[k] }
                        }
                    }
                    return (gram, moment)
                }
            }
        }
        var gram = [Double](repeating: 0, count: d * d)
        var moment = [Double](repeating: 0, count: d)
        for (partGram, partMoment) in parts {
            for i in gram.indices { gram[i] += partGram[i] }
            for j in moment.indices { moment[j] += partMoment[j] }
        }
        for j in 0..<d {
            gram[j * d + j] += alpha
            for k in 0..<j { gram[j * d + k] = gram[k * d + j] }
        }
        guard let weights = Cholesky.solve(gram, moment, n: d) else {
            throw LabError(
                .trainSingular,
                "the features are collinear, so the least-squares problem has no unique solution; use --param alpha=1 (or larger)"
            )
        }
        var intercept = targetMean
        for j in 0..<d { intercept -= means[j] * weights[j] }
        return RidgeRegression(coefficients: weights, intercept: intercept)
    }

    /// The prediction for one row.
    func predict(_ row: UnsafePointer<Double>, width: Int) -> Double {
        coefficients.withUnsafeBufferPointer { $0.withStart { intercept + dotRow(row, $0, width) } }
    }
}
