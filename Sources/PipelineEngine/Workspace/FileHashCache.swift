import Foundation
import LabSupport

/// Content hashes of workspace files, reused while a file's size, mtime and inode are unchanged,
/// as git's index and DVC's state database do: a file is read and hashed again only when its
/// `stat` moved.
///
/// The cache lives in `.lab/stat-cache`, one line per file (size, mtime in nanoseconds, inode,
/// SHA-256, path relative to the workspace). An entry is trusted only when the file's mtime is
/// older than the time the cache file was written (its own mtime, from the same file system
/// clock), so a file changed in the same clock tick as the write, keeping its size and mtime,
/// is hashed again (the "racy git" problem). A file whose mtime is not older than the moment
/// hashing began is hashed but not remembered: it may be changing while it is read.
package final class FileHashCache: @unchecked Sendable {
    /// What the cache knows about one file.
    struct Entry: Equatable {
        var size: Int64
        var mtime: Int64
        var inode: UInt64
        var sha256: String
    }

    /// The cache file, relative to the workspace root.
    static let file = ".lab/stat-cache"
    static let header = "cicdlab stat cache 1"

    private let root: String
    private let files: ConfinedDirectory
    private let lock = NSLock()
    private var loaded = false
    private var entries: [String: Entry] = [:]
    /// The cache file's mtime (ns) when it was read; 0 when there was none.
    private(set) var writtenAt: Int64 = 0
    private var changed = false
    /// Files hashed by this process, whose entries need no racy check: a later change moves
    /// their mtime past the moment they were hashed.
    private var fresh: Set<String> = []

    init(root: String, files: ConfinedDirectory) {
        self.root = root
        self.files = files
    }

    /// The SHA-256 and size of the regular file at `relative` (inside the workspace), or nil
    /// when nothing is there; from the cache when its `stat` is unchanged and not racy.
    package func hash(_ relative: String, at path: String) throws -> (sha256: String, size: Int)? {
        var before = stat()
        guard stat(path, &before) == 0 else { return nil }
        lock.lock()
        defer { lock.unlock() }
        loadIfNeeded()
        let now = Self.coarseNow()
        if let entry = entries[relative],
            Self.trusts(entry, stat: before, writtenAt: fresh.contains(relative) ? .max : writtenAt)
        {
            return (entry.sha256, Int(entry.size))
        }
        let sha256 = try ContentHash.hex(fileAt: path)
        var after = stat()
        let steady = stat(path, &after) == 0 && Self.entry(after, sha256) == Self.entry(before, sha256)
        if steady, Self.nanoseconds(before.st_mtim) < now {
            entries[relative] = Self.entry(before, sha256)
            fresh.insert(relative)
        } else {
            entries[relative] = nil
        }
        changed = true
        return (sha256, Int(before.st_size))
    }

    /// Writes the cache when a file was hashed since it was read; a failed write only costs a
    /// hash next time.
    package func save() {
        lock.lock()
        defer { lock.unlock() }
        guard changed else { return }
        var text = Self.header + "\n"
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            text += "\(entry.size)\t\(entry.mtime)\t\(entry.inode)\t\(entry.sha256)\t\(path)\n"
        }
        guard (try? files.write(Data(text.utf8), to: Self.file)) != nil else { return }
        changed = false
        var info = stat()
        if stat(root + "/" + Self.file, &info) == 0 { writtenAt = Self.nanoseconds(info.st_mtim) }
    }

    /// Whether `entry` still describes a file whose `stat` is `info`, for a cache written at
    /// `writtenAt`: same size, mtime and inode, and an mtime strictly older than the write.
    static func trusts(_ entry: Entry, stat info: stat, writtenAt: Int64) -> Bool {
        entry.size == Int64(info.st_size) && entry.mtime == nanoseconds(info.st_mtim)
            && entry.inode == UInt64(info.st_ino) && entry.mtime < writtenAt
    }

    private static func entry(_ info: stat, _ sha256: String) -> Entry {
        Entry(
            size: Int64(info.st_size), mtime: nanoseconds(info.st_mtim), inode: UInt64(info.st_ino), sha256: sha256)
    }

    static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// The clock file systems stamp mtimes with (coarse on Linux), in nanoseconds.
    private static func coarseNow() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME_COARSE, &time)
        return nanoseconds(time)
    }

    private func loadIfNeeded() {
        guard !loaded else { return }
        loaded = true
        let path = root + "/" + Self.file
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
            let data = try? files.contents(of: Self.file)
        else { return }
        writtenAt = Self.nanoseconds(info.st_mtim)
        let lines = data.split(separator: UInt8(ascii: "\n"))
        guard let first = lines.first, String(decoding: first, as: UTF8.self) == Self.header else { return }
        for line in lines.dropFirst() {
            let fields = line.split(separator: UInt8(ascii: "\t"), maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5,
                let size = Int64(String(decoding: fields[0], as: UTF8.self)),
                let mtime = Int64(String(decoding: fields[1], as: UTF8.self)),
                let inode = UInt64(String(decoding: fields[2], as: UTF8.self))
            else { continue }
            let sha256 = String(decoding: fields[3], as: UTF8.self)
            guard sha256.utf8.count == 64 else { continue }
            entries[String(decoding: fields[4], as: UTF8.self)] = Entry(
                size: size, mtime: mtime, inode: inode, sha256: sha256)
        }
    }
}
