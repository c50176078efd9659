import LabSupport

/// What a paired comparison measures: accuracy for classifiers, mean absolute error for
/// regressors.
package enum ComparisonMetric: String, Sendable, Codable, CaseIterable {
    /// The share of rows predicted right; higher is better.
    case accuracy
    /// The mean absolute error; lower is better.
    case mae

    /// The kind of model the metric judges.
    package var task: ModelKind.Task {
        switch self {
        case .accuracy: .classification
        case .mae: .regression
        }
    }

    /// The metric a comparison of `task` models uses when none is named.
    package static func standard(for task: ModelKind.Task) -> ComparisonMetric {
        switch task {
        case .classification: .accuracy
        case .regression: .mae
        }
    }

    /// The metric called `name`, or an error naming the ones there are.
    package static func named(_ name: String) throws -> ComparisonMetric {
        if let metric = ComparisonMetric(rawValue: name) { return metric }
        var message = "unknown metric '\(name)'"
        if let guess = closestMatch(to: name, among: allCases.map(\.rawValue)) {
            message += ". Did you mean '\(guess)'?"
        }
        message += " (compare classifiers on accuracy, regressors on mae)"
        throw LabError(.compareUnknownMetric, message)
    }
}
