import Foundation
import GRDB
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// File-system and SQLite failures read in plain words, never as framework text.
@Suite struct FileSystemFailureTests {
    /// Foundation's error for a write into a missing folder, as `Data.write` throws it.
    @Test func aWriteIntoAMissingFolderSaysNoSuchFolder() throws {
        var thrown: (any Error)?
        do {
            try Data("x".utf8).write(to: URL(fileURLWithPath: "/proc/nope/m.json"), options: .atomic)
        } catch {
            thrown = error
        }
        let error = try #require(thrown)
        let mapped = FileSystemFailure.labError(error, .write, path: "/proc/nope/m.json")
        #expect(mapped == LabError("file.write_failed", "cannot write it: no such folder", file: "/proc/nope/m.json"))
        #expect(FileSystemFailure.labError(from: error)?.code == "file.write_failed")
        #expect(LabError.describing(error).code == "file.write_failed")
        #expect(!LabError.describing(error).message.contains("Domain"))
    }

    @Test(arguments: [
        (ENOENT, "no such folder"), (EACCES, "permission denied"), (EPERM, "permission denied"),
        (EROFS, "read-only file system"), (ENOSPC, "no space left on device"), (EDQUOT, "no space left on device"),
        (EISDIR, "is a folder"), (ENOTDIR, "a part of the path is a file, not a folder"),
        (ENAMETOOLONG, "the name is too long"),
    ])
    func errorNumbersReadInPlainWords(number: Int32, words: String) {
        #expect(FileSystemFailure.reason(errno: number, .write) == words)
        let cocoa = CocoaError(
            .fileWriteUnknown, userInfo: [NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: number)!)])
        #expect(FileSystemFailure.reason(for: cocoa, .write) == words)
        #expect(FileSystemFailure.reason(for: POSIXError(POSIXErrorCode(rawValue: number)!), .write) == words)
    }

    @Test func cocoaCodesWithoutAnErrorNumberAreMappedToo() {
        #expect(FileSystemFailure.reason(for: CocoaError(.fileWriteOutOfSpace), .write) == "no space left on device")
        #expect(FileSystemFailure.reason(for: CocoaError(.fileWriteVolumeReadOnly), .write) == "read-only file system")
        #expect(FileSystemFailure.reason(for: CocoaError(.fileReadNoSuchFile), .read) == "no such file")
        #expect(
            FileSystemFailure.labError(from: CocoaError(.fileReadInapplicableStringEncoding)) == nil,
            "text in another encoding is not a file-system failure")
    }

    @Test func otherErrorsAreNotFileSystemFailures() {
        #expect(
            FileSystemFailure.labError(from: DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "x")))
                == nil)
        #expect(LabError.describing(LabError("a.b", "c")) == LabError("a.b", "c"))
    }
}

@Suite struct SQLiteFailureTests {
    @Test func sqliteResultCodesReadInPlainWords() {
        #expect(
            SQLiteFailure.reason(.SQLITE_FULL, path: nil, fallback: "database or disk is full")
                == "the disk is full; free some space and try again")
        #expect(
            SQLiteFailure.reason(ResultCode(rawValue: 13 | (1 << 8)), path: nil, fallback: "x")
                == "the disk is full; free some space and try again", "an extended code reads as its primary one")
        #expect(
            SQLiteFailure.reason(.SQLITE_READONLY, path: nil, fallback: "attempt to write a readonly database")
                == "the database is read-only; the lab needs to write to it")
        #expect(
            SQLiteFailure.reason(
                .SQLITE_CANTOPEN, path: "/nowhere/at/all/progress.sqlite", fallback: "unable to open database file")
                == "the file cannot be opened (its folder is missing, or it is not a file)")
        #expect(
            SQLiteFailure.reason(.SQLITE_IOERR, path: nil, fallback: "disk I/O error")
                == "the disk reported an input/output error; the disk may be failing or full")
        #expect(
            SQLiteFailure.reason(.SQLITE_BUSY, path: nil, fallback: "database is locked")
                == "another cicdlab is using it; try again when it has finished")
    }

    @Test func aDatabaseErrorThatReachesTheTopIsNotInternal() {
        let error = DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full")
        #expect(
            LabError.describing(error)
                == LabError(
                    "store.failed", "a lab database could not be used: the disk is full; free some space and try again")
        )
    }
}

@Suite struct SetAsideTests {
    /// Two repairs within one second (`doctor --repair` twice) keep both damaged files.
    @Test func twoRepairsInTheSameSecondGetDistinctNames() throws {
        let folder = try TemporaryDirectory("aside")
        defer { folder.remove() }
        let database = folder.path + "/progress.sqlite"
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try Data("first".utf8).write(to: URL(fileURLWithPath: database))
        let first = try SQLiteFile.setAside(path: database, now: now)
        try Data("second".utf8).write(to: URL(fileURLWithPath: database))
        try Data("wal".utf8).write(to: URL(fileURLWithPath: database + "-wal"))
        let second = try SQLiteFile.setAside(path: database, now: now)
        try Data("third".utf8).write(to: URL(fileURLWithPath: database))
        let third = try SQLiteFile.setAside(path: database, now: now)
        #expect(first.hasPrefix(database + ".damaged-2027"), "the date and time, in the local time zone")
        #expect(second == first + "-2")
        #expect(third == first + "-3")
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "first")
        #expect(try String(contentsOfFile: second, encoding: .utf8) == "second")
        #expect(try String(contentsOfFile: second + "-wal", encoding: .utf8) == "wal")
        #expect(try String(contentsOfFile: third, encoding: .utf8) == "third")
        #expect(!FileManager.default.fileExists(atPath: database))
    }
}
