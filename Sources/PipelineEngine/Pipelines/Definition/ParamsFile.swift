import Foundation
import LabSupport
import Yams

/// The experiment parameters in `params.yaml`, flattened to dotted keys as DVC names them.
///
/// ```yaml
/// train:
///   model: logistic
///   C: 1.0          # the key is train.C, the value "1.0" as written
/// ```
///
/// Values are kept as written so that a change reads as the author typed it
/// ("train.C 1.0 → 0.5"); the stage that uses a value parses it.
package struct ParamsFile: Sendable, Equatable {
    /// The file as messages name it (`params.yaml`).
    package var file: String
    /// Every leaf key with its value as written; a list reads `[a, b]`.
    package var values: [String: String]
    /// Whether the file exists (a pipeline without params needs none).
    package var exists: Bool

    package init(file: String, values: [String: String], exists: Bool = true) {
        self.file = file
        self.values = values
        self.exists = exists
    }

    /// Reads the file at `path`; a missing file gives no values.
    package static func load(path: String, displayName: String) throws -> ParamsFile {
        guard FileManager.default.fileExists(atPath: path) else {
            return ParamsFile(file: displayName, values: [:], exists: false)
        }
        guard let data = try RegularFile.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw LabError(.paramsUnreadable, "cannot read the parameters as UTF-8 text", file: displayName)
        }
        return try parse(text, file: displayName)
    }

    /// Parses the text of a params file.
    package static func parse(_ text: String, file: String) throws -> ParamsFile {
        let reader = YAMLNodeReader(file: file, codePrefix: .params)
        guard let root = try reader.compose(text, resolver: .basic) else { return ParamsFile(file: file, values: [:]) }
        var values: [String: String] = [:]
        func walk(_ node: Node, prefix: String) throws {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    let name = try reader.text(key, "a parameter name")
                    if name.contains(".") {
                        throw reader.error(
                            .badKey,
                            "parameter name \"\(name)\" contains a dot; nest it instead (dots join the levels)", at: key
                        )
                    }
                    try walk(value, prefix: prefix.isEmpty ? name : prefix + "." + name)
                }
            case .sequence(let items):
                values[prefix] =
                    "[" + items.map { $0.scalar?.string ?? reader.describe($0) }.joined(separator: ", ") + "]"
            case .scalar(let scalar):
                guard !prefix.isEmpty else {
                    throw reader.error(
                        .badShape,
                        "the parameters should be a mapping of names to values, found \(reader.describe(node))",
                        at: node)
                }
                values[prefix] = scalar.string
            case .alias:
                throw reader.error(.badShape, "aliases are not supported in parameters", at: node)
            }
        }
        try walk(root, prefix: "")
        return ParamsFile(file: file, values: values)
    }
}
