import Foundation
package import LabSupport
import PipelineEngine
import Yams

/// Loads a lesson's `steps.yaml`: an optional `start:` and a `steps:` list of hands-on steps.
///
/// ```yaml
/// start: [scenario start holiday-rush]   # optional: run on a fresh copy of the templates
/// steps:
///   - id: make-the-sandbox
///     title: Make your sandbox
///     instructions: Every hands-on step works in your own sandbox folder.
///     command: sandbox init              # or a list of commands, in order
///     setup: [sandbox reset]             # optional, for `lint --play` only
///     solution:                          # optional: the learner's own edits, see FileEdit
///       - {file: notes.txt, write: "done\n"}
///     check:
///       file_exists: README.txt
///     hints:
///       - "`sandbox init` copies the templates into your lab home."
///     wrong:                             # mistakes the check must reject (`lint --play`)
///       - why: the notes are in the wrong file
///         solution: [{file: note.txt, write: "done\n"}]
/// ```
///
/// A step that cannot be read does not hide the others: every problem is collected, so `lint`
/// reports them all, and the commands refuse the file at its first problem.
package enum StepLoader {
    static let stepKeys = ["id", "title", "instructions", "command", "setup", "solution", "check", "hints", "wrong"]
    static let wrongKeys = ["why", "solution", "command"]
    static let requiredKeys = ["id", "title", "instructions", "command", "check", "hints"]

    /// The steps of a file and the problems found in it, in file order.
    package struct Result: Sendable {
        package var steps: [Step]
        /// The lesson's `start:` commands.
        package var start: [String] = []
        package var problems: [LabError]
        /// The commands the steps name (`command` and `setup`), with where each is written.
        package var commands: [StepCommand]
    }

    /// Reads the steps at `path` and throws the first problem, if any.
    package static func load(path: String, displayPath: String? = nil) throws -> [Step] {
        try loadFile(path: path, displayPath: displayPath).steps
    }

    /// Reads the whole steps file at `path` (its start and its steps) and throws the first problem.
    package static func loadFile(path: String, displayPath: String? = nil) throws -> StepFile {
        let result = try read(path: path, displayPath: displayPath)
        if let first = result.problems.first { throw first }
        return StepFile(start: result.start, steps: result.steps)
    }

    /// Reads the steps at `path`, collecting every problem.
    package static func read(path: String, displayPath: String? = nil) throws -> Result {
        let name = displayPath ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LabError(.stepsUnreadable, "cannot read the steps file", file: name)
        }
        return parse(String(decoding: data, as: UTF8.self), file: name)
    }

    /// Reads steps from YAML text; `file` names it in messages.
    package static func parse(_ text: String, file: String) -> Result {
        var result = Result(steps: [], problems: [], commands: [])
        let reader = YAMLNodeReader(file: file, codePrefix: .steps)
        do {
            guard let root = try reader.compose(text) else {
                throw LabError(.stepsEmpty, "the steps file is empty; expected a `steps:` list", file: file, line: 1)
            }
            let top = try reader.mapping(root, "the top of a steps file")
            try reader.checkKeys(top, allowed: ["start", "steps"], in: "the top of a steps file")
            if let start = top["start"] {
                let items = start.sequence.map(Array.init) ?? [start]
                result.start = try reader.texts(start, "`start`")
                for (item, text) in zip(items, result.start) {
                    result.commands.append(
                        StepCommand(
                            text: text,
                            location: SourceLocation(
                                file: file, line: item.mark?.line ?? 0, column: item.mark?.column ?? 0)))
                }
            }
            guard let list = top["steps"] else {
                throw reader.error(.missingKey, "the steps file has no `steps:` list", at: root)
            }
            let nodes = try reader.sequence(list, "`steps`")
            if nodes.isEmpty { throw reader.error(.emptyValue, "`steps` is an empty list", at: list) }
            var firstLine: [String: Int] = [:]
            for node in nodes {
                let stepReader = StepReader(reader: reader, node: node)
                // A step id counts as taken even when the rest of its step cannot be read.
                if let idNode = node.mapping?["id"], let id = idNode.string {
                    if let line = firstLine[id] {
                        result.problems.append(
                            reader.error(
                                .duplicateId, "step id \"\(id)\" is used twice (first at line \(line))", at: idNode))
                        result.commands += stepReader.commands()
                        continue
                    }
                    firstLine[id] = node.mark?.line ?? 0
                }
                do {
                    result.steps.append(try stepReader.read())
                } catch let error as LabError {
                    result.problems.append(error)
                }
                result.commands += stepReader.commands()
            }
        } catch let error as LabError {
            result.problems.append(error)
        } catch {
            result.problems.append(LabError(.stepsInvalid, LabError.reason(for: error), file: file, cause: error))
        }
        return result
    }
}

/// Reads one step mapping.
private struct StepReader {
    let reader: YAMLNodeReader
    let node: Node

    func read() throws -> Step {
        let fields = try reader.mapping(node, "a step")
        let id = try fields["id"].map { try reader.text($0, "\"id\"") }
        let what = id.map { "step \"\($0)\"" } ?? "a step"
        try reader.checkKeys(fields, allowed: StepLoader.stepKeys, in: what)
        func field(_ key: String) throws -> Node {
            guard let value = fields[key] else {
                let needed = listing(StepLoader.requiredKeys.map { "`\($0)`" })
                throw reader.error(.missingKey, "\(what) has no `\(key)`; every step needs \(needed)", at: node)
            }
            return value
        }
        for key in StepLoader.requiredKeys { _ = try field(key) }
        let commands = try reader.texts(field("command"), "`command`")
        let setup = try fields["setup"].map { try reader.texts($0, "`setup`") } ?? []
        let hints = try reader.texts(field("hints"), "`hints`")
        let checks = CheckReader(reader: reader)
        let solution =
            try fields["solution"].map {
                try FileEditReader(reader: reader, confine: checks.confined).read($0)
            } ?? []
        let wrong = try fields["wrong"].map { try wrongAttempts($0, checks) } ?? []
        let mark = node.mark
        var step = Step(
            id: try reader.text(field("id"), "\"id\""),
            title: try reader.text(field("title"), "`title`"),
            instructions: try reader.text(field("instructions"), "`instructions`"),
            commands: commands, setup: setup, solution: solution,
            check: try checks.read(field("check")),
            hints: hints,
            location: SourceLocation(file: reader.file, line: mark?.line ?? 0, column: mark?.column ?? 0))
        step.wrongAttempts = wrong
        return step
    }

    /// The `wrong:` list: each a `why`, and the edits or commands made instead of the step's.
    private func wrongAttempts(_ node: Node, _ checks: CheckReader) throws -> [WrongAttempt] {
        try reader.sequence(node, "`wrong`").map { item in
            let fields = try reader.mapping(item, "a wrong attempt")
            try reader.checkKeys(fields, allowed: StepLoader.wrongKeys, in: "a wrong attempt")
            guard let why = fields["why"] else {
                throw reader.error(
                    .missingKey, "a wrong attempt needs `why`: one sentence saying what is wrong", at: item)
            }
            let solution =
                try fields["solution"].map {
                    try FileEditReader(reader: reader, confine: checks.confined).read($0)
                } ?? []
            let commands = try fields["command"].map { try reader.texts($0, "`command`") }
            if solution.isEmpty, commands == nil {
                throw reader.error(
                    .badValue, "a wrong attempt needs a `solution` or a `command` that differs from the step's",
                    at: item)
            }
            let mark = item.mark
            return WrongAttempt(
                why: try reader.text(why, "`why`"), solution: solution, commands: commands,
                location: SourceLocation(file: reader.file, line: mark?.line ?? 0, column: mark?.column ?? 0))
        }
    }

    /// The commands the step names, each with its own position, even if the step is broken.
    func commands() -> [StepCommand] {
        guard let fields = node.mapping else { return [] }
        let wrong = (fields["wrong"]?.sequence.map(Array.init) ?? []).compactMap { $0.mapping?["command"] }
        return (["setup", "command"].compactMap { fields[$0] } + wrong).flatMap { value -> [StepCommand] in
            let items = value.sequence.map(Array.init) ?? [value]
            return items.compactMap { item in
                guard let text = item.string?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
                return StepCommand(
                    text: text,
                    location: SourceLocation(
                        file: reader.file, line: item.mark?.line ?? 0, column: item.mark?.column ?? 0))
            }
        }
    }
}
