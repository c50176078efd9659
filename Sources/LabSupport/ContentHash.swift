import Crypto
package import Foundation

/// SHA-256 digests in lowercase hex: the identity of data files, params, models and artifacts.
package enum ContentHash {
    /// The SHA-256 of `bytes`.
    package static func hex(_ bytes: some DataProtocol) -> String {
        Crypto.SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// The SHA-256 of the UTF-8 bytes of `text`.
    package static func hex(_ text: String) -> String { hex(Data(text.utf8)) }

    /// The SHA-256 of a file's bytes, read in chunks so large files need little memory.
    package static func hex(fileAt path: String) throws -> String {
        guard let fd = try RegularFile.open(path) else {
            throw LabError(.fileUnreadable, "cannot read \(path)", file: path)
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var hasher = Crypto.SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
