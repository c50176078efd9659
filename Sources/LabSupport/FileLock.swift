import Foundation

/// An exclusive advisory lock on a file (flock), held while a closure runs.
///
/// GRDB's migrator checks which migrations are applied and then applies the rest, which is
/// safe within one process but not across two processes opening a new database at the same
/// moment (both would create the same tables). The stores hold this lock while migrating.
package enum FileLock {
    package static func withExclusiveLock<T>(at path: String, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw LabError(.lockOpen, "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw LabError(.lockAcquire, "cannot lock \(path): \(String(cString: strerror(errno)))")
            }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Runs `body` holding the lock at `path` if no one else holds it; nil (without running
    /// `body`) when another process does.
    package static func withExclusiveLockIfFree<T>(at path: String, _ body: () throws -> T) throws -> T? {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw LabError(.lockOpen, "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EINTR else { return nil }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
