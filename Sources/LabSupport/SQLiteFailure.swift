import Foundation
package import GRDB

/// Says in plain words why SQLite refused, instead of its own terse text ("disk I/O error",
/// "unable to open database file", "attempt to write a readonly database").
package enum SQLiteFailure {
    /// The reason a database at `path` could not be used, for the SQLite result `code`;
    /// `fallback` (SQLite's own message) when the code says nothing clearer.
    package static func reason(_ code: ResultCode, path: String?, fallback: String) -> String {
        let folder = path.map { ($0 as NSString).deletingLastPathComponent }
        switch code.primaryResultCode {
        case .SQLITE_FULL:
            return "the disk is full; free some space and try again"
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            if let folder, let why = unwritable(folder) {
                return "the folder \(folder) is \(why); the lab needs to write there"
            }
            if code.primaryResultCode == .SQLITE_CANTOPEN {
                return "the file cannot be opened (its folder is missing, or it is not a file)"
            }
            return "the database is read-only; the lab needs to write to it"
        case .SQLITE_IOERR:
            // A full disk often surfaces as an I/O error (growing the shared-memory file fails).
            if let folder, isFull(folder) { return "the disk is full; free some space and try again" }
            return "the disk reported an input/output error; the disk may be failing or full"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "another cicdlab is using it; try again when it has finished"
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return "it is damaged (\(fallback))"
        default:
            return fallback
        }
    }

    /// A `LabError` for a database error that reached the top of a command; nil for any
    /// other error.
    package static func labError(from error: any Error) -> LabError? {
        guard let error = error as? DatabaseError else { return nil }
        let fallback = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        return LabError(
            .storeFailed,
            "a lab database could not be used: \(reason(error.resultCode, path: nil, fallback: fallback))",
            cause: error)
    }

    /// Whether the file system holding `folder` has (next to) no space left: less than 256 KiB
    /// for an unprivileged writer.
    static func isFull(_ folder: String) -> Bool {
        var info = statvfs()
        guard statvfs(folder, &info) == 0 else { return false }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize) < 256 * 1024
    }

    /// Why `folder` cannot be written ("read-only", "not writable by you"), or nil when it can.
    static func unwritable(_ folder: String) -> String? {
        guard access(folder, W_OK) != 0 else { return nil }
        switch errno {
        case EROFS: return "on a read-only file system"
        case EACCES, EPERM: return "read-only"
        default: return nil
        }
    }
}
