import Foundation
import LabSupport
import Yams

/// Reads a behavioural test spec (`model test --spec TESTS.yaml`): a list of tests.
///
/// ```yaml
/// - name: region-does-not-matter
///   type: invariance
///   column: region
///   swap: [north, south]     # or `set: VALUE`, or `perturb: 0.5` for a number
///   mostly: 0.95             # default 1.0: every row
/// - name: more-tickets-more-churn
///   type: directional
///   column: support_tickets
///   delta: 3
///   class: "yes"             # the class whose probability is watched (classifiers)
///   expect: not_decrease     # or not_increase
///   required: false          # advisory: reported, never failing the run
/// - name: obvious-cases
///   type: minimum
///   rows:
///     - {tenure_months: 2, monthly_charges: 110, support_tickets: 9, expect: "yes"}
/// ```
/// Everything the file alone can get wrong is refused here, with its line and column; what
/// needs the model or the data (a column it lacks, a class it does not predict) is refused by
/// ``BehaviouralTestRunner`` at the position kept in ``Located``.
package enum BehaviouralSpecReader {
    static let keysByType: [String: [String]] = [
        "invariance": ["column", "set", "swap", "perturb", "mostly"],
        "directional": ["column", "delta", "class", "expect", "mostly"],
        "minimum": ["rows"],
    ]
    static let commonKeys = ["name", "type", "required"]

    /// Loads the spec at `path`; `name` is how messages name the file.
    package static func load(path: String, named name: String? = nil) throws -> [BehaviouralTest] {
        let name = name ?? path
        let reader = YAMLNodeReader(file: name, codePrefix: .behaviour)
        guard FileManager.default.fileExists(atPath: path) else {
            throw LabError(.fileNotFound, "no such file; expected a behavioural test spec (YAML)", file: name)
        }
        guard let data = try RegularFile.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw reader.error(.unreadable, "cannot read the test spec as UTF-8 text", at: nil)
        }
        return try parse(text, file: name)
    }

    /// Parses the text of a spec into its tests, in order.
    package static func parse(_ text: String, file: String) throws -> [BehaviouralTest] {
        let reader = YAMLNodeReader(file: file, codePrefix: .behaviour)
        guard let root = try reader.compose(text) else {
            throw LabError(
                .init(.behaviour, .emptyValue), "the test spec is empty; expected a list of tests", file: file,
                line: 1)
        }
        let nodes = try reader.sequence(root, "the test spec")
        if nodes.isEmpty { throw reader.error(.emptyValue, "the test spec is an empty list", at: root) }
        var tests: [BehaviouralTest] = []
        for node in nodes {
            let test = try parseTest(node, reader)
            if let earlier = tests.first(where: { $0.name == test.name }) {
                throw reader.error(
                    .duplicateName,
                    "two tests are named '\(test.name)' (the first on line \(earlier.line)); give each a unique `name`",
                    at: node)
            }
            tests.append(test)
        }
        return tests
    }

    private static func parseTest(_ node: Node, _ reader: YAMLNodeReader) throws -> BehaviouralTest {
        let map = try reader.mapping(node, "a test")
        let types = keysByType.keys.sorted()
        guard let typeNode = map["type"] else {
            throw reader.error(.missingKey, "a test needs a `type`: one of \(listing(types, or: true))", at: node)
        }
        let type = try reader.text(typeNode, "the test's type")
        guard let allowed = keysByType[type] else {
            var message = "unknown test type \"\(type)\"; expected \(listing(types, or: true))"
            if let guess = closestMatch(to: type, among: types) { message += " (did you mean \"\(guess)\"?)" }
            throw reader.error(.badValue, message, at: typeNode)
        }
        try reader.checkKeys(map, allowed: commonKeys + allowed, in: "a \(type) test")
        guard let nameNode = map["name"] else {
            throw reader.error(.missingKey, "a test needs a `name`", at: node)
        }
        let name = try reader.text(nameNode, "the test's name")
        let required = try map["required"].map { try GateConfigLoader.bool($0, "`required`", reader) } ?? true
        let fields = TestFields(map: map, node: node, type: type, reader: reader)
        let check: BehaviouralTest.Check
        switch type {
        case "invariance":
            check = .invariance(
                column: try fields.located("column"), change: try fields.change(), mostly: try fields.mostly())
        case "directional":
            let delta = try fields.number("delta")
            if delta == 0 {
                throw reader.error(.badValue, "`delta` is 0; a directional test must move the column", at: map["delta"])
            }
            check = .directional(
                column: try fields.located("column"), delta: delta,
                positiveClass: try map["class"].map { try fields.located($0, "`class`") },
                expect: try reader.word(try fields.required("expect"), "`expect`", as: BehaviouralTest.Direction.self),
                mostly: try fields.mostly())
        default:
            check = .minimum(rows: try fields.expectedRows())
        }
        return BehaviouralTest(name: name, check: check, required: required, line: node.mark?.line ?? 0)
    }
}

/// The keys of one test's mapping, read with the messages every test type shares.
private struct TestFields {
    let map: Node.Mapping
    let node: Node
    let type: String
    let reader: YAMLNodeReader

    func required(_ key: String) throws -> Node {
        guard let value = map[key] else {
            throw reader.error(.missingKey, "a \(type) test needs `\(key)`", at: node)
        }
        return value
    }

    func located(_ key: String) throws -> Located<String> {
        try located(try required(key), "`\(key)`")
    }

    func located(_ value: Node, _ what: String) throws -> Located<String> {
        Located(value: try reader.text(value, what), line: value.mark?.line, column: value.mark?.column)
    }

    func number(_ key: String) throws -> Double {
        try GateConfigLoader.number(try required(key), "`\(key)`", reader)
    }

    /// `mostly`: the share of rows that must keep to the expectation, above 0 and at most 1.
    func mostly() throws -> Double {
        guard let value = map["mostly"] else { return 1 }
        let share = try GateConfigLoader.number(value, "`mostly`", reader)
        guard share > 0, share <= 1 else {
            throw reader.error(
                .badValue, "`mostly` is \(formatDouble(share)); expected a share above 0 and at most 1, such as 0.95",
                at: value)
        }
        return share
    }

    /// The one change an invariance test makes: `set`, `swap` or `perturb`.
    func change() throws -> BehaviouralTest.Change {
        let given = ["set", "swap", "perturb"].filter { map[$0] != nil }
        guard given.count == 1, let key = given.first, let value = map[key] else {
            let found = given.isEmpty ? "none" : listing(given.map { "`\($0)`" })
            throw reader.error(
                given.isEmpty ? .missingKey : .badValue,
                "an invariance test needs exactly one of `set`, `swap` or `perturb`; found \(found)", at: node)
        }
        switch key {
        case "set":
            return .set(try located(value, "`set`"))
        case "swap":
            let items = try reader.sequence(value, "`swap`")
            guard items.count == 2 else {
                throw reader.error(
                    .badValue, "`swap` has \(items.count) values; expected two to exchange, such as [north, south]",
                    at: value)
            }
            let a = try located(items[0], "each of `swap`")
            let b = try located(items[1], "each of `swap`")
            if a.value == b.value {
                throw reader.error(
                    .badValue, "`swap` exchanges '\(a.value)' with itself; name two different values", at: value)
            }
            return .swap(a, b)
        default:
            let delta = try GateConfigLoader.number(value, "`perturb`", reader)
            guard delta > 0 else {
                throw reader.error(
                    .badValue,
                    "`perturb` is \(formatDouble(delta)); expected a positive amount (both directions are tried)",
                    at: value)
            }
            return .perturb(delta)
        }
    }

    /// A minimum test's `rows`: mappings of feature values, each with the label it must get.
    func expectedRows() throws -> [BehaviouralTest.ExpectedRow] {
        let list = try required("rows")
        let items = try reader.sequence(list, "`rows`")
        if items.isEmpty { throw reader.error(.emptyValue, "`rows` is an empty list", at: list) }
        return try items.map { item in
            let row = try reader.mapping(item, "each of `rows`")
            guard let expect = row["expect"] else {
                throw reader.error(
                    .missingKey, "a row of a minimum test needs `expect`: the label it must get", at: item)
            }
            var values: [String: Located<String>] = [:]
            for (key, value) in row where key.string != "expect" {
                let feature = try reader.text(key, "a feature name")
                values[feature] = try located(value, "the value of '\(feature)'")
            }
            return BehaviouralTest.ExpectedRow(
                values: values, expect: try located(expect, "`expect`"), line: item.mark?.line ?? 0)
        }
    }
}
