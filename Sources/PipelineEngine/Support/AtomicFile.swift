import Foundation

/// Writes a file so that readers (and a process started after a crash) see either the old
/// content or the new, never a part.
///
/// The bytes go to a temporary file beside the target (`.NAME.partial-PID-RANDOM`, so a
/// leftover is recognisable and never mistaken for the real file), are flushed to disk, and
/// the temporary file is renamed over the target, which POSIX makes atomic.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String, permissions: mode_t = 0o644) throws {
        try RegularFile.checkWritable(path)
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = "\(directory)/.\(name).partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard fd >= 0 else { throw failure("cannot create", temporary) }
        let ok = RegularFile.writeAll(data, to: fd) && fsync(fd) == 0
        let error = failure(ok ? "cannot rename into place" : "cannot write", path)
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw error
        }
    }

    private static func failure(_ what: String, _ path: String) -> LabError {
        LabError(.fileWrite, "\(what) \(path): \(String(cString: strerror(errno)))", file: path)
    }
}
