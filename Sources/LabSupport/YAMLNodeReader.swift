import Foundation
package import Yams

/// Reads typed values out of a composed YAML tree, turning every surprise into a `LabError`
/// that names the file, line and column of the offending node.
///
/// Walking the node tree rather than decoding with `Codable` is what makes those positions
/// available: `DecodingError` knows the key path but not where it is in the file.
package struct YAMLNodeReader: Sendable {
    /// The file as the user named it, for messages.
    package let file: String
    /// The start of every error code, such as `quiz` or `gates` (`gates.unknown_key`).
    package let codePrefix: LabError.Code.Document

    package init(file: String, codePrefix: LabError.Code.Document) {
        self.file = file
        self.codePrefix = codePrefix
    }

    /// Parses `text` into a node tree, reporting syntax errors at their position.
    ///
    /// A reader that interprets every scalar itself may pass Yams' `.basic` resolver, which
    /// leaves scalars untagged and skips compiling the default resolver's regular expressions
    /// (most of the cost of reading a small file in a short-lived process).
    /// Aliases are checked first (``YAMLAliasGuard``): none in keys, and no alias bombs.
    /// The encoding is named (UTF-8, what Yams picks for a Swift string) because Yams' default
    /// reads the whole process environment again at every parse.
    package func compose(_ text: String, resolver: Resolver = .default) throws -> Node? {
        try YAMLAliasGuard(reader: self).check(text)
        do {
            return try Yams.compose(yaml: text, resolver, .default, .utf8)
        } catch let error as YamlError {
            throw syntaxError(error)
        }
    }

    /// The error `problem` of this kind of file (code `quiz.bad_value`), located at `node`.
    package func error(_ problem: LabError.Code.Problem, _ message: String, at node: Node?) -> LabError {
        let mark = node?.mark
        return LabError(.init(codePrefix, problem), message, file: file, line: mark?.line, column: mark?.column)
    }

    /// The node as a mapping, or an error saying what `what` should have been.
    package func mapping(_ node: Node, _ what: String) throws -> Node.Mapping {
        guard let mapping = node.mapping else {
            throw error(
                .badShape, "\(what) should be a mapping of keys to values, found \(describe(node))", at: node)
        }
        return mapping
    }

    package func sequence(_ node: Node, _ what: String) throws -> [Node] {
        guard let sequence = node.sequence else {
            throw error(.badShape, "\(what) should be a list, found \(describe(node))", at: node)
        }
        return Array(sequence)
    }

    /// A scalar's text, which must not be empty.
    package func text(_ node: Node, _ what: String) throws -> String {
        guard let scalar = node.scalar else {
            throw error(.badShape, "\(what) should be text, found \(describe(node))", at: node)
        }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty || (scalar.style == .plain && node.null != nil) {
            throw error(.emptyValue, "\(what) is empty", at: node)
        }
        return value
    }

    /// A list of non-empty texts; a single scalar counts as a list of one.
    package func texts(_ node: Node, _ what: String) throws -> [String] {
        if node.scalar != nil { return [try text(node, what)] }
        let items = try sequence(node, what)
        if items.isEmpty { throw error(.emptyValue, "\(what) is an empty list", at: node) }
        return try items.map { try text($0, "each of \(what)") }
    }

    /// A value from a fixed set of words, with a suggestion when it looks like a typo.
    package func word<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, as: T.Type) throws -> T
    where T.RawValue == String {
        let value = try text(node, what)
        if let match = T(rawValue: value.lowercased()) { return match }
        let names = T.allCases.map(\.rawValue)
        var message = "\(what) is \"\(value)\"; expected \(listing(names, or: true))"
        if let guess = closestMatch(to: value, among: names) { message += " (did you mean \"\(guess)\"?)" }
        throw error(.badValue, message, at: node)
    }

    /// Rejects keys outside `allowed`, suggesting the nearest allowed key.
    package func checkKeys(_ mapping: Node.Mapping, allowed: [String], in what: String) throws {
        for key in mapping.keys {
            let name = key.string ?? ""
            if allowed.contains(name) { continue }
            var message = "unknown key \"\(name)\" in \(what)"
            if let guess = closestMatch(to: name, among: allowed) {
                message += "; did you mean \"\(guess)\"?"
            } else {
                message += "; expected one of \(listing(allowed, or: true))"
            }
            throw error(.unknownKey, message, at: key)
        }
    }

    /// What a node is, in words, for "found …" in messages.
    package func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "\"\(scalar.string)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    func syntaxError(_ error: YamlError) -> LabError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "this is not valid YAML: \(problem)"
            if let context {
                message += " (\(context.text) that starts at line \(context.mark.line), column \(context.mark.column))"
            }
            return LabError(.init(codePrefix, .yamlSyntax), message, file: file, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return LabError(
                .init(codePrefix, .duplicateKey), "the key \"\(duplicates.first ?? "")\" appears twice in one mapping",
                file: file, line: context.mark.line, column: context.mark.column)
        default:
            return LabError(
                .init(codePrefix, .yamlSyntax), "this is not valid YAML: \(LabError.reason(for: error))", file: file,
                cause: error)
        }
    }
}

/// `a, b and c` (or `a, b or c`).
package func listing(_ words: [String], or: Bool = false) -> String {
    guard words.count > 1, let last = words.last else { return words.first ?? "" }
    return words.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + last
}
