import Foundation
import LabSupport

extension SandboxManager {
    /// Restores the templates and clears `.lab/` (runs, registry, deployments, clock).
    ///
    /// Files the learner added are removed too; progress lives elsewhere and is untouched.
    /// A damaged `state.sqlite` is kept beside the workspace (returned), never deleted.
    ///
    /// The reset is atomic and locked. The fresh workspace is built in a hidden sibling folder
    /// (`.NAME.reset-PID-N`) and exchanged with the old one in one `renameat2(RENAME_EXCHANGE)`
    /// (where the system has it), so the workspace is always whole, old or new, even if the
    /// process is killed; the old tree is then deleted through descriptors, unlinking any
    /// symlink inside instead of following it. Resets of one workspace wait for each other on
    /// `.NAME.lock` beside it, a reset is refused while a pipeline run, deploy or clock advance
    /// holds the workspace, and the leftovers of a killed reset are deleted by the next one.
    @discardableResult
    package func reset(at root: String) throws -> String? {
        let root = WorkspacePaths.realPath(root) ?? root
        let parent = (root as NSString).deletingLastPathComponent
        let name = (root as NSString).lastPathComponent
        try FileManager.default.createDirectory(
            atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return try FileLock.withExclusiveLock(at: "\(parent)/.\(name).lock") {
            try Self.removeLeftovers(of: name, in: parent)
            var info = stat()
            guard lstat(root, &info) == 0 else {
                try initialise(at: root)
                return nil
            }
            guard info.st_mode & S_IFMT == S_IFDIR, lstat(root + "/.lab", &info) == 0,
                info.st_mode & S_IFMT == S_IFDIR
            else {
                throw LabError(
                    .sandboxNotAWorkspace,
                    "\(root) is not a sandbox workspace (no .lab folder); refusing to clear it")
            }
            let hold = try WorkspaceLock.acquire(root: root, for: "sandbox reset")
            defer { hold.release() }
            let keptAside = try keepDamagedState(of: root)
            let fresh = "\(parent)/.\(name).reset-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            try initialise(at: fresh)
            try Self.exchange(fresh, root)
            // `fresh` now holds the old workspace.
            try ConfinedDirectory(root: parent).removeTree((fresh as NSString).lastPathComponent)
            return keptAside
        }
    }

    /// Deletes what a killed reset of the workspace at `root` left beside it, unless a reset is
    /// under way; cheap when there is nothing (one listing of the parent folder).
    ///
    /// The lab calls it whenever it opens a workspace, so leftovers never outlive the
    /// next command.
    package static func removeLeftovers(besides root: String) throws {
        let root = WorkspacePaths.realPath(root) ?? root
        let parent = (root as NSString).deletingLastPathComponent
        let name = (root as NSString).lastPathComponent
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        guard entries.contains(where: { $0.hasPrefix(".\(name).reset-") }) else { return }
        _ = try FileLock.withExclusiveLockIfFree(at: "\(parent)/.\(name).lock") {
            try removeLeftovers(of: name, in: parent)
        }
    }

    /// Moves a damaged `state.sqlite` out of the workspace, beside it; returns where it went.
    private func keepDamagedState(of root: String) throws -> String? {
        let state = root + "/.lab/state.sqlite"
        var info = stat()
        guard lstat(state, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        do {
            _ = try StateStore(path: state)
            return nil
        } catch LabStoreError.damaged {
            let aside = try SQLiteFile.setAside(path: state, now: WallClock.now())
            let outside = root + "-" + (aside as NSString).lastPathComponent
            guard rename(aside, outside) == 0 else {
                throw LabError(
                    .sandboxReset,
                    "cannot keep the damaged state database as \(outside): \(String(cString: strerror(errno)))")
            }
            return outside
        }
    }

    /// Deletes what a killed reset of `name` left in `parent`: a half-built fresh workspace, or
    /// the old one it had swapped out.
    ///
    /// Called with the reset lock held.
    static func removeLeftovers(of name: String, in parent: String) throws {
        let prefix = ".\(name).reset-"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for entry in entries where entry.hasPrefix(prefix) {
            try ConfinedDirectory(root: parent).removeTree(entry)
        }
    }

    /// Swaps the folders `a` and `b` in one step where the system can (`renameat2` with
    /// `RENAME_EXCHANGE` on Linux, `renamex_np` with `RENAME_SWAP` on macOS), else with two
    /// renames (a kill between them leaves `b` missing until the next reset or start).
    static func exchange(_ a: String, _ b: String) throws {
        #if canImport(Darwin)
        if renamex_np(a, b, UInt32(RENAME_SWAP)) == 0 { return }
        #else
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") {
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let exchangeFlag: UInt32 = 2  // RENAME_EXCHANGE
            if renameat2(AT_FDCWD, a, AT_FDCWD, b, exchangeFlag) == 0 { return }
            guard errno == EINVAL || errno == ENOSYS else { throw failure(b) }
        }
        #endif
        let aside = a + ".old"
        guard rename(b, aside) == 0 else { throw failure(b) }
        guard rename(a, b) == 0 else {
            let error = failure(b)
            _ = rename(aside, b)
            throw error
        }
        guard rename(aside, a) == 0 else { throw failure(b) }
    }

    private static func failure(_ root: String) -> LabError {
        LabError(.sandboxReset, "cannot swap the fresh sandbox into \(root): \(String(cString: strerror(errno)))")
    }
}
