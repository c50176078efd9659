import Foundation

/// The validated `--param k=v` settings of a model, with every default filled in.
///
/// Values are kept as canonical text (`1` and `1.0` both become `1`) so that the same settings
/// always hash the same, whichever way they were typed.
public struct ModelParameters: Sendable, Equatable {
    /// Every setting the model kind knows, by name, as canonical text.
    public private(set) var values: [String: String]

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
    public init(kind: ModelKind, given: [String: String]) throws {
        let specs = Self.specs(for: kind)
        let names = specs.map(\.name)
        var values: [String: String] = [:]
        for spec in specs { values[spec.name] = spec.defaultValue }
        for name in given.keys.sorted() {
            guard let spec = specs.first(where: { $0.name == name }) else {
                var message = "unknown parameter '\(name)' for --model \(kind.rawValue)"
                if let guess = closestMatch(to: name, among: names) { message += ". Did you mean '\(guess)'?" }
                message += " (parameters: \(names.joined(separator: ", ")))"
                throw LabError(.trainUnknownParam, message)
            }
            values[name] = try Self.canonical(given[name]!, for: spec)
        }
        self.values = values
    }

    /// Parses `--param` arguments of the form `KEY=VALUE`.
    public static func parse(_ arguments: [String]) throws -> [String: String] {
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

    public func double(_ name: String) -> Double { Double(values[name]!)! }
    public func integer(_ name: String) -> Int { Int(values[name]!)! }
    public func list(_ name: String) -> [String] {
        values[name]!.split(separator: ",").map(String.init)
    }

    /// The encoding choices these settings make.
    public var preprocessingOptions: PreprocessingOptions {
        var options = PreprocessingOptions()
        options.maxCategories = integer("max_categories")
        options.hashBuckets = integer("hash_buckets")
        options.textColumns = list("text_columns")
        options.categoricalColumns = list("categorical_columns")
        return options
    }

    /// `key=value` lines in key order: the text the params hash is taken of.
    public var canonicalText: String {
        values.keys.sorted().map { "\($0)=\(values[$0]!)\n" }.joined()
    }
}
