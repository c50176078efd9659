import Foundation
import LabSupport

/// Everything that decides a stage's result: its definition, the hashes of the files it reads,
/// the params it uses and any other inputs (the champion a gate compares with).
///
/// Two runs with equal inputs give the same result, so the second can be skipped and its
/// outputs restored; when inputs differ, ``changes(since:)`` says which, in words.
package struct StageInputs: Sendable, Equatable {
    package var definition: [String: String]
    package var deps: [FileHash]
    package var params: [String: String]
    package var inputs: [String: String]

    package init(definition: [String: String], deps: [FileHash], params: [String: String], inputs: [String: String]) {
        self.definition = definition
        self.deps = deps
        self.params = params
        self.inputs = inputs
    }

    /// SHA-256 over all inputs in a canonical order: the run cache's key.
    package var fingerprint: String {
        var text = ""
        for key in definition.keys.sorted() { text += "definition \(key)=\(definition[key] ?? "")\n" }
        for dep in deps.sorted(by: { $0.path < $1.path }) { text += "dep \(dep.path)=\(dep.sha256)\n" }
        for key in params.keys.sorted() { text += "param \(key)=\(params[key] ?? "")\n" }
        for key in inputs.keys.sorted() { text += "input \(key)=\(inputs[key] ?? "")\n" }
        return ContentHash.hex(text)
    }

    /// Why these inputs differ from those recorded in `locked`, one phrase per kind of change:
    /// "params changed: train.C 1.0 → 0.5", "deps changed: data/churn.csv modified".
    package func changes(since locked: LockEntry) -> [String] {
        var reasons: [String] = []
        let definitionChanges = Self.compare(
            locked.definition, definition,
            describe: { key, old, new in
                switch (old, new) {
                case (nil, let new?): "\(key) added (\(new))"
                case (_?, nil): "\(key) removed"
                default: "\(key) \(old ?? "") → \(new ?? "")"
                }
            })
        if !definitionChanges.isEmpty {
            reasons.append("definition changed: " + definitionChanges.joined(separator: ", "))
        }
        let oldDeps = Dictionary(locked.deps.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let newDeps = Dictionary(deps.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let depChanges = Self.compare(
            oldDeps, newDeps, order: deps.map(\.path) + locked.deps.map(\.path),
            describe: { path, old, new in
                old == nil ? "\(path) added" : new == nil ? "\(path) removed" : "\(path) modified"
            })
        if !depChanges.isEmpty { reasons.append("deps changed: " + depChanges.joined(separator: ", ")) }
        let paramChanges = Self.compare(
            locked.params, params,
            describe: { key, old, new in
                switch (old, new) {
                case (nil, let new?): "\(key) added (\(new))"
                case (let old?, nil): "\(key) removed (was \(old))"
                default: "\(key) \(old ?? "") → \(new ?? "")"
                }
            })
        if !paramChanges.isEmpty { reasons.append("params changed: " + paramChanges.joined(separator: ", ")) }
        for phrase in Self.compare(
            locked.inputs, inputs,
            describe: { key, old, new in
                if key.hasPrefix("upstream ") {
                    return "upstream stage '\(key.dropFirst(9))' has a new result"
                }
                return "\(key) changed: \(old ?? "none") → \(new ?? "none")"
            })
        {
            reasons.append(phrase)
        }
        return reasons
    }

    /// Phrases for the keys whose values differ, in `order` (else sorted key order).
    private static func compare(
        _ old: [String: String], _ new: [String: String], order: [String]? = nil,
        describe: (String, String?, String?) -> String
    ) -> [String] {
        let keys = orderedUnique(order ?? Set(old.keys).union(new.keys).sorted())
        return keys.compactMap { key in old[key] == new[key] ? nil : describe(key, old[key], new[key]) }
    }

    /// The hash and size of a file, or of a folder as the hash of its files' paths and hashes.
    ///
    /// Files are hashed through the workspace's ``FileHashCache``: one whose size, mtime and
    /// inode are unchanged since it was last hashed is not read again.
    package static func hash(_ relative: String, in workspace: Workspace) throws -> FileHash? {
        let path = try workspace.paths.resolve(relative)
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT != S_IFDIR {
            guard let (sha256, size) = try workspace.fileHashes.hash(relative, at: path) else { return nil }
            return FileHash(path: relative, sha256: sha256, size: size)
        }
        var manifest = ""
        var total = 0
        for file in (FileManager.default.subpaths(atPath: path) ?? []).sorted() {
            var entry = stat()
            let full = path + "/" + file
            guard stat(full, &entry) == 0, entry.st_mode & S_IFMT != S_IFDIR,
                let (sha256, size) = try workspace.fileHashes.hash(relative + "/" + file, at: full)
            else { continue }
            manifest += "\(file)\t\(sha256)\n"
            total += size
        }
        return FileHash(path: relative, sha256: ContentHash.hex(manifest), size: total)
    }
}
