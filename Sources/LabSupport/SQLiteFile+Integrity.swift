import Foundation
import GRDB

extension SQLiteFile {
    /// What `PRAGMA integrity_check` says of the database at `path`, opened read-only (nothing
    /// is created, migrated or repaired): "ok", or what is wrong in plain words.
    package static func integrity(path: String) -> String {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let rows = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            return rows.prefix(3).joined(separator: "; ")
        } catch let error as DatabaseError {
            let message = error.message ?? "SQLite error \(error.resultCode.rawValue)"
            return SQLiteFailure.reason(error.resultCode, path: path, fallback: message)
        } catch {
            return LabError.describing(error).message
        }
    }

    /// The workspace databases (`.lab/state.sqlite`) in the sandboxes under `folder`, found
    /// `depth` levels down (1 for `sandboxes/PROFILE`, 2 for `lesson-sandboxes/PROFILE/LESSON`),
    /// sorted by path.
    package static func workspaceDatabases(under folder: String, depth: Int) -> [String] {
        var workspaces = [folder]
        for _ in 0..<depth {
            workspaces = workspaces.flatMap { parent in
                ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [])
                    .filter { !$0.hasPrefix(".") }.map { parent + "/" + $0 }
            }
        }
        return workspaces.map { $0 + "/.lab/state.sqlite" }
            .filter { FileManager.default.fileExists(atPath: $0) }.sorted()
    }
}
