/// Regression metrics, defined as scikit-learn defines them.
package enum RegressionMetrics {
    /// The square root of the mean squared error.
    package static func rmse(_ truth: [Double], _ predicted: [Double]) -> Double {
        guard !truth.isEmpty else { return 0 }
        var sum = 0.0
        for i in truth.indices { sum += (truth[i] - predicted[i]) * (truth[i] - predicted[i]) }
        return (sum / Double(truth.count)).squareRoot()
    }

    /// The mean absolute error.
    package static func mae(_ truth: [Double], _ predicted: [Double]) -> Double {
        guard !truth.isEmpty else { return 0 }
        var sum = 0.0
        for i in truth.indices { sum += abs(truth[i] - predicted[i]) }
        return sum / Double(truth.count)
    }

    /// The coefficient of determination, 1 − SS_res / SS_tot.
    ///
    /// For a constant target it is 1 when the predictions are perfect and 0 otherwise, as
    /// scikit-learn's `r2_score` with its default `force_finite=True`.
    package static func r2(_ truth: [Double], _ predicted: [Double]) -> Double {
        guard !truth.isEmpty else { return 0 }
        let mean = truth.reduce(0, +) / Double(truth.count)
        var residual = 0.0
        var total = 0.0
        for i in truth.indices {
            residual += (truth[i] - predicted[i]) * (truth[i] - predicted[i])
            total += (truth[i] - mean) * (truth[i] - mean)
        }
        if total == 0 { return residual == 0 ? 1 : 0 }
        return 1 - residual / total
    }
}
