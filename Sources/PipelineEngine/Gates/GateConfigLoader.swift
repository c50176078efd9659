import Foundation
import LabSupport
import Yams

/// Reads a gate configuration (`gates.yaml`): a `gates:` list evaluated in order.
///
/// ```yaml
/// data: data/churn-test.csv     # evaluation data (optional; `--data` overrides)
/// gates:
///   - name: accuracy-floor
///     type: threshold
///     metric: accuracy
///     min: 0.85
///   - type: no_regression        # name defaults to the type
///     metric: accuracy
///     relative: 1%               # accuracy >= champion × 0.99
///   - type: fairness
///     slice: region
///     min_parity_ratio: 0.8      # the four-fifths rule
///     required: false            # advisory: reported, never blocking
/// ```
/// A parsed `gates.yaml`: its gates in order, and the evaluation data it names.
package struct GateConfig: Sendable, Equatable {
    package var gates: [Gate]
    /// The evaluation data, relative to the workspace (`data: data/churn-test.csv`).
    package var data: String?
    package var dataLine: Int?
}

package enum GateConfigLoader {
    static let keysByType: [String: [String]] = [
        "schema": ["columns", "types"],
        "threshold": ["metric", "min", "max"],
        "no_regression": ["metric", "max_drop", "relative"],
        "latency": ["p95_ms", "p99_ms", "max_ratio"],
        "memory": ["max_mb"],
        "fairness": ["slice", "min_parity_ratio", "max_odds_difference"],
        "shadow": ["min_agreement"],
    ]
    static let commonKeys = ["name", "type", "required"]

    /// Loads the gates from the file at `path`; `displayName` is how messages name it.
    package static func load(path: String, displayName: String? = nil) throws -> [Gate] {
        try loadConfig(path: path, displayName: displayName).gates
    }

    /// Loads the whole configuration: the gates and the evaluation data it names, if any.
    package static func loadConfig(path: String, displayName: String? = nil) throws -> GateConfig {
        let name = displayName ?? path
        guard let data = try RegularFile.contents(atPath: path) else {
            throw LabError(.gatesUnreadable, "cannot read the gate configuration", file: name)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LabError(.gatesUnreadable, "the gate configuration is not UTF-8 text", file: name)
        }
        return try parseConfig(text, file: name)
    }

    /// Parses the text of a gate configuration into its gates.
    package static func parse(_ text: String, file: String) throws -> [Gate] {
        try parseConfig(text, file: file).gates
    }

    /// Parses the text of a gate configuration, with its optional `data:` path.
    package static func parseConfig(_ text: String, file: String) throws -> GateConfig {
        let reader = YAMLNodeReader(file: file, codePrefix: .gates)
        // Every scalar is read as text here, so the basic resolver serves (no regex compile).
        guard let root = try reader.compose(text, resolver: .basic) else {
            throw LabError(
                .gatesEmpty, "the gate configuration is empty; expected a `gates:` list", file: file, line: 1)
        }
        let top = try reader.mapping(root, "the gate configuration")
        try reader.checkKeys(top, allowed: ["gates", "data"], in: "the gate configuration")
        guard let list = top["gates"] else {
            throw reader.error(.missingKey, "the gate configuration has no `gates:` list", at: root)
        }
        var gates: [Gate] = []
        for node in try reader.sequence(list, "`gates`") {
            let gate = try parseGate(node, reader)
            if let earlier = gates.first(where: { $0.name == gate.name }) {
                throw reader.error(
                    .duplicateName,
                    "two gates are named '\(gate.name)' (the first on line \(earlier.line ?? 0)); give each a unique `name`",
                    at: node)
            }
            gates.append(gate)
        }
        let data = try top["data"].map { (path: try reader.text($0, "`data`"), line: $0.mark?.line) }
        return GateConfig(gates: gates, data: data?.path, dataLine: data?.line)
    }

    private static func parseGate(_ node: Node, _ reader: YAMLNodeReader) throws -> Gate {
        let map = try reader.mapping(node, "a gate")
        guard let typeNode = map["type"] else {
            throw reader.error(
                .missingKey,
                "a gate needs a `type`: one of \(listing(keysByType.keys.sorted(), or: true))", at: node)
        }
        let type = try reader.text(typeNode, "the gate's type")
        guard let allowed = keysByType[type] else {
            var message = "unknown gate type \"\(type)\"; expected \(listing(keysByType.keys.sorted(), or: true))"
            if let guess = closestMatch(to: type, among: Array(keysByType.keys)) {
                message += " (did you mean \"\(guess)\"?)"
            }
            throw reader.error(.badValue, message, at: typeNode)
        }
        try reader.checkKeys(map, allowed: commonKeys + allowed, in: "a \(type) gate")
        let name = try map["name"].map { try reader.text($0, "the gate's name") } ?? type
        let required = try map["required"].map { try bool($0, "`required`", reader) } ?? true
        func number(_ key: String) throws -> Double? {
            try map[key].map { try self.number($0, "`\(key)`", reader) }
        }
        func needOne(_ keys: [String]) throws {
            if keys.allSatisfy({ map[$0] == nil }) {
                throw reader.error(
                    .missingKey, "a \(type) gate needs \(listing(keys.map { "`\($0)`" }, or: true))", at: node)
            }
        }
        func text(_ key: String) throws -> String {
            guard let value = map[key] else {
                throw reader.error(.missingKey, "a \(type) gate needs `\(key)`", at: node)
            }
            return try reader.text(value, "`\(key)`")
        }
        /// The gate's `metric`, refused at load when no evaluation measures it (a typo would
        /// otherwise be a failed gate at run time, indistinguishable from a bad model).
        func metric() throws -> String {
            let name = try text("metric")
            guard MetricSet.measurable.contains(name) else {
                var message =
                    "unknown metric \"\(name)\"; an evaluation measures \(listing(MetricSet.measurable, or: true))"
                if let guess = closestMatch(to: name, among: MetricSet.measurable) {
                    message += " (did you mean '\(guess)'?)"
                }
                throw reader.error(.unknownMetric, message, at: map["metric"])
            }
            return name
        }
        let check: Gate.Check
        switch type {
        case "schema":
            try needOne(["columns", "types"])
            let columns = try map["columns"].map { try reader.texts($0, "`columns`") } ?? []
            var types: [String: ColumnType] = [:]
            if let typesNode = map["types"] {
                for (key, value) in try reader.mapping(typesNode, "`types`") {
                    types[try reader.text(key, "a column name")] = try reader.word(
                        value, "the type of \(key.string ?? "")", as: ColumnType.self)
                }
            }
            check = .schema(columns: columns, types: types)
        case "threshold":
            try needOne(["min", "max"])
            check = .threshold(metric: try metric(), min: try number("min"), max: try number("max"))
        case "no_regression":
            check = .noRegression(
                metric: try metric(), absolute: try number("max_drop"), relative: try number("relative"))
        case "latency":
            try needOne(["p95_ms", "p99_ms", "max_ratio"])
            let ratio = try number("max_ratio")
            if let ratio, ratio <= 0 {
                throw reader.error(
                    .badValue, "`max_ratio` is \(formatDouble(ratio)); expected a number above 0, such as 1.5",
                    at: map["max_ratio"])
            }
            check = .latency(p95: try number("p95_ms"), p99: try number("p99_ms"), maxRatio: ratio)
        case "memory":
            guard let limit = try number("max_mb") else {
                throw reader.error(.missingKey, "a memory gate needs `max_mb`", at: node)
            }
            check = .memory(maxMegabytes: limit)
        case "fairness":
            try needOne(["min_parity_ratio", "max_odds_difference"])
            check = .fairness(
                slice: try text("slice"), minParityRatio: try number("min_parity_ratio"),
                maxOddsDifference: try number("max_odds_difference"))
        default:
            guard let agreement = try number("min_agreement") else {
                throw reader.error(.missingKey, "a shadow gate needs `min_agreement`", at: node)
            }
            check = .shadow(minAgreement: agreement)
        }
        return Gate(name: name, check: check, required: required, line: node.mark?.line)
    }

    /// A number, written plainly (`0.85`) or as a percentage (`1%` is 0.01).
    static func number(_ node: Node, _ what: String, _ reader: YAMLNodeReader) throws -> Double {
        let text = try reader.text(node, what)
        let isPercent = text.hasSuffix("%")
        let digits = isPercent ? String(text.dropLast()).trimmingCharacters(in: .whitespaces) : text
        guard let value = Double(digits), value.isFinite else {
            throw reader.error(.badValue, "\(what) is \"\(text)\"; expected a number such as 0.85 or 1%", at: node)
        }
        return isPercent ? value / 100 : value
    }

    static func bool(_ node: Node, _ what: String, _ reader: YAMLNodeReader) throws -> Bool {
        switch try reader.text(node, what).lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        case let other: throw reader.error(.badValue, "\(what) is \"\(other)\"; expected true or false", at: node)
        }
    }
}
