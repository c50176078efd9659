import Crypto
package import Foundation

/// SHA-256 digests in lowercase hex: the identity of data files, params, models and artifacts.
package enum ContentHash {
    /// The SHA-256 of `bytes`.
    package static func hex(_ bytes: some DataProtocol) -> String {
        hex(digest: Crypto.SHA256.hash(data: bytes))
    }

    /// The SHA-256 of the UTF-8 bytes of `text`.
    package static func hex(_ text: String) -> String { hex(Data(text.utf8)) }

    /// The SHA-256 of a file's bytes, read in chunks so large files need little memory.
    package static func hex(fileAt path: String) throws -> String {
        guard let fd = try RegularFile.open(path) else {
            throw LabError(.fileUnreadable, "cannot read \(path)", file: path)
        }
        defer { close(fd) }
        var hasher = Crypto.SHA256()
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 64)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer.baseAddress, chunk)
            if count < 0 {
                if errno == EINTR { continue }
                throw LabError(.fileUnreadable, "cannot read \(path): \(String(cString: strerror(errno)))", file: path)
            }
            if count == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
        return hex(digest: hasher.finalize())
    }

    /// Lowercase hex of a digest's bytes, without a formatter per byte.
    private static func hex(digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
