import Foundation
import LabSupport
import Yams

/// A file a scenario writes into the workspace when it starts: its own pipeline, gates or
/// params, so that the learner begins from the incident's starting state.
package struct ScenarioFile: Sendable, Equatable {
    /// The path inside the workspace.
    package var path: String
    package var text: String
    /// The line of the scenario file that names it, for messages.
    package var line: Int?
}

/// A data set a scenario generates into the workspace when it starts, optionally damaged the
/// way the incident damaged it (a share of its labels flipped).
package struct ScenarioDataFile: Sendable, Equatable {
    package var path: String
    /// The ``DatasetGenerator`` name.
    package var dataset: String
    package var seed: UInt64
    package var rows: Int
    package var startRow: Int
    /// The share of labels flipped to another class, if any.
    package var flipLabels: Double?
    /// Flip only labels of this class (a one-sided labelling bug).
    package var onlyFrom: String?
    package var line: Int?

    /// The file's content.
    package func csv() throws -> String {
        let dataset = try DatasetGenerator.generate(name: dataset, rows: rows, seed: seed, startRow: startRow)
        guard let share = flipLabels else { return dataset.csv }
        return dataset.flippingLabels(share: share, seed: seed, onlyFrom: onlyFrom).dataset.csv
    }
}

extension ScenarioLoader {
    static let dataKeys = ["path", "dataset", "seed", "rows", "start_row", "flip_labels", "only_from"]

    /// The `workspace:` mapping: path → the file's text, kept as written.
    static func files(_ node: Node, reader: YAMLNodeReader) throws -> [ScenarioFile] {
        try reader.mapping(node, "`workspace`").map { key, value in
            let path = try reader.text(key, "a workspace file's path")
            guard let scalar = value.scalar else {
                throw reader.error(
                    .badShape, "the content of \(path) should be text (write it as `|` block)", at: value)
            }
            return ScenarioFile(path: path, text: scalar.string, line: key.mark.map { $0.line })
        }
    }

    /// The `data:` list: data sets to generate, each a mapping of ``dataKeys``.
    static func dataFiles(_ node: Node, reader: YAMLNodeReader) throws -> [ScenarioDataFile] {
        try reader.sequence(node, "`data`").map { item in
            let map = try reader.mapping(item, "a data file")
            try reader.checkKeys(map, allowed: dataKeys, in: "a data file")
            func value(_ key: String) throws -> String {
                guard let node = map[key] else {
                    throw reader.error(.missingKey, "a data file needs `\(key)`", at: item)
                }
                return try reader.text(node, "`\(key)`")
            }
            func whole(_ key: String, default fallback: Int) throws -> Int {
                guard let node = map[key] else { return fallback }
                let text = try reader.text(node, "`\(key)`")
                guard let number = Int(text), number >= 0 else {
                    throw reader.error(
                        .badValue, "`\(key)` is \"\(text)\"; expected a whole number, 0 or more", at: node)
                }
                return number
            }
            let dataset = try value("dataset")
            guard DatasetGenerator.names.contains(dataset) else {
                throw reader.error(
                    .badValue,
                    "`dataset` is \"\(dataset)\"; expected \(listing(DatasetGenerator.names, or: true))",
                    at: map["dataset"])
            }
            var file = ScenarioDataFile(
                path: try value("path"), dataset: dataset, seed: UInt64(try whole("seed", default: 1)),
                rows: try whole("rows", default: 2000), startRow: try whole("start_row", default: 0),
                flipLabels: nil, onlyFrom: try map["only_from"].map { try reader.text($0, "`only_from`") },
                line: item.mark.map { $0.line })
            if let share = map["flip_labels"] {
                let number = try GateConfigLoader.number(share, "`flip_labels`", reader)
                guard (0...1).contains(number) else {
                    throw reader.error(
                        .badValue, "`flip_labels` is \(formatDouble(number)); expected a share from 0 to 1", at: share)
                }
                file.flipLabels = number
            }
            return file
        }
    }
}

extension ScenarioState {
    /// Writes the scenario's files and data sets into the workspace, after checking that every
    /// path stays inside it (nothing is written when one does not); returns the paths written.
    func writeWorkspace(_ scenario: Scenario) throws -> [String] {
        let file = "scenarios/\(scenario.name).yaml"
        var writes: [(path: String, relative: String, text: () throws -> String)] = []
        for item in scenario.files {
            let path = try workspace.paths.resolve(item.path, in: file, line: item.line)
            writes.append((path, item.path, { item.text }))
        }
        for item in scenario.data {
            let path = try workspace.paths.resolve(item.path, in: file, line: item.line)
            writes.append((path, item.path, { try item.csv() }))
        }
        for write in writes {
            let data = Data(try write.text().utf8)
            try FileSystemFailure.performing(.write, path: write.path, named: write.relative) {
                try workspace.files.write(data, to: write.path)
            }
        }
        return writes.map(\.relative)
    }
}
