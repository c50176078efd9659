package import Foundation

/// Opens files the lab reads only when they are regular files, so a FIFO, device or socket
/// planted where a data file, suite or template should be is named, never waited on.
///
/// The file is opened with `O_NONBLOCK` (opening a FIFO for reading would otherwise block until
/// a writer appears) and its type is checked on the open descriptor, so the check and the read
/// concern the same file.
package enum RegularFile {
    /// An open descriptor of the regular file at `path` (blocking again), or nil when nothing is
    /// there; throws naming what was found instead.
    ///
    /// The caller closes it.
    package static func open(_ path: String, named name: String? = nil) throws -> Int32? {
        let fd = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw LabError(.fileUnreadable, "cannot read it: \(String(cString: strerror(errno)))", file: name ?? path)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw LabError(.fileUnreadable, "cannot read it: \(String(cString: strerror(errno)))", file: name ?? path)
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(fd)
            throw LabError(.fileNotRegular, "is \(describe(type)), not a regular file", file: name ?? path)
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// The bytes of the regular file at `path`, or nil when nothing is there.
    package static func contents(atPath path: String, named name: String? = nil) throws -> Data? {
        guard let fd = try open(path, named: name) else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        return try handle.readToEnd() ?? Data()
    }

    /// Refuses to write over anything at `path` but a regular file: writing goes through a
    /// temporary file renamed into place, which would silently replace a FIFO, a device or a
    /// symbolic link (and what it points to would never see the bytes).
    package static func checkWritable(_ path: String, named name: String? = nil) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }  // nothing there: a new file
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            throw LabError(
                .fileNotRegular,
                "is \(describe(type)); the lab writes only new files or regular ones, so choose another name",
                file: name ?? path)
        }
    }

    /// How a file type reads in a sentence: "a folder", "a FIFO (named pipe)".
    package static func describe(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "not a file"
        }
    }

    /// Writes all of `data` to `fd`, retrying after interrupts; false on an error.
    package static func writeAll(_ data: Data, to fd: Int32) -> Bool {
        data.withUnsafeBytes { buffer -> Bool in
            guard let start = buffer.baseAddress else { return true }
            var written = 0
            while written < buffer.count {
                let n = Foundation.write(fd, start + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += n
            }
            return true
        }
    }
}
