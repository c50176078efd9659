import Foundation
import LabSupport

/// The one-at-a-time lock of a workspace, held by whatever moves its models: a pipeline run, a
/// `clock advance` that fires continuous-training runs, a deploy, promote, rollback or alias.
///
/// Two pipeline runs at once would share the `challenger` alias, so one run's deploy stage could
/// ship the other's model. The lock is an exclusive `flock` on `.lab/workspace.lock`; the
/// kernel drops it when the holder ends for any reason, so a killed run never leaves the
/// workspace locked. A second process is refused at once, told who holds the lock (written into
/// the file by the holder); within one process the lock is re-entrant, so a `clock advance`
/// that holds it can run pipelines, and a pipeline's deploy stage can deploy.
package enum WorkspaceLock {
    /// The lock file, relative to the workspace.
    static let file = ".lab/workspace.lock"

    /// Runs `body` holding the lock of `workspace`; `activity` says who holds it ("pipeline
    /// run") in the message another process gets.
    package static func withLock<T>(_ workspace: Workspace, for activity: String, _ body: () throws -> T) throws -> T {
        let hold = try acquire(workspace, for: activity)
        defer { hold.release() }
        return try body()
    }

    /// Takes the lock of `workspace` until the returned hold is released (call `release()` in a
    /// `defer`); refuses at once when another process holds it.
    package static func acquire(_ workspace: Workspace, for activity: String) throws -> Hold {
        try acquire(root: workspace.paths.root, for: activity)
    }

    /// Takes the lock of the workspace at `root` (absolute, symlinks resolved), which need not
    /// open as a workspace (a reset takes it on a damaged one).
    package static func acquire(root key: String, for activity: String) throws -> Hold {
        if held.withLock({ table -> Bool in
            guard table[key] != nil else { return false }
            table[key]?.depth += 1
            return true
        }) {
            return Hold(key: key)
        }
        guard let fd = try ConfinedDirectory(root: key).open(file, flags: O_RDWR | O_CREAT) else {
            throw LabError(.workspaceLock, "cannot create the workspace lock", file: file)
        }
        guard lock(fd) else {
            let holder = describeHolder(fd)
            close(fd)
            throw LabError(
                .workspaceBusy,
                "\(holder) is running in this workspace; wait for it to finish, then try again "
                    + "(one pipeline run, deploy or clock advance at a time)")
        }
        note(fd, activity)
        held.withLock { $0[key] = Holder(descriptor: fd, depth: 1) }
        return Hold(key: key)
    }

    /// The lock held by this process until `release()` (called once; later calls do nothing).
    package final class Hold {
        fileprivate let key: String
        private var released = false

        fileprivate init(key: String) {
            self.key = key
        }

        package func release() {
            guard !released else { return }
            released = true
            WorkspaceLock.release(key)
        }

        deinit { release() }
    }

    /// Replaces what the lock file says about its holder (`pipeline run #12`), if this process
    /// holds the lock of `workspace`.
    package static func describe(_ workspace: Workspace, as activity: String) {
        if let fd = held.withLock({ $0[workspace.paths.root]?.descriptor }) { note(fd, activity) }
    }

    private struct Holder {
        var descriptor: Int32
        var depth: Int
    }

    /// The locks this process holds, by workspace root.
    private static let held = LockedTable()

    private final class LockedTable: @unchecked Sendable {
        private let lock = NSLock()
        private var table: [String: Holder] = [:]

        func withLock<T>(_ body: (inout [String: Holder]) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&table)
        }
    }

    fileprivate static func release(_ key: String) {
        held.withLock { table in
            guard var holder = table[key] else { return }
            holder.depth -= 1
            if holder.depth > 0 {
                table[key] = holder
                return
            }
            table[key] = nil
            _ = ftruncate(holder.descriptor, 0)
            flock(holder.descriptor, LOCK_UN)
            close(holder.descriptor)
        }
    }

    /// Takes the lock without waiting; false when another holds it.
    private static func lock(_ fd: Int32) -> Bool {
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EINTR else { return false }
        }
        return true
    }

    /// Writes `activity (pid N)` into the lock file, for the message another process gets.
    private static func note(_ fd: Int32, _ activity: String) {
        let text = Data("\(activity) (pid \(getpid()))".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Who holds the lock, as its holder wrote it: "another pipeline run #12 (pid 4242)".
    private static func describeHolder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 200)
        let count = pread(fd, &buffer, buffer.count, 0)
        let text = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
        let clean = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        return clean && !text.isEmpty ? "another \(text)" : "another pipeline run, deploy or clock advance"
    }
}
