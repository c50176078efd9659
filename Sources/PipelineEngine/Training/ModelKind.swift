import LabSupport

/// The kinds of model `train --model` can fit.
package enum ModelKind: String, Sendable, Codable, CaseIterable {
    /// L2-regularised logistic regression (binary or multinomial softmax).
    case logistic
    /// Ridge regression.
    case linear
    /// k-nearest-neighbours classification.
    case knn
    /// Gaussian naive Bayes.
    case naiveBayes = "naive-bayes"

    /// What the model predicts: a class or a number.
    package var task: Task {
        self == .linear ? .regression : .classification
    }

    /// Whether a model predicts classes or numbers.
    package enum Task: String, Sendable, Codable {
        case classification, regression
    }

    /// The kind called `name`, or an error that suggests the nearest one.
    package static func named(_ name: String) throws -> ModelKind {
        if let kind = ModelKind(rawValue: name) { return kind }
        let names = allCases.map(\.rawValue)
        var message = "unknown model '\(name)'"
        if let guess = closestMatch(to: name, among: names) { message += ". Did you mean '\(guess)'?" }
        message += " (models: \(names.joined(separator: ", ")))"
        throw LabError(.trainUnknownModel, message)
    }
}
