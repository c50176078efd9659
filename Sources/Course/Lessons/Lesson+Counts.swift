import Foundation
import LabSupport
import PipelineEngine
import Yams

extension Lesson {
    /// The lesson's hands-on steps, `steps.yaml` beside `lesson.md` (it may be absent).
    package var stepsFile: String { directory + "/steps.yaml" }
    /// The lesson's quiz, `quiz.yaml` beside `lesson.md` (it may be absent).
    package var quizFile: String { directory + "/quiz.yaml" }

    /// How many hands-on steps `steps.yaml` lists; 0 without the file.
    package func stepCount() throws -> Int {
        try Self.countEntries(in: stepsFile, key: "steps")
    }

    /// How many questions `quiz.yaml` lists; 0 without the file.
    package func questionCount() throws -> Int {
        try Self.countEntries(in: quizFile, key: "questions")
    }

    /// The number of entries in the list a YAML file holds, without reading the entries.
    ///
    /// The list is either the value of `key` in a top-level mapping (`steps:` or
    /// `questions:`, as authors write them) or the whole document. A missing or empty file
    /// counts 0; any other shape is an error naming the file and line.
    static func countEntries(in path: String, key: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw LabError(.lessonUnreadable, "cannot read the file as UTF-8 text", file: path)
        }
        try YAMLAliasGuard(reader: YAMLNodeReader(file: path, codePrefix: .lesson)).check(text)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch {
            throw YAMLErrors.labError(error, file: path, what: URL(fileURLWithPath: path).lastPathComponent)
        }
        guard let root else { return 0 }
        if let list = root.sequence { return list.count }
        guard let mapping = root.mapping else {
            throw LabError(
                .lessonNotAList, "expected a `\(key):` list, found a single value",
                file: path, line: root.mark?.line)
        }
        guard let value = mapping[key] else {
            let found = mapping.keys.compactMap(\.string).map { "`\($0)`" }.joined(separator: ", ")
            throw LabError(
                .lessonNotAList, "expected a `\(key):` list at the top, found \(found.isEmpty ? "no keys" : found)",
                file: path, line: root.mark?.line)
        }
        if let scalar = value.scalar, ["", "~", "null"].contains(scalar.string.lowercased()) { return 0 }
        guard let list = value.sequence else {
            throw LabError(
                .lessonNotAList, "`\(key)` should be a list of entries, each starting with `- `",
                file: path, line: value.mark?.line)
        }
        return list.count
    }
}
