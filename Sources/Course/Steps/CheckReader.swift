import Foundation
import LabSupport
import PipelineEngine
import Yams

/// Reads a step's `check` from its YAML node: one key naming the kind, its arguments beneath.
///
/// ```yaml
/// check:
///   all:
///     - file_contains: {path: suites/churn.yaml, regex: "expect:\\s*not_null"}
///     - registry: {alias: champion, moved: true}
///     - not: {file_exists: models/stale.json}
/// ```
///
/// Everything that can be known without a sandbox is checked here (kinds, keys, values,
/// regular expressions, paths that would leave the workspace), so `lint` finds it.
struct CheckReader {
    let reader: YAMLNodeReader

    static let keysByKind: [Check.Kind: [String]] = [
        .fileExists: ["path"],
        .fileContains: ["path", "text", "regex"],
        .fileChanged: ["path"],
        .fileHash: ["path", "sha256"],
        .registry: ["alias", "moved", "new_versions", "new_versions_max"],
        .clock: ["advanced"],
        .lastRun: ["status", "stages"],
        .gate: ["name", "status"],
        .metric: ["name", "min", "max"],
        .deployment: ["strategy", "status"],
        .validation: ["data", "suite", "success"],
        .ran: ["command", "after"],
        .served: ["requests", "shadow"],
    ]

    /// Keys of earlier versions of the format, refused with what to write instead.
    static let retiredKeys: [String: String] = [
        "version":
            "a version number depends on what else the learner ran; use `moved: true` (the alias points at another version than when the step began) or `moved: false`",
        "versions_at_least":
            "a count of versions depends on what else the learner ran; use `new_versions: N` (registered since the step began) or `new_versions_max: N`",
        "past_start":
            "time since the sandbox started depends on what else the learner ran; use `advanced: DURATION` (since the step began)",
    ]

    func read(_ node: Node) throws -> Check {
        let location = SourceLocation(file: reader.file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
        let fields = try reader.mapping(node, "a check")
        let kinds = Check.Kind.allCases.map(\.rawValue)
        guard fields.count == 1, let (keyNode, value) = fields.first else {
            let found = Array(fields.keys.compactMap(\.string).map { "\"\($0)\"" })
            throw reader.error(
                .badCheck,
                "a check has exactly one kind, found \(found.isEmpty ? "none" : listing(found)); wrap several in `all:` or `any:`",
                at: node)
        }
        let name = keyNode.string ?? ""
        guard let kind = Check.Kind(rawValue: name) else {
            var message = "unknown check kind \"\(name)\""
            if let guess = closestMatch(to: name, among: kinds) {
                message += "; did you mean \"\(guess)\"?"
            } else {
                message += "; expected one of \(listing(kinds, or: true))"
            }
            throw reader.error(.unknownCheck, message, at: keyNode)
        }
        return Check(try condition(kind, value), location: location)
    }

    private func condition(_ kind: Check.Kind, _ node: Node) throws -> Check.Condition {
        switch kind {
        case .all, .any:
            let parts = try reader.sequence(node, "`\(kind.rawValue)`").map(read)
            if parts.isEmpty { throw reader.error(.emptyValue, "`\(kind.rawValue)` lists no checks", at: node) }
            return kind == .all ? .all(parts) : .any(parts)
        case .not:
            return .not(try read(node))
        case .fileExists, .fileChanged:
            let path = try pathArgument(node, kind)
            return kind == .fileExists ? .fileExists(path: path) : .fileChanged(path: path)
        case .ran:
            let args = node.scalar != nil ? nil : try arguments(node, kind)
            let text = try args.map { try required($0, "command", node, kind) } ?? reader.text(node, "the command")
            let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
            guard !words.isEmpty else {
                throw reader.error(
                    .emptyValue, "a ran check needs the command's first words, such as `monitor`", at: node)
            }
            var after: SimulatedDuration?
            if let args, let value = args["after"] {
                do {
                    after = try SimulatedDuration(parsing: try reader.text(value, "`after`"))
                } catch let error as LabError {
                    throw reader.error(.badValue, "`after`: " + error.message, at: value)
                }
            }
            return .ran(words: words, after: after)
        default:
            break
        }
        let args = try arguments(node, kind)
        switch kind {
        case .fileContains:
            let path = try self.path(args, node, kind)
            switch (args["text"], args["regex"]) {
            case (let text?, nil):
                return .fileContains(path: path, pattern: .text(try reader.text(text, "`text`")))
            case (nil, let regex?):
                let pattern = try reader.text(regex, "`regex`")
                do {
                    _ = try NSRegularExpression(pattern: pattern)
                } catch {
                    throw reader.error(
                        .badRegex, "`regex` \"\(pattern)\" is not a valid regular expression", at: regex)
                }
                return .fileContains(path: path, pattern: .regex(pattern))
            default:
                throw reader.error(.badCheck, "a file_contains check needs `text` or `regex`, not both", at: node)
            }
        case .fileHash:
            let hash = try required(args, "sha256", node, kind).lowercased()
            guard hash.count == 64, hash.allSatisfy(\.isHexDigit) else {
                throw reader.error(
                    .badValue, "`sha256` is \"\(hash)\"; expected 64 hexadecimal digits", at: args["sha256"])
            }
            return .fileHash(path: try path(args, node, kind), sha256: hash)
        case .registry:
            return .registry(try registry(args, node))
        case .clock:
            let text = try required(args, "advanced", node, kind)
            do {
                return .clock(advanced: try SimulatedDuration(parsing: text))
            } catch let error as LabError {
                throw reader.error(.badValue, "`advanced`: " + error.message, at: args["advanced"])
            }
        case .served:
            let requests = try positiveInteger(try requiredNode(args, "requests", node, kind), "`requests`")
            let shadow = try args["shadow"].map { try bool($0, "`shadow`") } ?? false
            return .served(requests: requests, shadow: shadow)
        case .lastRun:
            return try lastRun(args, node)
        case .gate:
            let status: GateResult.Status = try word(args, "status", node, kind)
            return .gate(name: try required(args, "name", node, kind), status: status)
        case .metric:
            let min = try args["min"].map { try number($0, "`min`") }
            let max = try args["max"].map { try number($0, "`max`") }
            if min == nil, max == nil {
                throw reader.error(.missingKey, "a metric check needs `min` or `max`", at: node)
            }
            return .metric(name: try required(args, "name", node, kind), min: min, max: max)
        case .deployment:
            let strategy: DeploymentStrategy? = try args["strategy"].map { _ in try word(args, "strategy", node, kind) }
            let status: RolloutStatus? = try args["status"].map { _ in try word(args, "status", node, kind) }
            if strategy == nil, status == nil {
                throw reader.error(.missingKey, "a deployment check needs `strategy` or `status`", at: node)
            }
            return .deployment(strategy: strategy, status: status)
        default:  // .validation
            let data = try path(args, node, kind, key: "data")
            let suite = try path(args, node, kind, key: "suite")
            let success = try args["success"].map { try bool($0, "`success`") } ?? true
            return .validation(data: data, suite: suite, success: success)
        }
    }

    private func registry(_ args: Node.Mapping, _ node: Node) throws -> RegistryCondition {
        var condition = RegistryCondition()
        condition.alias = try args["alias"].map { try reader.text($0, "`alias`") }
        if let moved = args["moved"] {
            guard condition.alias != nil else {
                throw reader.error(.badCheck, "`moved` in a registry check needs the `alias` it is about", at: moved)
            }
            condition.moved = try bool(moved, "`moved`")
        }
        condition.newVersions = try args["new_versions"].map { try positiveInteger($0, "`new_versions`") }
        condition.newVersionsMax = try args["new_versions_max"].map { try wholeNumber($0, "`new_versions_max`") }
        if condition.alias == nil, condition.newVersions == nil, condition.newVersionsMax == nil {
            throw reader.error(
                .missingKey, "a registry check needs `alias`, `new_versions` or `new_versions_max`", at: node)
        }
        return condition
    }

    private func lastRun(_ args: Node.Mapping, _ node: Node) throws -> Check.Condition {
        let status: PipelineRunReport.Status? = try args["status"].map { _ in try word(args, "status", node, .lastRun) }
        var stages: [StageExpectation] = []
        if let stagesNode = args["stages"] {
            for (stage, value) in try reader.mapping(stagesNode, "`stages`") {
                let name = try reader.text(stage, "a stage name")
                let text = try reader.text(value, "the status of stage \"\(name)\"")
                guard let status = StageExpectation.Status(rawValue: text) else {
                    let statuses = StageExpectation.Status.all.map(\.rawValue)
                    throw reader.error(
                        .badValue,
                        "the status of stage \"\(name)\" is \"\(text)\"; expected \(listing(statuses, or: true))",
                        at: value)
                }
                stages.append(StageExpectation(stage: name, status: status))
            }
        }
        if status == nil, stages.isEmpty {
            throw reader.error(.missingKey, "a last_run check needs `status` or `stages`", at: node)
        }
        return .lastRun(status: status, stages: stages)
    }

    /// A kind whose argument is a path, written alone (`file_exists: a.csv`) or as `path:`.
    private func pathArgument(_ node: Node, _ kind: Check.Kind) throws -> String {
        if node.scalar != nil { return try confined(node, "the path") }
        return try path(try arguments(node, kind), node, kind)
    }

    private func arguments(_ node: Node, _ kind: Check.Kind) throws -> Node.Mapping {
        let args = try reader.mapping(node, "the arguments of a \(kind.rawValue) check")
        for (key, _) in args {
            if let name = key.string, let instead = Self.retiredKeys[name],
                !(Self.keysByKind[kind] ?? []).contains(name)
            {
                throw reader.error(
                    .retiredKey, "`\(name)` is no longer accepted in a \(kind.rawValue) check: \(instead)", at: key)
            }
        }
        try reader.checkKeys(args, allowed: Self.keysByKind[kind] ?? [], in: "a \(kind.rawValue) check")
        return args
    }

    private func requiredNode(_ args: Node.Mapping, _ key: String, _ node: Node, _ kind: Check.Kind) throws -> Node {
        guard let value = args[key] else {
            throw reader.error(.missingKey, "a \(kind.rawValue) check needs `\(key)`", at: node)
        }
        return value
    }

    private func required(_ args: Node.Mapping, _ key: String, _ node: Node, _ kind: Check.Kind) throws -> String {
        try reader.text(try requiredNode(args, key, node, kind), "`\(key)`")
    }

    private func path(_ args: Node.Mapping, _ node: Node, _ kind: Check.Kind, key: String = "path") throws -> String {
        guard let value = args[key] else {
            throw reader.error(.missingKey, "a \(kind.rawValue) check needs `\(key)`", at: node)
        }
        return try confined(value, "`\(key)`")
    }

    /// A workspace-relative path; one that would leave the workspace is refused here.
    func confined(_ node: Node, _ what: String) throws -> String {
        let path = try reader.text(node, what)
        let climbs = path.split(separator: "/").reduce(into: (depth: 0, out: false)) { state, part in
            if part == ".." { state.depth -= 1 } else if part != "." { state.depth += 1 }
            if state.depth < 0 { state.out = true }
        }.out
        if path.hasPrefix("/") || path.hasPrefix("~") || climbs {
            throw reader.error(
                .badPath, "\(what) \"\(path)\" leaves the sandbox; write a path relative to the workspace", at: node)
        }
        return path
    }

    /// The value of `key`, one of the words `Value` is written as.
    private func word<Value: RawRepresentable<String> & CaseIterable>(
        _ args: Node.Mapping, _ key: String, _ node: Node, _ kind: Check.Kind
    ) throws -> Value {
        let words = Value.allCases.map(\.rawValue)
        let text = try required(args, key, node, kind)
        guard let value = Value(rawValue: text) else {
            var message = "`\(key)` is \"\(text)\"; expected \(listing(words, or: true))"
            if let guess = closestMatch(to: text, among: words) { message += " (did you mean \"\(guess)\"?)" }
            throw reader.error(.badValue, message, at: args[key])
        }
        return value
    }

    private func number(_ node: Node, _ what: String) throws -> Double {
        let text = try reader.text(node, what)
        guard let value = Double(text), value.isFinite else {
            throw reader.error(.badValue, "\(what) is \"\(text)\"; expected a number such as 0.85", at: node)
        }
        return value
    }

    private func positiveInteger(_ node: Node, _ what: String) throws -> Int {
        let text = try reader.text(node, what)
        guard let value = Int(text), value > 0 else {
            throw reader.error(.badValue, "\(what) is \"\(text)\"; expected a whole number of at least 1", at: node)
        }
        return value
    }

    private func wholeNumber(_ node: Node, _ what: String) throws -> Int {
        let text = try reader.text(node, what)
        guard let value = Int(text), value >= 0 else {
            throw reader.error(.badValue, "\(what) is \"\(text)\"; expected a whole number of at least 0", at: node)
        }
        return value
    }

    private func bool(_ node: Node, _ what: String) throws -> Bool {
        guard node.scalar != nil, let value = node.bool else {
            throw reader.error(.badValue, "\(what) is \(reader.describe(node)); expected true or false", at: node)
        }
        return value
    }
}
