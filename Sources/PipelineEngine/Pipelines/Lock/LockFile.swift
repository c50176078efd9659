import Foundation
import LabSupport
import Yams

/// What the lock file records for one stage after its last successful run, like a `dvc.lock`
/// entry: the definition, the hashes of what it read and wrote, and the param values.
package struct LockEntry: Sendable, Equatable {
    package var kind: StageKind
    package var fingerprint: String
    package var definition: [String: String]
    package var deps: [FileHash]
    package var params: [String: String]
    package var inputs: [String: String]
    package var outs: [FileHash]
    /// SHA-256 of the stage's result in the artifact store.
    package var result: String?
    /// The run that produced this result (it may have been restored from the cache since).
    package var run: Int

    package init(kind: StageKind, inputs stageInputs: StageInputs, outs: [FileHash], result: String?, run: Int) {
        self.kind = kind
        fingerprint = stageInputs.fingerprint
        definition = stageInputs.definition
        deps = stageInputs.deps
        params = stageInputs.params
        inputs = stageInputs.inputs
        self.outs = outs
        self.result = result
        self.run = run
    }
}

/// The lock file beside a pipeline (`pipeline.lock`): the state of every stage's last
/// successful run, readable by people and diffable in git.
///
/// ```yaml
/// schema: cicdlab-lock/1
/// stages:
///   train:
///     kind: train
///     fingerprint: 5be1…
///     definition: {data: data/churn.csv, kind: train, outs: '[models/candidate.json]', …}
///     deps:
///     - path: data/churn.csv
///       sha256: 9f2c…
///       size: 48213
///     params:
///       train.C: '1.0'
///     outs:
///     - path: models/candidate.json
///       sha256: 77ab…
///       size: 2210
///     result: 0c4e…
///     run: 3
/// ```
package struct LockFile: Sendable, Equatable {
    package static let schema = "cicdlab-lock/1"
    package var stages: [String: LockEntry] = [:]

    package init(stages: [String: LockEntry] = [:]) {
        self.stages = stages
    }

    /// Reads the lock file at `path`; a missing file is an empty lock.
    package static func read(path: String, displayName: String) throws -> LockFile {
        guard let data = try RegularFile.contents(atPath: path, named: displayName) else { return LockFile() }
        let reader = YAMLNodeReader(file: displayName, codePrefix: .lock)
        func broken(_ why: String, _ node: Node?) -> LabError {
            reader.error(.unreadable, "\(why); delete the lock file to rebuild it from the run cache", at: node)
        }
        guard let root = try reader.compose(String(decoding: data, as: UTF8.self), resolver: .basic) else {
            return LockFile()
        }
        let top = try reader.mapping(root, "the lock file")
        guard top["schema"]?.string == schema else {
            throw broken("this lock file is not in the \(schema) format", top["schema"] ?? root)
        }
        var lock = LockFile()
        for (nameNode, entryNode) in try top["stages"].map({ try reader.mapping($0, "`stages`") }) ?? [:] {
            // One pass over the entry's keys: a mapping's subscript is a linear search.
            var map: [String: Node] = [:]
            for (key, value) in try reader.mapping(entryNode, "a stage entry") { map[key.string ?? ""] = value }
            func strings(_ key: String) throws -> [String: String] {
                var result: [String: String] = [:]
                guard let node = map[key] else { return [:] }
                for (k, v) in try reader.mapping(node, "`\(key)`") {
                    result[k.string ?? ""] = v.string ?? ""
                }
                return result
            }
            func files(_ key: String) throws -> [FileHash] {
                try (map[key].map { try reader.sequence($0, "`\(key)`") } ?? []).map { item in
                    var file: [String: String] = [:]
                    for (k, v) in try reader.mapping(item, "a file entry") { file[k.string ?? ""] = v.string }
                    guard let path = file["path"], let hash = file["sha256"] else {
                        throw broken("a file entry lacks `path` or `sha256`", item)
                    }
                    return FileHash(path: path, sha256: hash, size: file["size"].flatMap { Int($0) } ?? 0)
                }
            }
            guard let kind = map["kind"]?.string.flatMap(StageKind.init(rawValue:)),
                let fingerprint = map["fingerprint"]?.string,
                let run = map["run"]?.string.flatMap({ Int($0) })
            else {
                throw broken(
                    "the entry of stage '\(nameNode.string ?? "")' lacks its kind, fingerprint or run", entryNode)
            }
            var entry = LockEntry(
                kind: kind,
                inputs: StageInputs(
                    definition: try strings("definition"), deps: try files("deps"),
                    params: try strings("params"), inputs: try strings("inputs")),
                outs: try files("outs"), result: map["result"]?.string, run: run)
            entry.fingerprint = fingerprint
            lock.stages[nameNode.string ?? ""] = entry
        }
        return lock
    }

    /// The lock file's text, stages in `order` (others after, by name).
    package func text(order: [String]) throws -> String {
        let names = orderedUnique(order.filter { stages[$0] != nil } + stages.keys.sorted())
        var stageNodes: [(Node, Node)] = []
        for name in names {
            guard let entry = stages[name] else { continue }
            var pairs: [(Node, Node)] = [
                (Node("kind"), Node(entry.kind.rawValue)), (Node("fingerprint"), Node(entry.fingerprint)),
            ]
            pairs.append((Node("definition"), Self.mapping(entry.definition)))
            if !entry.deps.isEmpty { pairs.append((Node("deps"), Self.files(entry.deps))) }
            if !entry.params.isEmpty { pairs.append((Node("params"), Self.mapping(entry.params))) }
            if !entry.inputs.isEmpty { pairs.append((Node("inputs"), Self.mapping(entry.inputs))) }
            if !entry.outs.isEmpty { pairs.append((Node("outs"), Self.files(entry.outs))) }
            if let result = entry.result { pairs.append((Node("result"), Node(result))) }
            pairs.append((Node("run"), Node(String(entry.run))))
            stageNodes.append((Node(name), .mapping(Node.Mapping(pairs))))
        }
        let root = Node.mapping(
            Node.Mapping([(Node("schema"), Node(Self.schema)), (Node("stages"), .mapping(Node.Mapping(stageNodes)))]))
        return "# Written by `cicdlab pipeline run`: the state of each stage's last successful run.\n"
            + (try Yams.serialize(node: root, width: -1))
    }

    /// Writes the lock file to `path` atomically, inside `files` and never through a symlink.
    package func write(path: String, order: [String], in files: ConfinedDirectory) throws {
        let data = Data(try text(order: order).utf8)
        try FileSystemFailure.performing(.write, path: path) {
            try files.write(data, to: path, permissions: 0o644)
        }
    }

    private static func mapping(_ values: [String: String]) -> Node {
        .mapping(
            Node.Mapping(values.keys.sorted().map { (Node($0), Node(values[$0] ?? "", .implicit, .singleQuoted)) }))
    }

    private static func files(_ files: [FileHash]) -> Node {
        .sequence(
            Node.Sequence(
                files.map { file in
                    .mapping(
                        Node.Mapping([
                            (Node("path"), Node(file.path)), (Node("sha256"), Node(file.sha256)),
                            (Node("size"), Node(String(file.size))),
                        ]))
                }))
    }
}
