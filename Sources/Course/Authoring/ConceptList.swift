import Foundation
package import LabSupport
import Yams

/// The course's concept ids, `Lessons/concepts.yaml`, each with the lesson group it belongs to.
///
/// It lists every concept of the curriculum; lessons and questions may name only these ids.
///
/// ```yaml
/// groups:
///   data-validation: Data validation
/// concepts:
///   - id: schema-checks
///     group: data-validation
///     summary: Required columns present, no nulls in required fields, labels in the expected set.
/// ```
package struct ConceptList: Sendable {
    /// One concept and where it is defined.
    package struct Concept: Sendable, Equatable {
        package var id: String
        package var group: String
        package var summary: String
        package var line: Int
    }

    package var groups: [String: String]
    package var concepts: [Concept]
    /// Problems in the file itself (duplicates, unknown groups, missing keys).
    package var problems: [LabError]

    package var ids: [String] { concepts.map(\.id) }

    /// The file name inside a lessons folder.
    package static let fileName = "concepts.yaml"

    /// Reads the concept list from YAML text; `file` names it in messages.
    package static func parse(_ text: String, file: String) -> ConceptList {
        var list = ConceptList(groups: [:], concepts: [], problems: [])
        let reader = YAMLNodeReader(file: file, codePrefix: .concepts)
        do {
            guard let root = try reader.compose(text) else {
                throw LabError(
                    .conceptsEmpty, "the concept list is empty; expected `groups:` and `concepts:`", file: file,
                    line: 1)
            }
            let top = try reader.mapping(root, "the concept list")
            try reader.checkKeys(top, allowed: ["groups", "concepts"], in: "the concept list")
            guard let groupsNode = top["groups"], let conceptsNode = top["concepts"] else {
                throw reader.error(.missingKey, "the concept list needs `groups:` and `concepts:`", at: root)
            }
            for (key, value) in try reader.mapping(groupsNode, "`groups`") {
                list.groups[try reader.text(key, "a group id")] = try reader.text(value, "a group's title")
            }
            var firstLine: [String: Int] = [:]
            for node in try reader.sequence(conceptsNode, "`concepts`") {
                do {
                    let concept = try readConcept(node, reader, groups: list.groups)
                    if let line = firstLine[concept.id] {
                        throw reader.error(
                            .duplicateId, "concept id \"\(concept.id)\" is listed twice (first at line \(line))",
                            at: node.mapping?["id"] ?? node)
                    }
                    firstLine[concept.id] = concept.line
                    list.concepts.append(concept)
                } catch let error as LabError {
                    list.problems.append(error)
                }
            }
        } catch let error as LabError {
            list.problems.append(error)
        } catch {
            list.problems.append(LabError(.conceptsInvalid, LabError.reason(for: error), file: file, cause: error))
        }
        return list
    }

    private static func readConcept(_ node: Node, _ reader: YAMLNodeReader, groups: [String: String]) throws -> Concept
    {
        let fields = try reader.mapping(node, "a concept")
        try reader.checkKeys(fields, allowed: ["id", "group", "summary"], in: "a concept")
        func field(_ key: String) throws -> Node {
            guard let value = fields[key] else {
                throw reader.error(
                    .missingKey, "a concept has no `\(key)`; each needs `id`, `group` and `summary`", at: node)
            }
            return value
        }
        let id = try reader.text(field("id"), "`id`")
        let groupNode = try field("group")
        let group = try reader.text(groupNode, "`group`")
        guard groups[group] != nil else {
            var message = "concept \"\(id)\" is in group \"\(group)\", which `groups:` does not list"
            if let guess = closestMatch(to: group, among: Array(groups.keys)) {
                message += "; did you mean \"\(guess)\"?"
            }
            throw reader.error(.unknownGroup, message, at: groupNode)
        }
        return Concept(
            id: id, group: group, summary: try reader.text(field("summary"), "`summary`"), line: node.mark?.line ?? 0)
    }
}
