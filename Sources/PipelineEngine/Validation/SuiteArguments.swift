import Foundation
import LabSupport
import Yams

/// The arguments of one expectation in a suite, read by name and checked for type and range.
struct SuiteArguments {
    let reader: SuiteReader
    let kind: ExpectationKind
    /// The expectation's mapping node, for errors about a missing argument.
    let node: Node
    private var values: [String: Node] = [:]

    init(reader: SuiteReader, kind: ExpectationKind, node: Node, mapping: Node.Mapping) throws {
        self.reader = reader
        self.kind = kind
        self.node = node
        let allowed = kind.arguments
        for (key, value) in mapping {
            let name = key.string ?? ""
            if name == "expect" { continue }
            guard allowed.contains(name) else { throw Self.unknown(name, key, kind, reader) }
            // `min: ~` or `min:` with nothing reads as leaving the argument out, as None in GE.
            if value.scalar != nil, value.tagName == .null { continue }
            values[name] = value
        }
    }

    private static func unknown(_ name: String, _ key: Node, _ kind: ExpectationKind, _ reader: SuiteReader) -> LabError
    {
        var message = "unknown argument '\(name)' for \(kind.rawValue)"
        if let guess = closestMatch(to: name, among: kind.arguments) {
            message += ". Did you mean '\(guess)'?"
        } else if name == "mostly" {
            message += ": 'mostly' applies to checks of each value; \(kind.rawValue) checks the data as a whole"
        } else {
            message += " (it takes \(kind.arguments.joined(separator: ", ")))"
        }
        return reader.error(.suiteUnknownArgument, message, at: key)
    }

    /// The expectation these arguments describe.
    func expectation() throws -> Expectation {
        let column = kind.needsColumn ? try required(text("column"), "column", example: "column: tenure") : nil
        let mostly = try ratio("mostly") ?? 1
        let check: Expectation.Check
        switch kind {
        case .columnsExist:
            check = .columnsExist(try required(textList("columns"), "columns", example: "columns: [tenure, plan]"))
        case .notNull: check = .notNull
        case .unique: check = .unique
        case .inSet: check = .inSet(try required(setValues("values"), "values", example: "values: [0, 1]"))
        case .between: check = .between(try bounds())
        case .meanBetween: check = .meanBetween(try bounds())
        case .stdevBetween: check = .stdevBetween(try bounds())
        case .matchRegex: check = .matchRegex(try regex())
        case .rowCountBetween:
            check = .rowCountBetween(try bounds(min: "min_rows", max: "max_rows", whole: true))
        case .lengthBetween:
            check = .lengthBetween(try bounds(min: "min_length", max: "max_length", whole: true))
        case .classBalance:
            check = .classBalance(ratio: try bounds(min: "min_ratio", max: "max_ratio", ratio: true))
        case .duplicateRowsMax:
            check = .duplicateRowsMax(
                maxRatio: try required(ratio("max_ratio"), "max_ratio", example: "max_ratio: 0.01"))
        }
        return Expectation(kind: kind, check: check, column: column, mostly: mostly, line: node.mark?.line ?? 0)
    }

    private func required<T>(_ value: T?, _ name: String, example: String) throws -> T {
        guard let value else {
            throw reader.error(
                .suiteMissingArgument, "\(kind.rawValue) needs '\(name)', e.g. '\(example)'", at: node)
        }
        return value
    }

    /// `min`/`max` (or the kind's own names) with `strict_min`/`strict_max`; at least one end.
    private func bounds(
        min minName: String = "min", max maxName: String = "max", whole: Bool = false,
        ratio: Bool = false
    ) throws -> Bounds {
        let read: (String) throws -> Double? = { name in
            if whole { return try self.count(name).map(Double.init) }
            return ratio ? try self.ratio(name) : try self.number(name)
        }
        let low = try read(minName)
        let high = try read(maxName)
        guard low != nil || high != nil else {
            throw reader.error(
                .suiteMissingArgument,
                "\(kind.rawValue) needs '\(minName)', '\(maxName)' or both", at: node)
        }
        if let low, let high, low > high {
            throw reader.error(
                .suiteInvalidValue,
                "'\(minName)' (\(formatDouble(low))) is greater than '\(maxName)' (\(formatDouble(high)))",
                at: values[minName] ?? node)
        }
        var bounds = Bounds(min: low, max: high)
        if kind.arguments.contains("strict_min") {
            bounds.strictMin = try flag("strict_min", needs: low == nil ? minName : nil) ?? false
            bounds.strictMax = try flag("strict_max", needs: high == nil ? maxName : nil) ?? false
        }
        return bounds
    }

    private func regex() throws -> String {
        let pattern = try required(text("regex"), "regex", example: "regex: '^[A-Z]{2}[0-9]+$'")
        do {
            _ = try PythonRegex.compile(pattern)
        } catch {
            throw reader.error(
                .suiteInvalidValue,
                "'\(pattern)' is not a valid regular expression "
                    + "(Python re syntax, as Great Expectations reads it; numbers are matched as pandas writes them, 1.0 for a float)",
                at: values["regex"] ?? node)
        }
        return pattern
    }

    // MARK: Typed values

    private func text(_ name: String) throws -> String? {
        guard let value = values[name] else { return nil }
        guard let scalar = value.scalar else { throw wrongType(name, "text", value) }
        return scalar.string
    }

    private func number(_ name: String) throws -> Double? {
        guard let value = values[name] else { return nil }
        guard value.scalar != nil, value.tagName == .int || value.tagName == .float,
            let number = value.float, number.isFinite
        else { throw wrongType(name, "a number", value) }
        return number
    }

    private func count(_ name: String) throws -> Int? {
        guard let value = values[name] else { return nil }
        guard value.scalar != nil, value.tagName == .int, let count = value.int, count >= 0 else {
            throw wrongType(name, "a whole number, 0 or more", value)
        }
        return count
    }

    private func ratio(_ name: String) throws -> Double? {
        guard let ratio = try number(name) else { return nil }
        guard (0...1).contains(ratio) else {
            throw reader.error(
                .suiteInvalidValue, "'\(name)' must be between 0 and 1, found \(formatDouble(ratio))",
                at: values[name] ?? node)
        }
        return ratio
    }

    private func flag(_ name: String, needs bound: String?) throws -> Bool? {
        guard let value = values[name] else { return nil }
        guard value.scalar != nil, value.tagName == .bool, let flag = value.bool else {
            throw wrongType(name, "true or false", value)
        }
        if let bound, flag {
            throw reader.error(.suiteInvalidValue, "'\(name)' has no bound to apply to; add '\(bound)'", at: value)
        }
        return flag
    }

    private func textList(_ name: String) throws -> [String]? {
        guard let value = values[name] else { return nil }
        guard let items = value.sequence, !items.isEmpty else { throw wrongType(name, "a list such as [a, b]", value) }
        return try items.map { item in
            guard let scalar = item.scalar else { throw wrongType(name, "a list of names", item) }
            return scalar.string
        }
    }

    private func setValues(_ name: String) throws -> [SetValue]? {
        guard let value = values[name] else { return nil }
        guard let items = value.sequence, !items.isEmpty else { throw wrongType(name, "a list such as [a, b]", value) }
        return try items.map { item in
            guard let scalar = item.scalar else { throw wrongType(name, "a list of plain values", item) }
            let tag = item.tagName
            let number = tag == .int || tag == .float ? item.float : ByteNumberParsing.double(scalar.string)
            let boolean = tag == .bool ? item.bool : ["true": true, "false": false][scalar.string.lowercased()]
            return SetValue(text: scalar.string, number: number, boolean: boolean)
        }
    }

    private func wrongType(_ name: String, _ expected: String, _ value: Node) -> LabError {
        reader.error(
            .suiteWrongType, "'\(name)' of \(kind.rawValue) must be \(expected), found \(reader.describe(value))",
            at: value)
    }
}

extension ByteNumberParsing {
    /// The decimal number `text` spells, by the CSV reader's rules.
    static func double(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { bytes in bytes.isEmpty ? nil : bytes.withStart { double($0, bytes.count) } }
    }
}

extension Node {
    /// The node's resolved YAML tag (`int`, `float`, `bool`, `str`, `null`).
    fileprivate var tagName: Tag.Name { Tag.Name(rawValue: tag.rawValue) }
}
