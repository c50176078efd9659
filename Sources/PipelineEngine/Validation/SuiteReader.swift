import Foundation
import LabSupport
import Yams

/// Turns a suite's YAML nodes into checked expectations, with errors that point into the file.
struct SuiteReader {
    /// The suite file as the user named it.
    let source: String

    /// The project's YAML reader, for parsing and its syntax errors (codes `suite.*`).
    var yaml: YAMLNodeReader { YAMLNodeReader(file: source, codePrefix: .suite) }

    /// An error about `node`, located at its line and column in the suite.
    func error(_ code: LabError.Code, _ message: String, at node: Node) -> LabError {
        LabError(code, message, file: source, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// The suite in `root`: a mapping with `expectations` (a list) and an optional `name`.
    func suite(from root: Node) throws -> ExpectationSuite {
        guard let mapping = root.mapping else {
            throw error(
                .suiteShape, "expected a mapping with 'expectations:' at the top, found \(describe(root))",
                at: root)
        }
        var name: String?
        var list: Node?
        for (key, value) in mapping {
            switch key.string {
            case "expectations": list = value
            case "name":
                guard let text = value.scalar?.string else {
                    throw error(.suiteWrongType, "'name' must be text, found \(describe(value))", at: value)
                }
                name = text
            default:
                let keyName = key.string ?? ""
                var message = "unknown key '\(keyName)' at the top of the suite"
                if let guess = closestMatch(to: keyName, among: ["expectations", "name"]) {
                    message += ". Did you mean '\(guess)'?"
                } else {
                    message += "; expected 'expectations' (and optionally 'name')"
                }
                throw error(.suiteUnknownKey, message, at: key)
            }
        }
        guard let list else {
            throw error(.suiteMissingKey, "the suite has no 'expectations:' list", at: root)
        }
        guard let items = list.sequence else {
            throw error(
                .suiteWrongType, "'expectations' must be a list (items start with '- '), found \(describe(list))",
                at: list)
        }
        if items.isEmpty { throw error(.suiteEmpty, "'expectations' is an empty list", at: list) }
        let expectations = try items.map { try expectation(from: $0) }
        return ExpectationSuite(source: source, name: name, expectations: expectations)
    }

    /// One item of the list: `expect: KIND` and that kind's arguments.
    func expectation(from node: Node) throws -> Expectation {
        guard let mapping = node.mapping else {
            throw error(
                .suiteShape, "each expectation must be a mapping such as 'expect: not_null', found \(describe(node))",
                at: node)
        }
        guard let kindNode = mapping["expect"] else {
            throw error(
                .suiteMissingArgument, "this expectation has no 'expect:' naming its kind, e.g. 'expect: not_null'",
                at: node)
        }
        let kindName = kindNode.scalar?.string ?? ""
        guard let kind = ExpectationKind(rawValue: kindName) else {
            let known = ExpectationKind.allCases.map(\.rawValue)
            var message = "unknown expectation '\(kindName)'"
            if let guess = closestMatch(to: kindName, among: known) {
                message += ". Did you mean '\(guess)'?"
            } else {
                message += "; expected one of \(known.joined(separator: ", "))"
            }
            throw error(.suiteUnknownExpectation, message, at: kindNode)
        }
        let arguments = try SuiteArguments(reader: self, kind: kind, node: node, mapping: mapping)
        return try arguments.expectation()
    }

    /// How a node reads in a message: `'text'`, `a list`, `a mapping`.
    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if scalar.string.isEmpty && scalar.style == .plain {
                "nothing"
            } else if scalar.style != .plain,
                ByteNumberParsing.double(scalar.string) != nil
                    || ["true", "false"].contains(scalar.string.lowercased())
            {
                "'\(scalar.string)' in quotes, which makes it text (remove the quotes)"
            } else {
                "'\(scalar.string)'"
            }
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .alias: "an alias"
        }
    }
}
