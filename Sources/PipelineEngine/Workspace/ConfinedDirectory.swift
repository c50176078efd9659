package import Foundation
import LabSupport

/// A folder the lab writes into, reads its own outputs from and deletes from relative to open
/// descriptors, so that no symbolic link anywhere below it is ever followed.
///
/// Resolving a path and then writing to it leaves a gap: a folder on the way can be swapped for
/// a symlink in between, and the write lands wherever the link points. Here every component
/// below `root` is opened with `openat(O_NOFOLLOW | O_DIRECTORY)` from its parent's descriptor,
/// folders are made with `mkdirat`, files are created with `openat` and renamed into place with
/// `renameat` within the final folder's descriptor, and trees are deleted with `unlinkat` (a
/// symlink met on the way is unlinked, never followed). A component that is a symlink or not a
/// folder is refused, naming it. Symlinks in `root` itself are the owner's choice and followed.
package struct ConfinedDirectory: Sendable {
    /// The folder everything stays inside, as given.
    package let root: String
    /// `root` with its symlinks resolved (when it exists), so resolved paths are recognised too.
    private let realRoot: String

    package init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        realRoot = WorkspacePaths.realPath(root) ?? self.root
    }

    // MARK: Writing

    /// Writes `data` to `path` (inside `root`, absolute or relative to it) so readers see the old
    /// content or the new, never a part; creates the folders on the way (0700).
    ///
    /// Anything at `path` but a regular file (a symlink, FIFO, device or folder) is refused, as
    /// is any folder on the way that is a symlink or not a folder.
    package func write(_ data: Data, to path: String, permissions: mode_t = 0o600) throws {
        let (folders, name) = try split(path)
        guard let folder = try openFolder(folders, creating: true) else {
            throw failure("cannot create the folder", folders)
        }
        defer { close(folder) }
        var info = stat()
        if fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT != S_IFREG {
            throw LabError(
                .fileNotRegular,
                "is \(RegularFile.describe(info.st_mode & S_IFMT)); the lab writes only new files or regular ones",
                file: display(folders + [name]))
        }
        let temporary = ".\(name).partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
        guard fd >= 0 else { throw failure("cannot create a file in", folders) }
        let ok = RegularFile.writeAll(data, to: fd) && fsync(fd) == 0
        let error = failure(ok ? "cannot rename into place" : "cannot write", folders + [name])
        close(fd)
        guard ok, renameat(folder, temporary, folder, name) == 0 else {
            unlinkat(folder, temporary, 0)
            throw error
        }
    }

    /// Creates the folder `path` (inside `root`) and the folders on the way, refusing links.
    package func makeFolder(_ path: String) throws {
        let components = try self.components(path)
        if let fd = try openFolder(components, creating: true) { close(fd) }
    }

    /// Opens the file `path` (inside `root`) with `flags` (`O_NOFOLLOW` is added), creating the
    /// folders on the way when `flags` has `O_CREAT`; nil when the file or a folder is missing.
    ///
    /// The caller closes the descriptor.
    package func open(_ path: String, flags: Int32, permissions: mode_t = 0o600) throws -> Int32? {
        let (folders, name) = try split(path)
        guard let folder = try openFolder(folders, creating: flags & O_CREAT != 0) else { return nil }
        defer { close(folder) }
        let fd = openat(folder, name, flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, permissions)
        if fd < 0 {
            if errno == ENOENT { return nil }
            if errno == ELOOP { throw symlink(folders + [name]) }
            throw failure("cannot open", folders + [name])
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            let type = info.st_mode & S_IFMT
            close(fd)
            throw LabError(
                .fileNotRegular, "is \(RegularFile.describe(type)), not a regular file",
                file: display(folders + [name]))
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// The bytes of the regular file at `path` (inside `root`), or nil when it is missing;
    /// a symlink anywhere on the way is refused, so an output is never read from outside.
    package func contents(of path: String) throws -> Data? {
        guard let fd = try open(path, flags: O_RDONLY) else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        return try handle.readToEnd() ?? Data()
    }

    /// Checks that each folder on the way to `path` (and `path` itself) is a real folder or
    /// missing: never a symlink, never something else.
    package func checkFolder(_ path: String) throws {
        if let fd = try openFolder(try components(path), creating: false) { close(fd) }
    }

    // MARK: Deleting

    /// Deletes `path` (inside `root`) and everything below it without following any link: a
    /// symlink inside is unlinked, not followed, even if it was swapped in during the delete.
    ///
    /// Does nothing when it is missing.
    package func removeTree(_ path: String) throws {
        let (folders, name) = try split(path)
        guard let folder = try openFolder(folders, creating: false) else { return }
        defer { close(folder) }
        try Self.removeEntry(name, in: folder, shown: display(folders + [name]))
    }

    /// Deletes the entry `name` of the open folder `parent`, recursively when it is a folder.
    static func removeEntry(_ name: String, in parent: Int32, shown: String) throws {
        let child = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if child < 0 {
            // Not a folder (a file, or a symlink to anything): unlink the entry itself.
            guard errno == ENOTDIR || errno == ELOOP else {
                if errno == ENOENT { return }
                throw LabError(.fileDelete, "cannot delete \(shown): \(String(cString: strerror(errno)))")
            }
            guard unlinkat(parent, name, 0) == 0 || errno == ENOENT else {
                throw LabError(.fileDelete, "cannot delete \(shown): \(String(cString: strerror(errno)))")
            }
            return
        }
        try removeContents(of: child, shown: shown)
        guard unlinkat(parent, name, AT_REMOVEDIR) == 0 || errno == ENOENT else {
            throw LabError(.fileDelete, "cannot delete \(shown): \(String(cString: strerror(errno)))")
        }
    }

    /// Deletes everything inside the open folder `folder`, then closes it.
    static func removeContents(of folder: Int32, shown: String) throws {
        guard let stream = fdopendir(folder) else {
            close(folder)
            throw LabError(.fileDelete, "cannot list \(shown): \(String(cString: strerror(errno)))")
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        let fd = dirfd(stream)
        for name in names {
            try removeEntry(name, in: fd, shown: shown + "/" + name)
        }
    }

    // MARK: Walking

    /// Opens the folder reached by `components` from `root`, one `openat(O_NOFOLLOW)` at a time,
    /// making missing ones when `creating`; nil when one is missing and not `creating`.
    func openFolder(_ components: [String], creating: Bool) throws -> Int32? {
        var current = Foundation.open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard current >= 0 else {
            if errno == ENOENT && !creating { return nil }
            throw LabError(
                .fileWrite, "cannot open the folder \(root): \(String(cString: strerror(errno)))", file: root)
        }
        for (index, name) in components.enumerated() {
            var next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, errno == ENOENT, creating {
                if mkdirat(current, name, 0o700) != 0, errno != EEXIST {
                    let error = failure("cannot create the folder", Array(components[...index]))
                    close(current)
                    throw error
                }
                next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            if next < 0 {
                let code = errno
                defer { close(current) }
                let shown = Array(components[...index])
                if code == ENOENT { return nil }
                var info = stat()
                if code == ELOOP
                    || (fstatat(current, name, &info, AT_SYMLINK_NOFOLLOW) == 0
                        && info.st_mode & S_IFMT == S_IFLNK)
                {
                    throw symlink(shown)
                }
                if code == ENOTDIR {
                    throw LabError(
                        .workspaceNotAFolder,
                        "is \(RegularFile.describe(info.st_mode & S_IFMT)), where the lab needs a folder",
                        file: display(shown))
                }
                errno = code
                throw failure("cannot open the folder", shown)
            }
            close(current)
            current = next
        }
        return current
    }

    /// The components of `path` below `root`; refuses a path that is not inside it.
    func components(_ path: String) throws -> [String] {
        var relative: String? = path.hasPrefix("/") ? nil : path
        for prefix in [root, realRoot] where path == prefix || path.hasPrefix(prefix + "/") {
            relative = String(path.dropFirst(prefix.count))
            break
        }
        let parts = (relative ?? "").split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            .filter { $0 != "." }
        guard relative != nil, !parts.contains(".."), !path.contains("\0") else {
            throw LabError(.workspaceEscape, "'\(path)' is not inside \(root); the lab writes only inside it")
        }
        return parts
    }

    private func split(_ path: String) throws -> (folders: [String], name: String) {
        let parts = try components(path)
        guard let name = parts.last else {
            throw LabError(.workspaceEscape, "'\(path)' names the folder \(root) itself, not a file in it")
        }
        return (Array(parts.dropLast()), name)
    }

    /// How a path below `root` is shown in a message: relative to it (`.lab/results`).
    private func display(_ components: [String]) -> String {
        components.joined(separator: "/")
    }

    private func symlink(_ components: [String]) -> LabError {
        LabError(
            .workspaceSymlink,
            "is a symbolic link; the lab never writes, reads its outputs or deletes through a link inside the workspace "
                + "(remove the link, or run `sandbox reset`)",
            file: display(components))
    }

    private func failure(_ what: String, _ components: [String]) -> LabError {
        let shown = display(components)
        return LabError(
            .fileWrite, "\(what) \(shown.isEmpty ? root : shown): \(String(cString: strerror(errno)))",
            file: shown.isEmpty ? root : shown)
    }
}
