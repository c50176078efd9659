import LabSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only file mapped into memory, so the CSV reader can parse its bytes in place.
///
/// Mapping avoids copying a large file into the heap. Because mapped pages count towards the
/// process's resident memory once touched, the reader hands back pages it has finished with
/// (``release(_:)``), which keeps peak memory near the size of the parsed columns rather
/// than columns plus file.
final class MappedFile: @unchecked Sendable {
    /// The file's bytes; empty (with a nil base) for an empty file.
    let bytes: UnsafeBufferPointer<UInt8>
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps the file at `path`, or throws a `LabError` (naming the file `name`) saying why it
    /// cannot be read.
    init(path: String, name: String) throws {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { throw Self.openError(path: name, errno: errno) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw Self.openError(path: name, errno: errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw LabError(.fileIsDirectory, "is a folder; expected a CSV file", file: name)
        }
        if (info.st_mode & S_IFMT) != S_IFREG {
            throw LabError(
                .fileNotRegular, "is \(RegularFile.describe(info.st_mode & S_IFMT)); expected a CSV file", file: name)
        }
        let size = Int(info.st_size)
        if size == 0 {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else {
            throw Self.openError(path: name, errno: errno)
        }
        bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
        _ = madvise(address, size, MADV_SEQUENTIAL)
    }

    deinit {
        if let base = bytes.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        }
    }

    /// Tells the kernel the reader is done with the whole pages inside `range` for now.
    ///
    /// The mapping stays valid: touching those bytes again reads them back from the page
    /// cache, which only happens when a column's type changes to text late in the file. Safe to
    /// call from several threads for different ranges.
    func release(_ range: Range<Int>) {
        guard let base = bytes.baseAddress else { return }
        let start = (range.lowerBound + Self.pageSize - 1) / Self.pageSize * Self.pageSize
        let end = range.upperBound / Self.pageSize * Self.pageSize
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }

    private static func openError(path: String, errno code: Int32) -> LabError {
        switch code {
        case ENOENT: LabError(.fileNotFound, "no such file", file: path)
        case EACCES: LabError(.fileUnreadable, "permission denied", file: path)
        default: LabError(.fileUnreadable, "cannot read the file: \(String(cString: strerror(code)))", file: path)
        }
    }
}
