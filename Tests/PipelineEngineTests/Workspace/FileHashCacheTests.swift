import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// The stat cache reuses a file's hash while its size, mtime and inode hold, and never trusts an
/// entry whose mtime is not older than the cache's own write (the racy-git rule).
@Suite struct FileHashCacheTests {
    /// A workspace with `data.csv` whose mtime is set to `mtime` (seconds since 1970).
    private func workspace(_ text: String, mtime: Int) throws -> (TemporaryDirectory, Workspace) {
        let dir = try TemporaryDirectory("stat-cache")
        try FileManager.default.createDirectory(atPath: dir.path + "/.lab", withIntermediateDirectories: true)
        try dir.write("data.csv", text)
        try setMTime(dir.path + "/data.csv", seconds: mtime)
        return (dir, try Workspace(root: dir.path))
    }

    private func setMTime(_ path: String, seconds: Int, nanoseconds: Int = 0) throws {
        var times = [timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    private func mtime(_ path: String) -> timespec {
        var info = stat()
        stat(path, &info)
        return info.st_mtim
    }

    /// Rewrites the file in place (same inode, same size), then puts its mtime back.
    private func rewriteInPlace(_ path: String, _ text: String, mtime: timespec) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        try setMTime(path, seconds: mtime.tv_sec, nanoseconds: mtime.tv_nsec)
    }

    private func hash(_ root: String) throws -> String? {
        try Workspace(root: root).fileHashes.hash("data.csv", at: root + "/data.csv")?.sha256
    }

    @Test func anUnchangedStatReusesTheHashWithoutReadingTheFile() throws {
        let (dir, workspace) = try workspace("a,b\n1,2\n", mtime: 1_600_000_000)
        defer { dir.remove() }
        let first = try #require(try workspace.fileHashes.hash("data.csv", at: dir.path + "/data.csv"))
        #expect(first.sha256 == ContentHash.hex("a,b\n1,2\n"))
        workspace.fileHashes.save()
        #expect(FileManager.default.fileExists(atPath: dir.path + "/" + FileHashCache.file))
        // Same size, mtime and inode, and the mtime is long before the cache was written: the
        // cache is trusted, as git trusts its index (this is what saves reading big data files).
        try rewriteInPlace(dir.path + "/data.csv", "a,b\n3,4\n", mtime: mtime(dir.path + "/data.csv"))
        #expect(try hash(dir.path) == first.sha256)
    }

    @Test func aRacyEntryIsHashedAgain() throws {
        let (dir, workspace) = try workspace("a,b\n1,2\n", mtime: 1_600_000_000)
        defer { dir.remove() }
        _ = try workspace.fileHashes.hash("data.csv", at: dir.path + "/data.csv")
        workspace.fileHashes.save()
        // The cache written in the same clock tick as the file's mtime: a change with the same
        // size and mtime could have come after the hash, so the entry is not trusted.
        let fileTime = mtime(dir.path + "/data.csv")
        try setMTime(dir.path + "/" + FileHashCache.file, seconds: fileTime.tv_sec, nanoseconds: fileTime.tv_nsec)
        try rewriteInPlace(dir.path + "/data.csv", "a,b\n3,4\n", mtime: fileTime)
        #expect(try hash(dir.path) == ContentHash.hex("a,b\n3,4\n"))
        // The same within the second: a cache written earlier in the file's second than its mtime.
        try setMTime(dir.path + "/" + FileHashCache.file, seconds: fileTime.tv_sec, nanoseconds: 0)
        try setMTime(dir.path + "/data.csv", seconds: fileTime.tv_sec, nanoseconds: 500_000_000)
        let again = try Workspace(root: dir.path)
        _ = try again.fileHashes.hash("data.csv", at: dir.path + "/data.csv")
        try rewriteInPlace(dir.path + "/data.csv", "a,b\n5,6\n", mtime: mtime(dir.path + "/data.csv"))
        #expect(try hash(dir.path) == ContentHash.hex("a,b\n5,6\n"))
    }

    @Test func aFileChangedJustNowIsHashedButNotRemembered() throws {
        let (dir, workspace) = try workspace("a,b\n1,2\n", mtime: Int(Date().timeIntervalSince1970) + 3600)
        defer { dir.remove() }
        // An mtime not older than the moment hashing began: it may be changing as it is read.
        _ = try workspace.fileHashes.hash("data.csv", at: dir.path + "/data.csv")
        workspace.fileHashes.save()
        try rewriteInPlace(dir.path + "/data.csv", "a,b\n3,4\n", mtime: mtime(dir.path + "/data.csv"))
        #expect(try hash(dir.path) == ContentHash.hex("a,b\n3,4\n"))
    }

    @Test func aChangedSizeMTimeOrInodeIsHashedAgain() throws {
        let (dir, workspace) = try workspace("a,b\n1,2\n", mtime: 1_600_000_000)
        defer { dir.remove() }
        _ = try workspace.fileHashes.hash("data.csv", at: dir.path + "/data.csv")
        workspace.fileHashes.save()
        let path = dir.path + "/data.csv"
        // Same mtime, another size.
        try rewriteInPlace(path, "a,b\n1,2\n3,4\n", mtime: mtime(path))
        #expect(try hash(dir.path) == ContentHash.hex("a,b\n1,2\n3,4\n"))
        // Same size and mtime, another inode (replaced by a rename, as editors do).
        try dir.write("new.csv", "a,b\n5,6\n3,4\n")
        try setMTime(dir.path + "/new.csv", seconds: 1_600_000_000)
        #expect(rename(dir.path + "/new.csv", path) == 0)
        #expect(try hash(dir.path) == ContentHash.hex("a,b\n5,6\n3,4\n"))
    }

    @Test func aTouchedFileIsHashedAgainAndKeepsItsHash() throws {
        let (dir, workspace) = try workspace("a,b\n1,2\n", mtime: 1_600_000_000)
        defer { dir.remove() }
        let first = try workspace.fileHashes.hash("data.csv", at: dir.path + "/data.csv")?.sha256
        workspace.fileHashes.save()
        try setMTime(dir.path + "/data.csv", seconds: 1_700_000_000)
        let touched = try Workspace(root: dir.path)
        #expect(try touched.fileHashes.hash("data.csv", at: dir.path + "/data.csv")?.sha256 == first)
        touched.fileHashes.save()
        let saved = try #require(try? String(contentsOfFile: dir.path + "/" + FileHashCache.file, encoding: .utf8))
        #expect(saved.contains("\t1700000000000000000\t"))
    }

    @Test func aDamagedCacheFileIsIgnored() throws {
        let (dir, _) = try workspace("a,b\n1,2\n", mtime: 1_600_000_000)
        defer { dir.remove() }
        try dir.write(FileHashCache.file, "not a cache\n1\t2\t3\n")
        #expect(try hash(dir.path) == ContentHash.hex("a,b\n1,2\n"))
    }

    @Test func aTouchedDataFileDoesNotRerunItsStages() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run()
        _ = sandbox.log.take()
        try setMTime(sandbox.root + "/data/train.csv", seconds: Int(Date().timeIntervalSince1970) - 10)
        let report = try sandbox.run()
        #expect(sandbox.log.take() == [])
        #expect(report.stages.allSatisfy { $0.status == .cached })
    }

    @Test func sameSizeEditsRightAfterARunRerunTheStage() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        let path = sandbox.root + "/data/train.csv"
        let original = try #require(sandbox.read("data/train.csv"))
        for round in 1...3 {
            try sandbox.run()
            _ = sandbox.log.take()
            // Same size and inode, written at once: often in the same clock tick as the file's
            // last write and the cache's, which is the case the racy rule is for.
            let edited = original.replacingOccurrences(of: "1", with: String(round + 1))
            #expect(edited.utf8.count == original.utf8.count)
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.write(contentsOf: Data(edited.utf8))
            try handle.close()
            try sandbox.run()
            #expect(sandbox.log.take().first == "validate")
        }
    }
}
