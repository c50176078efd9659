import Foundation

/// Gaussian naive Bayes: each class models each feature as an independent normal distribution.
///
/// As scikit-learn's `GaussianNB()`: class priors are the training frequencies, variances are
/// population variances per class, and `var_smoothing` × the largest feature variance is added
/// to all of them so that a feature constant within a class cannot divide by zero.
struct GaussianNaiveBayes: Sendable, Equatable, Codable {
    /// Per class, the mean of each feature.
    var means: [[Double]]
    /// Per class, the smoothed variance of each feature.
    var variances: [[Double]]
    var priors: [Double]

    static func fit(_ x: FeatureMatrix, labels: [Int], classCount: Int, varSmoothing: Double) -> GaussianNaiveBayes {
        let d = x.columns
        var counts = [Double](repeating: 0, count: classCount)
        var means = [[Double]](repeating: [Double](repeating: 0, count: d), count: classCount)
        var variances = means
        var overallMean = [Double](repeating: 0, count: d)
        for i in 0..<x.rows {
            counts[labels[i]] += 1
            for j in 0..<d {
                means[labels[i]][j] += x[i, j]
                overallMean[j] += x[i, j]
            }
        }
        for c in 0..<classCount where counts[c] > 0 {
            for j in 0..<d { means[c][j] /= counts[c] }
        }
        for j in 0..<d { overallMean[j] /= Double(x.rows) }
        var overallVariance = [Double](repeating: 0, count: d)
        for i in 0..<x.rows {
            for j in 0..<d {
                let delta = x[i, j] - means[labels[i]][j]
                variances[labels[i]][j] += delta * delta
                let overall = x[i, j] - overallMean[j]
                overallVariance[j] += overall * overall
            }
        }
        let largest = overallVariance.map { $0 / Double(x.rows) }.max() ?? 0
        let epsilon = max(varSmoothing * largest, Double.leastNormalMagnitude)
        for c in 0..<classCount {
            for j in 0..<d { variances[c][j] = (counts[c] > 0 ? variances[c][j] / counts[c] : 0) + epsilon }
        }
        return GaussianNaiveBayes(means: means, variances: variances, priors: counts.map { $0 / Double(x.rows) })
    }

    /// Writes the class probabilities of one row into `out`.
    func probabilities(_ row: UnsafePointer<Double>, width: Int, into out: UnsafeMutablePointer<Double>) {
        var top = -Double.infinity
        for c in priors.indices {
            var logLikelihood = log(priors[c])
            for j in 0..<width {
                let variance = variances[c][j]
                let delta = row[j] - means[c][j]
                logLikelihood -= 0.5 * log(2 * Double.pi * variance) + 0.5 * delta * delta / variance
            }
            out[c] = logLikelihood
            top = max(top, logLikelihood)
        }
        var total = 0.0
        for c in priors.indices {
            out[c] = exp(out[c] - top)
            total += out[c]
        }
        for c in priors.indices { out[c] /= total }
    }
}
