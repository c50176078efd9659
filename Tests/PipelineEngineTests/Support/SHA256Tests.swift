import Foundation
import Testing

@testable import PipelineEngine

/// SHA-256 against the NIST FIPS 180-4 example vectors.
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func matchesNISTVectors(message: String, digest: String) {
        #expect(SHA256.hex(message) == digest)
    }

    @Test func hashesAMillionAsWithDataOrBytesAlike() {
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hex(million) == expected)
        var hasher = SHA256()
        hasher.update(Data(million[..<3]))
        hasher.update(Data(million[3...]))
        #expect(hasher.hexDigest() == expected)
    }

    @Test func hashesAFile() throws {
        let dir = try TestTables.temporaryDirectory()
        let path = dir.appendingPathComponent("abc.txt").path
        try "abc".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try SHA256.hex(fileAt: path) == SHA256.hex("abc"))
        #expect(
            throws: LabError(
                "file.unreadable", "cannot read '\(dir.path)/missing.csv'", file: "\(dir.path)/missing.csv")
        ) {
            try SHA256.hex(fileAt: "\(dir.path)/missing.csv")
        }
    }
}
