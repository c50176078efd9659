import Foundation
import LabSupport

/// The validated `--param k=v` settings of a model, with every default filled in.
///
/// Values are kept as canonical text (`1` and `1.0` both become `1`) so that the same settings
/// always hash the same, whichever way they were typed.
package struct ModelParameters: Sendable, Equatable {
    /// Every setting the model kind knows, by name, as canonical text.
    package private(set) var values: [String: String]

    /// What one setting accepts.
    enum Rule: Sendable {
        case positiveNumber, nonNegativeNumber, positiveInteger, columnList
    }

    /// A setting's name, default and rule.
    struct Spec: Sendable {
        var name: String
        var defaultValue: String
        var rule: Rule
        var meaning: String
    }

    /// The settings every kind takes: how columns are encoded.
    static let preprocessing: [Spec] = [
        Spec(
            name: "max_categories", defaultValue: "20", rule: .positiveInteger,
            meaning: "a text column with at most this many distinct values is one-hot encoded"),
        Spec(
            name: "hash_buckets", defaultValue: "256", rule: .positiveInteger,
            meaning: "buckets of the hashed bag of words for text columns"),
        Spec(
            name: "text_columns", defaultValue: "", rule: .columnList,
            meaning: "columns to treat as free text"),
        Spec(
            name: "categorical_columns", defaultValue: "", rule: .columnList,
            meaning: "columns to one-hot encode"),
    ]

    /// The settings of one model kind, its own first.
    static func specs(for kind: ModelKind) -> [Spec] {
        let own: [Spec] =
            switch kind {
            case .logistic:
                [
                    Spec(
                        name: "C", defaultValue: "1", rule: .positiveNumber,
                        meaning: "inverse strength of the L2 penalty, as scikit-learn's C"),
                    Spec(
                        name: "max_iter", defaultValue: "1000", rule: .positiveInteger,
                        meaning: "most L-BFGS iterations"),
                    Spec(
                        name: "tol", defaultValue: "1e-06", rule: .positiveNumber,
                        meaning: "stop when no gradient entry of the mean loss exceeds this"),
                ]
            case .linear:
                [
                    Spec(
                        name: "alpha", defaultValue: "1", rule: .nonNegativeNumber,
                        meaning: "strength of the L2 penalty, as scikit-learn's Ridge alpha")
                ]
            case .knn:
                [
                    Spec(name: "k", defaultValue: "5", rule: .positiveInteger, meaning: "neighbours that vote")
                ]
            case .naiveBayes:
                [
                    Spec(
                        name: "var_smoothing", defaultValue: "1e-09", rule: .nonNegativeNumber,
                        meaning: "share of the largest feature variance added to every variance")
                ]
            }
        return own + preprocessing
    }

    /// Checks `given` against the settings `kind` takes and fills in the defaults.
    package init(kind: ModelKind, given: [String: String]) throws {
        let specs = Self.specs(for: kind)
        let names = specs.map(\.name)
        var values: [String: String] = [:]
        for spec in specs { values[spec.name] = spec.defaultValue }
        for (name, text) in given.sorted(by: { $0.key < $1.key }) {
            guard let spec = specs.first(where: { $0.name == name }) else {
                var message = "unknown parameter '\(name)' for --model \(kind.rawValue)"
                if let guess = closestMatch(to: name, among: names) { message += ". Did you mean '\(guess)'?" }
                message += " (parameters: \(names.joined(separator: ", ")))"
                throw LabError(.trainUnknownParam, message)
            }
            values[name] = try Self.canonical(text, for: spec)
        }
        self.values = values
    }

    /// Parses `--param` arguments of the form `KEY=VALUE`.
    package static func parse(_ arguments: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw LabError(.usageBadParam, "--param expects KEY=VALUE, got '\(argument)'")
            }
            let key = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
            let value = String(argument[argument.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            if result[key] != nil {
                throw LabError(.usageBadParam, "--param '\(key)' is given twice")
            }
            result[key] = value
        }
        return result
    }

    private static func canonical(_ text: String, for spec: Spec) throws -> String {
        func bad(_ expected: String) -> LabError {
            LabError(.trainBadParam, "parameter '\(spec.name)' must be \(expected), got '\(text)'")
        }
        switch spec.rule {
        case .positiveNumber:
            guard let value = Double(text), value.isFinite, value > 0 else { throw bad("a number greater than 0") }
            return formatDouble(value)
        case .nonNegativeNumber:
            guard let value = Double(text), value.isFinite, value >= 0 else { throw bad("a number of at least 0") }
            return formatDouble(value)
        case .positiveInteger:
            guard let value = Int(text), value > 0 else { throw bad("a whole number of at least 1") }
            return String(value)
        case .columnList:
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: ",")
        }
    }

    /// The setting `name` as a number; an error names a setting the model does not have.
    package func double(_ name: String) throws -> Double {
        let text = try value(name)
        guard let number = Double(text) else {
            throw LabError(.trainBadParam, "parameter '\(name)' is '\(text)', not a number")
        }
        return number
    }

    /// The setting `name` as a whole number; an error names a setting the model does not have.
    package func integer(_ name: String) throws -> Int {
        let text = try value(name)
        guard let number = Int(text) else {
            throw LabError(.trainBadParam, "parameter '\(name)' is '\(text)', not a whole number")
        }
        return number
    }

    /// The setting `name` as a list of column names; an error names a setting the model does not have.
    package func list(_ name: String) throws -> [String] {
        try value(name).split(separator: ",").map(String.init)
    }

    /// The setting `name` as canonical text, or an error naming the key and the settings there are.
    private func value(_ name: String) throws -> String {
        guard let text = values[name] else {
            let names = values.keys.sorted()
            var message = "there is no parameter '\(name)'"
            if let guess = closestMatch(to: name, among: names) { message += "; did you mean '\(guess)'?" }
            message += " (parameters: \(names.joined(separator: ", ")))"
            throw LabError(.trainUnknownParam, message)
        }
        return text
    }

    /// The encoding choices these settings make.
    package var preprocessingOptions: PreprocessingOptions {
        get throws {
            var options = PreprocessingOptions()
            options.maxCategories = try integer("max_categories")
            options.hashBuckets = try integer("hash_buckets")
            options.textColumns = try list("text_columns")
            options.categoricalColumns = try list("categorical_columns")
            return options
        }
    }
}
