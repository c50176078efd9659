import Foundation
import LabSupport

/// A lock file that a pipeline run holds while it runs, so another process can tell a run in
/// progress from one whose process was killed.
///
/// The run's process takes an exclusive `flock` on `.lab/runs/<token>.lock` before it records
/// the run, and keeps the descriptor open until the run is recorded as finished. The kernel
/// drops the lock when the process ends for any reason (SIGKILL, a crash, a power cut), so a
/// lock file that can be locked belongs to a run that will never finish. Unlike a PID, a lock
/// cannot be mistaken for a new process that happens to reuse the number.
final class RunOwnerLock {
    /// The name recorded with the run (`pipeline_run.owner`).
    let token: String
    private let path: String
    private var descriptor: Int32

    /// Creates and locks a new owner file in `directory` (created 0700 if missing), inside
    /// `files` and never through a symlink.
    init(directory: String, in files: ConfinedDirectory) throws {
        token = UUID().uuidString.lowercased()
        path = Self.path(for: token, in: directory)
        guard let fd = try files.open(path, flags: O_RDWR | O_CREAT) else {
            throw LabError(.pipelineLock, "cannot create the run lock \(path)")
        }
        descriptor = fd
        guard Self.lock(descriptor, wait: true) else {
            close(descriptor)
            throw LabError(.pipelineLock, "cannot lock the run lock \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit { release() }

    /// Unlocks and removes the owner file; call once the run is recorded as finished.
    func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    static func path(for token: String, in directory: String) -> String {
        "\(directory)/\(token).lock"
    }

    /// Whether the run owning `token` is still running: some process holds its lock.
    ///
    /// A missing file means the owner is gone: the file is created and locked before the run
    /// is recorded, and removed only after the run is recorded as finished.
    static func isHeld(token: String, in directory: String) -> Bool {
        let fd = open(path(for: token, in: directory), O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        // Held (EWOULDBLOCK), or unknown: either way the run must not be marked interrupted.
        guard lock(fd, wait: false) else { return true }
        flock(fd, LOCK_UN)
        return false
    }

    /// Removes the owner file of a run found interrupted (its lock is free).
    static func remove(token: String, in directory: String) {
        unlink(path(for: token, in: directory))
    }

    private static func lock(_ fd: Int32, wait: Bool) -> Bool {
        while flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            guard errno == EINTR else { return false }
        }
        return true
    }
}
