import Foundation
import LabSupport

/// L2-regularised logistic regression, binary or multinomial (softmax), fitted with L-BFGS.
///
/// It minimises the same objective as scikit-learn's `LogisticRegression(C=…)` with the
/// `lbfgs` solver: the mean log loss plus ‖W‖² / (2·C·n), the intercepts left unpenalised. Two
/// classes get one weight vector (for the last class); more get one per class.
struct LogisticRegression: Sendable, Equatable, Codable {
    /// One row of `width` weights per vector: 1 for binary, one per class otherwise.
    var coefficients: [[Double]]
    var intercepts: [Double]
    var iterations: Int
    var converged: Bool

    /// Fits weights to `x` and class indices `labels` in `0..<classCount`.
    static func fit(
        _ x: FeatureMatrix, labels: [Int], classCount: Int, c: Double, maxIterations: Int, tolerance: Double
    ) -> LogisticRegression {
        let d = x.columns
        let vectors = classCount == 2 ? 1 : classCount
        let penalty = 1 / (c * Double(x.rows))
        let optimiser = LBFGS(tolerance: tolerance, maxIterations: maxIterations)
        let start = [Double](repeating: 0, count: vectors * (d + 1))
        let outcome = x.values.withUnsafeBufferPointer {
            $0.withStart { data in
                optimiser.minimize(from: start) { params, gradient in
                    vectors == 1
                        ? binaryObjective(
                            data, rows: x.rows, width: d, labels: labels, params: params, penalty: penalty,
                            gradient: &gradient)
                        : softmaxObjective(
                            data, rows: x.rows, width: d, classes: vectors, labels: labels, params: params,
                            penalty: penalty, gradient: &gradient)
                }
            }
        }
        let weights = outcome.x
        return LogisticRegression(
            coefficients: (0..<vectors).map { Array(weights[$0 * d..<($0 + 1) * d]) },
            intercepts: Array(weights[(vectors * d)...]),
            iterations: outcome.iterations,
            converged: outcome.converged)
    }

    /// Writes the class probabilities of one row into `out`.
    func probabilities(_ row: UnsafePointer<Double>, width: Int, into out: UnsafeMutablePointer<Double>) {
        if coefficients.count == 1 {
            let p = coefficients[0].withUnsafeBufferPointer {
                $0.withStart { sigmoid(intercepts[0] + dotRow(row, $0, width)) }
            }
            out[0] = 1 - p
            out[1] = p
            return
        }
        var top = -Double.infinity
        for k in coefficients.indices {
            out[k] = coefficients[k].withUnsafeBufferPointer { $0.withStart { intercepts[k] + dotRow(row, $0, width) } }
            top = max(top, out[k])
        }
        var total = 0.0
        for k in coefficients.indices {
            out[k] = exp(out[k] - top)
            total += out[k]
        }
        for k in coefficients.indices { out[k] /= total }
    }

    /// Mean binary log loss plus penalty; `params` is the weights then the intercept.
    static func binaryObjective(
        _ x: UnsafePointer<Double>, rows: Int, width d: Int, labels: [Int],
        params: [Double], penalty: Double, gradient: inout [Double]
    ) -> Double {
        let parts = params.withUnsafeBufferPointer { p in
            labels.withUnsafeBufferPointer { y in
                forEachChunk(rows: rows) { range -> (Double, [Double]) in
                    var loss = 0.0
                    var g = [Double](repeating: 0, count: d + 1)
                    g.withUnsafeMutableBufferPointer { g in
                        p.withStart { w in
                            g.withStart { gradientRow in
                                let b = p[d]
                                for i in range {
                                    let row = x + i * d
                                    let z = b + dotRow(row, w, d)
                                    let target = Double(y[i])
                                    let (softplus, probability) = logisticLossParts(z)
                                    loss += softplus - target * z
                                    let residual = probability - target
                                    addScaledRow(residual, row, gradientRow, d)
                                    g[d] += residual
                                }
                            }
                        }
                    }
                    return (loss, g)
                }
            }
        }
        return combine(parts, rows: rows, params: params, penalizedCount: d, penalty: penalty, gradient: &gradient)
    }

    /// Mean multinomial log loss plus penalty; `params` is K weight rows then K intercepts.
    static func softmaxObjective(
        _ x: UnsafePointer<Double>, rows: Int, width d: Int, classes: Int, labels: [Int],
        params: [Double], penalty: Double, gradient: inout [Double]
    ) -> Double {
        let parts = params.withUnsafeBufferPointer { p in
            labels.withUnsafeBufferPointer { y in
                forEachChunk(rows: rows) { range -> (Double, [Double]) in
                    var loss = 0.0
                    var g = [Double](repeating: 0, count: classes * (d + 1))
                    var z = [Double](repeating: 0, count: classes)
                    g.withUnsafeMutableBufferPointer { g in
                        z.withUnsafeMutableBufferPointer { z in
                            p.withStart { w in
                                g.withStart { gradientRows in
                                    for i in range {
                                        let row = x + i * d
                                        var top = -Double.infinity
                                        for k in 0..<classes {
                                            z[k] = p[classes * d + k] + dotRow(row, w + k * d, d)
                                            top = max(top, z[k])
                                        }
                                        var total = 0.0
                                        for k in 0..<classes {
                                            z[k] = exp(z[k] - top)
                                            total += z[k]
                                        }
                                        let label = y[i]
                                        loss += log(total) - log(z[label])
                                        for k in 0..<classes {
                                            let residual = z[k] / total - (k == label ? 1 : 0)
                                            addScaledRow(residual, row, gradientRows + k * d, d)
                                            g[classes * d + k] += residual
                                        }
                                    }
                                }
                            }
                        }
                    }
                    return (loss, g)
                }
            }
        }
        return combine(
            parts, rows: rows, params: params, penalizedCount: classes * d, penalty: penalty, gradient: &gradient)
    }

    /// Sums the chunks in order, takes the mean, and adds the penalty on the first `penalizedCount` params.
    private static func combine(
        _ parts: [(Double, [Double])], rows: Int, params: [Double], penalizedCount: Int,
        penalty: Double, gradient: inout [Double]
    ) -> Double {
        let n = Double(rows)
        var loss = 0.0
        for i in gradient.indices { gradient[i] = 0 }
        for (partLoss, partGradient) in parts {
            loss += partLoss
            for i in gradient.indices { gradient[i] += partGradient[i] }
        }
        loss /= n
        var squares = 0.0
        for i in gradient.indices {
            gradient[i] /= n
            if i < penalizedCount {
                gradient[i] += penalty * params[i]
                squares += params[i] * params[i]
            }
        }
        return loss + 0.5 * penalty * squares
    }
}
