package import Foundation
package import GRDB

/// Opens the lab's SQLite databases the one way they should be opened, and sets damaged ones
/// aside.
///
/// Both `progress.sqlite` and a workspace's `state.sqlite` go through here.
package enum SQLiteFile {
    /// One connection in WAL mode with a busy timeout, checked with `PRAGMA quick_check` and
    /// migrated under a file lock (so two processes opening a new file do not both migrate it).
    ///
    /// A queue rather than GRDB's pool: a command runs its queries one after another, and a
    /// pool opens a second connection for reads and, whenever SQLite has removed the `-wal`
    /// file (as it does when the last connection closes), writes a transaction and syncs it
    /// just to create that file again. The queue sets WAL mode once, when the file is new;
    /// SQLite keeps it in the file, and other processes still read while this one writes.
    package static func open(path: String, label: String, migrator: DatabaseMigrator) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = label
        configuration.journalMode = .default
        // In WAL mode, NORMAL still never corrupts the file; a power cut may lose the last commits.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let mode = try queue.writeWithoutTransaction { db in
                try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
            guard mode == "wal" else {
                throw LabStoreError.unreadable(path: path, reason: "SQLite could not use its write-ahead log here")
            }
            let (check, migrated) = try queue.read { db in
                (try String.fetchAll(db, sql: "PRAGMA quick_check"), try migrator.hasCompletedMigrations(db))
            }
            guard check == ["ok"] else {
                throw LabStoreError.damaged(path: path, reason: check.prefix(3).joined(separator: "; "))
            }
            // Up to date (the usual case) needs neither the lock nor the migrator's write transaction.
            if !migrated { try FileLock.withExclusiveLock(at: path + ".lock") { try migrator.migrate(queue) } }
            _ = chmod(path, 0o600)
            return queue
        } catch let error as DatabaseError {
            let message = error.message ?? "SQLite error \(error.resultCode.rawValue)"
            if [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
                throw LabStoreError.damaged(path: path, reason: message)
            }
            throw LabStoreError.unreadable(
                path: path, reason: SQLiteFailure.reason(error.resultCode, path: path, fallback: message))
        }
    }

    /// Renames a damaged database (with its WAL and shared-memory files) out of the way, so a
    /// fresh one can be created; returns the new name of the damaged file.
    ///
    /// Nothing is deleted.
    ///
    /// The name carries the time `now` (the real time: a damaged database has no clock to read)
    /// to the second (`progress.sqlite.damaged-20261204-160500`); a
    /// second repair within the same second gets `-2`, `-3`, ... rather than failing on the
    /// first one's name.
    package static func setAside(path: String, now: Date) throws -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        let stamp = path + ".damaged-" + formatter.string(from: now)
        let suffixes = ["", "-wal", "-shm"]
        var aside = stamp
        var attempt = 1
        while suffixes.contains(where: { isOccupied(aside + $0) }) {
            attempt += 1
            aside = stamp + "-\(attempt)"
        }
        for suffix in suffixes where FileManager.default.fileExists(atPath: path + suffix) {
            try FileSystemFailure.performing(.write, path: aside + suffix) {
                try FileManager.default.moveItem(atPath: path + suffix, toPath: aside + suffix)
            }
        }
        return aside
    }

    /// Whether anything, even a dangling symbolic link, is at `path`.
    private static func isOccupied(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}

/// A lab database that cannot be used.
package enum LabStoreError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// The file is not a sound SQLite database (garbage, truncated, corrupted).
    case damaged(path: String, reason: String)

    package var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot open \(path): \(reason)"
        case .damaged(let path, let reason):
            "\(path) is damaged (\(reason))"
        }
    }
}
