import Foundation
import GRDB

/// A dependency file whose content differs between two runs: what `dvc diff` reports for data.
package struct DependencyChange: Sendable, Encodable, Equatable {
    package var path: String
    /// SHA-256 of the file as each run read it; nil when that run's stages did not read it.
    package var old: String?
    package var new: String?
    /// The stages that read it, in either run.
    package var stages: [String]

    package init(path: String, old: String?, new: String?, stages: [String]) {
        self.path = path
        self.old = old
        self.new = new
        self.stages = stages
    }

    /// The files whose hash differs between `before` and `after` (every file when `all`), by path.
    static func changes(
        _ before: [String: RunDependency], _ after: [String: RunDependency], all: Bool
    ) -> [DependencyChange] {
        Set(before.keys).union(after.keys).sorted().compactMap { path in
            let a = before[path]
            let b = after[path]
            guard all || a?.sha256 != b?.sha256 else { return nil }
            let stages = Set((a?.stages ?? []) + (b?.stages ?? [])).sorted()
            return DependencyChange(path: path, old: a?.sha256, new: b?.sha256, stages: stages)
        }
    }
}

/// A file a run's stages read, with the hash they saw.
struct RunDependency: Equatable {
    var sha256: String
    var stages: [String]
}

extension PipelineHistory {
    /// The dependency files run `id` read, by path, as its stages recorded them.
    ///
    /// Stages run in order, so when two saw different content (an upstream stage rewrote the
    /// file) the later stage's hash is the one kept.
    func dependencies(run id: Int) throws -> [String: RunDependency] {
        try state.pool.read { db in
            var files: [String: RunDependency] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.stage, d.path, d.sha256 FROM run_dep d
                    JOIN stage_result s ON s.run_id = d.run_id AND s.name = d.stage
                    WHERE d.run_id = ? ORDER BY s.position, d.path
                    """, arguments: [id])
            for row in rows {
                let path: String = row["path"]
                let stage: String = row["stage"]
                files[path] = RunDependency(sha256: row["sha256"], stages: (files[path]?.stages ?? []) + [stage])
            }
            return files
        }
    }
}
