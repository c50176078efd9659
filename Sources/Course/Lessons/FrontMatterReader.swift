import Foundation
import LabSupport
import PipelineEngine
import Yams

/// Reads the YAML front matter of `lesson.md` node by node, so every problem is located at
/// its line in the lesson file, and collects all of them (the lesson parser throws the first;
/// `lint` reports them all).
struct FrontMatterReader {
    static let keys = ["id", "title", "summary", "minutes", "prerequisites", "concepts", "objectives"]
    static let requiredKeys = ["id", "title", "summary", "minutes", "concepts"]

    /// What was read: the front matter when it is whole, the problems, and where things are.
    struct Result {
        var meta: Lesson.FrontMatter?
        var problems: [LabError] = []
        /// The index of the closing `---` line (0-based), where the pages begin after.
        var end: Int?
        /// What could be read even when there are problems (empty where nothing could), so
        /// that `lint` can still check the ids it names.
        var partial: Lesson.FrontMatter?
        /// The line of each readable item of `concepts` and `prerequisites`, by key, in order.
        var itemLines: [String: [Int]] = [:]
        /// The line of each key in the lesson file.
        var keyLines: [String: Int] = [:]
    }

    let file: String

    /// Reads the front matter from the lesson's lines (line endings already removed).
    func read(_ lines: [String]) -> Result {
        var result = Result()
        guard lines.first == "---" else {
            result.problems.append(
                LabError(
                    .lessonFrontMatter, "a lesson must start with YAML front matter between `---` lines",
                    file: file, line: 1))
            return result
        }
        guard let end = lines.dropFirst().firstIndex(of: "---") else {
            result.problems.append(
                LabError(
                    .lessonFrontMatter, "the front matter opened on line 1 is never closed with `---`",
                    file: file, line: 1))
            return result
        }
        result.end = end
        let reader = YAMLNodeReader(file: file, codePrefix: .lesson)
        do {
            guard let root = try reader.compose(lines[1..<end].joined(separator: "\n")) else {
                result.problems.append(
                    LabError(.lessonFrontMatter, "the front matter is empty", file: file, line: 1))
                return result
            }
            read(root, reader, into: &result)
        } catch let error as LabError {
            result.problems.append(Self.shifted(error))
        } catch {
            result.problems.append(
                LabError(.lessonFrontMatter, LabError.reason(for: error), file: file, line: 1, cause: error))
        }
        return result
    }

    /// A problem the YAML reader located, moved to its line in the lesson file (the YAML
    /// starts on the second line, after the opening `---`).
    static func shifted(_ error: LabError) -> LabError {
        var moved = error
        moved.line = error.line.map { $0 + 1 }
        return moved
    }

    private func read(_ root: Node, _ reader: YAMLNodeReader, into result: inout Result) {
        var problems: [LabError] = []
        func attempt<T>(_ body: () throws -> T) -> T? {
            do {
                return try body()
            } catch let error as LabError {
                problems.append(Self.shifted(error))
            } catch {
                problems.append(
                    LabError(.lessonFrontMatter, LabError.reason(for: error), file: file, line: 1, cause: error))
            }
            return nil
        }
        guard let fields = attempt({ try reader.mapping(root, "the front matter") }) else {
            result.problems += problems
            return
        }
        for key in fields.keys {
            result.keyLines[key.string ?? ""] = (key.mark?.line ?? 0) + 1
        }
        for key in fields.keys where !Self.keys.contains(key.string ?? "") {
            let name = key.string ?? ""
            var message = "unknown key \"\(name)\" in the front matter"
            if let guess = closestMatch(to: name, among: Self.keys) {
                message += "; did you mean \"\(guess)\"?"
            } else {
                message += "; expected \(listing(Self.keys, or: true))"
            }
            problems.append(Self.shifted(reader.error(.unknownKey, message, at: key)))
        }
        for key in Self.requiredKeys where fields[key] == nil {
            let needed = listing(Self.requiredKeys.map { "`\($0)`" })
            problems.append(
                LabError(
                    .lessonMissingKey, "the front matter has no `\(key)`; every lesson needs \(needed)",
                    file: file, line: 1))
        }
        func text(_ key: String) -> String? {
            fields[key].flatMap { node in attempt { try reader.text(node, "`\(key)`") } }
        }
        var partial: [String: [String]] = [:]
        func list(_ key: String) -> [String]? {
            guard let node = fields[key] else { return [] }
            if node.scalar != nil, node.null != nil { return [] }
            guard let items = attempt({ try reader.sequence(node, "`\(key)`") }) else { return nil }
            let read = items.compactMap { item in
                attempt { (try reader.text(item, "each of `\(key)`"), (item.mark?.line ?? 0) + 1) }
            }
            partial[key] = read.map(\.0)
            result.itemLines[key] = read.map(\.1)
            return read.count == items.count ? read.map(\.0) : nil
        }
        let id = text("id")
        let title = text("title")
        let summary = text("summary")
        let minutes: Int? = fields["minutes"].flatMap { node in
            attempt {
                let value = try reader.text(node, "`minutes`")
                guard let number = Int(value), number > 0 else {
                    throw reader.error(
                        .badValue, "`minutes` is \"\(value)\"; expected a whole number of minutes such as 10",
                        at: node)
                }
                return number
            }
        }
        let concepts = list("concepts")
        if let concepts, concepts.isEmpty, fields["concepts"] != nil {
            problems.append(
                Self.shifted(
                    reader.error(
                        .emptyValue, "`concepts` is empty; a lesson teaches at least one concept",
                        at: fields["concepts"])))
        }
        let prerequisites = list("prerequisites")
        let objectives = list("objectives")
        result.problems += problems
        result.partial = Lesson.FrontMatter(
            id: id ?? "", title: title ?? "", summary: summary ?? "", minutes: minutes ?? 0,
            prerequisites: partial["prerequisites"] ?? [], concepts: partial["concepts"] ?? [])
        if problems.isEmpty, let id, let title, let summary, let minutes, let concepts, let prerequisites,
            let objectives
        {
            result.meta = Lesson.FrontMatter(
                id: id, title: title, summary: summary, minutes: minutes, prerequisites: prerequisites,
                concepts: concepts, objectives: objectives)
        }
    }
}
