import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// Writes, output reads and deletes inside a workspace go through descriptors and never follow
/// a symbolic link: a link planted (or swapped in) where a folder or file should be is refused
/// or unlinked, and nothing outside the workspace is written, read or deleted.
@Suite struct ConfinedDirectoryTests {
    /// A workspace folder and, beside it, an outside folder holding one sentinel file.
    struct Folders {
        let base: TemporaryDirectory
        var root: String { base.path + "/workspace" }
        var outside: String { base.path + "/outside" }
        var files: ConfinedDirectory { ConfinedDirectory(root: root) }

        init() throws {
            base = try TemporaryDirectory("confined")
            try base.write("workspace/data/keep.csv", "a\n1\n")
            try base.write("outside/sentinel.txt", "kept\n")
        }

        func link(_ relative: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: root + "/" + relative, withDestinationPath: target)
        }

        /// The outside folder holds exactly its sentinel, unchanged.
        func outsideIsUntouched() throws {
            #expect(try FileManager.default.contentsOfDirectory(atPath: outside) == ["sentinel.txt"])
            #expect(try String(contentsOfFile: outside + "/sentinel.txt", encoding: .utf8) == "kept\n")
        }
    }

    @Test func aWriteMakesItsFoldersAndLeavesNoPartialFile() throws {
        let folders = try Folders()
        defer { folders.base.remove() }
        try folders.files.write(Data("{}".utf8), to: folders.root + "/models/deep/candidate.json")
        #expect(FileManager.default.contents(atPath: folders.root + "/models/deep/candidate.json") == Data("{}".utf8))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folders.root + "/models/deep") == ["candidate.json"])
        try folders.files.write(Data("[]".utf8), to: "models/deep/candidate.json")
        #expect(try folders.files.contents(of: "models/deep/candidate.json") == Data("[]".utf8))
    }

    @Test func aFolderSwappedForASymlinkIsRefusedNotFollowed() throws {
        let folders = try Folders()
        defer { folders.base.remove() }
        // What a swap between the path check and the write leaves: `models` now points outside.
        try folders.link("models", to: folders.outside)
        #expect(
            throws: LabError(
                "workspace.symlink",
                "is a symbolic link; the lab never writes, reads its outputs or deletes through a link inside the workspace "
                    + "(remove the link, or run `sandbox reset`)",
                file: "models")
        ) {
            try folders.files.write(Data("model".utf8), to: folders.root + "/models/candidate.json")
        }
        #expect(throws: LabError.self) { try folders.files.contents(of: "models/sentinel.txt") }
        try folders.outsideIsUntouched()
    }

    @Test func aSymlinkDeeperDownIsRefusedToo() throws {
        let folders = try Folders()
        defer { folders.base.remove() }
        try FileManager.default.createDirectory(atPath: folders.root + "/.lab", withIntermediateDirectories: true)
        try folders.link(".lab/results", to: folders.outside)
        #expect(throws: LabError.self) {
            try folders.files.write(Data("{}".utf8), to: ".lab/results/train.json")
        }
        do {
            try folders.files.write(Data("{}".utf8), to: ".lab/results/train.json")
        } catch let error as LabError {
            #expect(error.code == "workspace.symlink")
            #expect(error.file == ".lab/results")
        }
        try folders.outsideIsUntouched()
    }

    @Test func aFileThatIsASymlinkIsNotReplacedOrFollowed() throws {
        let folders = try Folders()
        defer { folders.base.remove() }
        try folders.link("data/out.csv", to: folders.outside + "/sentinel.txt")
        #expect(
            throws: LabError(
                "file.not_regular", "is a symbolic link; the lab writes only new files or regular ones",
                file: "data/out.csv")
        ) {
            try folders.files.write(Data("x".utf8), to: "data/out.csv")
        }
        #expect(throws: LabError.self) { try folders.files.contents(of: "data/out.csv") }
        try folders.outsideIsUntouched()
    }

    @Test(arguments: ["../outside/x", "/etc/cicdlab-nope", "data/../../outside/x", ""])
    func aPathOutsideTheRootIsRefused(path: String) throws {
        let folders = try Folders()
        defer { folders.base.remove() }
        #expect(throws: LabError.self) { try folders.files.write(Data("x".utf8), to: path) }
        try folders.outsideIsUntouched()
    }

    @Test func aTreeIsDeletedWithoutFollowingTheLinksInside() throws {
        let folders = try Folders()
        defer { folders.base.remove() }
        try folders.base.write("workspace/models/old/model.json", "{}")
        try folders.link("models/old/escape", to: folders.outside)
        try folders.link("models/sentinel", to: folders.outside + "/sentinel.txt")
        try folders.files.removeTree("models")
        #expect(!FileManager.default.fileExists(atPath: folders.root + "/models"))
        #expect(FileManager.default.fileExists(atPath: folders.root + "/data/keep.csv"))
        try folders.outsideIsUntouched()
    }

    @Test func aTreeThatIsItselfASymlinkLosesOnlyTheLink() throws {
        let folders = try Folders()
        defer { folders.base.remove() }
        try folders.link("models", to: folders.outside)
        try folders.files.removeTree("models")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: folders.root + "/models")) == nil)
        try folders.outsideIsUntouched()
    }

    @Test func anArtifactRestoredThroughASwappedFolderIsRefused() throws {
        let folders = try Folders()
        defer { folders.base.remove() }
        let store = ArtifactStore(directory: folders.root + "/.lab/artifacts", within: folders.files)
        let hash = try store.put(Data("model".utf8))
        try folders.link("models", to: folders.outside)
        #expect(throws: LabError.self) { try store.restore(hash, to: folders.root + "/models/candidate.json") }
        try folders.outsideIsUntouched()
    }

    @Test(arguments: [
        ".lab/results", ".lab/metrics", ".lab/artifacts", ".lab/runs", ".lab/state.sqlite", ".lab/workspace.lock",
    ])
    func aWorkspaceWithALinkInItsLabFolderIsRefusedOnOpening(entry: String) throws {
        let folders = try Folders()
        defer { folders.base.remove() }
        try FileManager.default.createDirectory(atPath: folders.root + "/.lab", withIntermediateDirectories: true)
        try folders.link(entry, to: folders.outside)
        do {
            _ = try Workspace(root: folders.root)
            Issue.record("a workspace with \(entry) linked outside was opened")
        } catch let error as LabError {
            #expect(error.code == "workspace.symlink")
            #expect(error.file == entry)
        }
        try folders.outsideIsUntouched()
    }

    /// The race of the issue: while a tree is deleted, another process keeps swapping a folder
    /// in it for a symlink to outside.
    ///
    /// Whatever moment the delete meets, it unlinks the link.
    @Test func aFolderSwappedForALinkDuringTheDeleteSendsNothingOutside() throws {
        let folders = try Folders()
        defer { folders.base.remove() }
        for _ in 0..<10 {
            for index in 0..<150 { try folders.base.write("workspace/tree/sub/f\(index).txt", "x") }
            for index in 0..<150 { try folders.base.write("workspace/tree/z\(index).txt", "x") }
            let stop = ManagedAtomicFlag()
            let sub = folders.root + "/tree/sub"
            let outside = folders.outside
            let swapper = Thread {
                while !stop.isSet {
                    if rename(sub, sub + "-moved") == 0 {
                        symlink(outside, sub)
                        unlink(sub)
                        rename(sub + "-moved", sub)
                    }
                }
            }
            swapper.start()
            try? folders.files.removeTree("tree")
            stop.set()
            while swapper.isExecuting { usleep(1000) }
            try? FileManager.default.removeItem(atPath: folders.root + "/tree")
            try folders.outsideIsUntouched()
        }
    }
}

/// A flag one thread sets and another reads.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
