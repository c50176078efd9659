import Foundation
import GRDB
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// The one translation of Foundation, POSIX and GRDB errors (``LabError/describing(_:)``):
/// messages that name the path and say what is wrong, the original kept as the cause, and
/// never a framework dump.
@Suite struct ErrorTranslationTests {
    /// The error `body` throws.
    func thrown(_ body: () throws -> Void) throws -> any Error {
        do {
            try body()
        } catch {
            return error
        }
        Issue.record("nothing was thrown")
        throw CancellationError()
    }

    @Test func aWriteIntoAMissingFolderNamesTheFileAndTheMissingFolder() throws {
        let error = try thrown {
            try Data("x".utf8).write(to: URL(fileURLWithPath: "/proc/nope/m.json"), options: .atomic)
        }
        let translated = LabError.describing(error)
        #expect(
            translated == LabError("file.write_failed", "cannot write it: no such folder", file: "/proc/nope/m.json"))
        #expect(translated.description == "/proc/nope/m.json: cannot write it: no such folder")
        #expect(translated.cause.map { "\($0)" } == "\(error)", "the Foundation error is kept as the cause")
    }

    @Test func aReadOfAMissingFileSaysNoSuchFile() throws {
        let error = try thrown { _ = try Data(contentsOf: URL(fileURLWithPath: "/proc/nope/data.csv")) }
        #expect(
            LabError.describing(error)
                == LabError("file.read_failed", "cannot read it: no such file", file: "/proc/nope/data.csv"))
    }

    @Test func permissionDenied() {
        let error = CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: "/etc/cicdlab/m.json"])
        #expect(
            LabError.describing(error)
                == LabError("file.write_failed", "cannot write it: permission denied", file: "/etc/cicdlab/m.json"))
        #expect(
            LabError.describing(POSIXError(.EACCES))
                == LabError("file.write_failed", "cannot write a file: permission denied"))
    }

    @Test func aReadOnlyFileSystem() {
        let error = CocoaError(
            .fileWriteUnknown,
            userInfo: [NSFilePathErrorKey: "/mnt/cd/m.json", NSUnderlyingErrorKey: POSIXError(.EROFS)])
        #expect(
            LabError.describing(error)
                == LabError("file.write_failed", "cannot write it: read-only file system", file: "/mnt/cd/m.json"))
        #expect(
            LabError.describing(CocoaError(.fileWriteVolumeReadOnly, userInfo: [NSFilePathErrorKey: "/mnt/cd/m.json"]))
                == LabError("file.write_failed", "cannot write it: read-only file system", file: "/mnt/cd/m.json"))
    }

    @Test func aFullDisk() {
        let error = CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: "/data/m.json"])
        #expect(
            LabError.describing(error)
                == LabError("file.write_failed", "cannot write it: no space left on device", file: "/data/m.json"))
        #expect(
            LabError.describing(DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full"))
                == LabError(
                    "store.failed", "a lab database could not be used: the disk is full; free some space and try again")
        )
    }

    @Test func aCorruptDatabase() throws {
        let folder = try TemporaryDirectory("corrupt")
        defer { folder.remove() }
        let path = try folder.write("state.sqlite", Array(repeating: 0x41, count: 5000))
        let error = try thrown { _ = try SQLiteFile.open(path: path, label: "test", migrator: DatabaseMigrator()) }
        #expect(LabError.describing(error) == LabError("store.damaged", "\(path) is damaged (file is not a database)"))
        #expect(
            LabError.describing(DatabaseError(resultCode: .SQLITE_CORRUPT, message: "database disk image is malformed"))
                == LabError(
                    "store.failed", "a lab database could not be used: it is damaged (database disk image is malformed)"
                ))
    }

    @Test func otherFoundationErrorsAreInternalButNeverADump() {
        for error in [CocoaError(.propertyListReadCorrupt) as any Error, NSError(domain: "Elsewhere", code: 7)] {
            let translated = LabError.describing(error)
            #expect(translated.code == "internal")
            #expect(translated.message.hasPrefix("an unexpected error inside the lab (please report it): "))
            #expect(!translated.message.contains("Error Domain="), "\(translated.message)")
            #expect(!translated.message.contains("UserInfo"), "\(translated.message)")
            #expect(translated.cause != nil)
        }
    }

    @Test func reasonsReadInPlainWords() {
        #expect(LabError.reason(for: LabError("a.b", "what went wrong")) == "what went wrong")
        #expect(
            LabError.reason(for: DecodingError.keyNotFound(TestKey.kind, .init(codingPath: [], debugDescription: "")))
                == "missing key 'kind'")
        #expect(
            LabError.reason(
                for: DecodingError.typeMismatch(
                    Int.self, .init(codingPath: [TestKey.kind], debugDescription: "expected a number")))
                == "kind: expected a number")
        #expect(
            LabError.reason(for: CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: "/d/m.json"]))
                == "cannot write it: no space left on device")
    }

    @Test func theCauseIsNotPartOfEquality() {
        #expect(LabError("a.b", "c", cause: POSIXError(.EIO)) == LabError("a.b", "c"))
    }

    private enum TestKey: String, CodingKey { case kind }
}
