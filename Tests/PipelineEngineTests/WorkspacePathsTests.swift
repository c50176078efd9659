import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

@Suite struct WorkspacePathsTests {
    @Test(arguments: [
        ("data/churn.csv", "data/churn.csv"),
        ("./data//churn.csv", "data/churn.csv"),
        ("models/../data/churn.csv", "data/churn.csv"),
        ("models/new/candidate.json", "models/new/candidate.json"),
    ])
    func pathsInsideResolveUnderTheRoot(named: String, expected: String) throws {
        let dir = try TemporaryDirectory("paths")
        defer { dir.remove() }
        try dir.write("data/churn.csv", "a\n1\n")
        let paths = WorkspacePaths(root: dir.path)
        #expect(try paths.resolve(named) == paths.root + "/" + expected)
    }

    @Test(arguments: [
        (
            "../outside.csv",
            "'../outside.csv' climbs out with '..'; paths in sandbox files must stay inside the workspace"
        ),
        ("data/../../x", "'data/../../x' climbs out with '..'; paths in sandbox files must stay inside the workspace"),
        ("/etc/passwd", "'/etc/passwd' is an absolute path; paths in sandbox files must stay inside the workspace"),
        ("~/secrets", "'~/secrets' points into a home folder; paths in sandbox files must stay inside the workspace"),
        (
            ".lab/state.sqlite",
            "'.lab/state.sqlite' is inside the lab's own .lab folder, which sandbox files may not name"
        ),
        (
            "models/../.lab/results/train.json",
            "'models/../.lab/results/train.json' is inside the lab's own .lab folder, which sandbox files may not name"
        ),
    ])
    func escapesAreRefusedWithWhereTheyWereWritten(named: String, message: String) throws {
        let dir = try TemporaryDirectory("paths")
        defer { dir.remove() }
        #expect(throws: LabError("workspace.escape", message, file: "pipeline.yaml", line: 7)) {
            try WorkspacePaths(root: dir.path).resolve(named, in: "pipeline.yaml", line: 7)
        }
    }

    @Test(arguments: [
        "  data/churn.csv\t", "\u{00A0}data/churn.csv\u{3000}", "data/churn.csv\n", " \t ", "", "a b",
        "\u{2003}x\u{200B}", "\u{1680}\u{202F}x\u{205F}", "\u{180E}x\u{FEFF}",
    ])
    func spacesAreTrimmedAsFoundationsWhitespacesAre(text: String) {
        #expect(WorkspacePaths.trimmingSpaces(text) == text.trimmingCharacters(in: .whitespaces))
    }

    @Test func aSymlinkThatPointsOutsideIsRefusedEvenForFilesBelowIt() throws {
        let dir = try TemporaryDirectory("paths")
        let outside = try TemporaryDirectory("outside")
        defer {
            dir.remove()
            outside.remove()
        }
        try outside.write("secret.csv", "x\n")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/data", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(
            atPath: dir.path + "/link.csv", withDestinationPath: outside.path + "/secret.csv")
        let paths = WorkspacePaths(root: dir.path)
        for named in ["data/secret.csv", "data/new-output.csv", "link.csv"] {
            #expect(
                throws: LabError(
                    "workspace.escape",
                    "'\(named)' goes through a symlink that points outside; paths in sandbox files must stay inside the workspace"
                )
            ) {
                try paths.resolve(named)
            }
        }
    }

    @Test func aSymlinkThatStaysInsideIsAllowed() throws {
        let dir = try TemporaryDirectory("paths")
        defer { dir.remove() }
        try dir.write("data/churn.csv", "a\n")
        try FileManager.default.createSymbolicLink(
            atPath: dir.path + "/latest.csv", withDestinationPath: dir.path + "/data/churn.csv")
        let paths = WorkspacePaths(root: dir.path)
        #expect(try paths.resolve("latest.csv") == paths.root + "/latest.csv")
    }
}

@Suite struct ArtifactStoreTests {
    @Test func storesByContentAndVerifiesOnRead() throws {
        let dir = try TemporaryDirectory("artifacts")
        defer { dir.remove() }
        let store = ArtifactStore(directory: dir.path)
        let hash = try store.put(Data("hello".utf8))
        // SHA-256("hello"), the well-known test vector.
        #expect(hash == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
        #expect(
            store.path(for: hash) == dir.path + "/2c/f24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
        #expect(try store.put(Data("hello".utf8)) == hash)
        #expect(try store.read(hash) == Data("hello".utf8))
    }

    @Test func aTamperedArtifactIsRefused() throws {
        let dir = try TemporaryDirectory("artifacts")
        defer { dir.remove() }
        let store = ArtifactStore(directory: dir.path)
        let hash = try store.put(Data("weights".utf8))
        try "evil".write(toFile: store.path(for: hash), atomically: true, encoding: .utf8)
        #expect(
            throws: LabError(
                "artifact.tampered",
                "artifact \(hash.prefix(12)) was modified after it was stored (its checksum is now \(ContentHash.hex("evil").prefix(12))); refusing to use it",
                file: store.path(for: hash), kind: .failed)
        ) {
            try store.read(hash)
        }
    }

    @Test func restoreWritesTheVerifiedBytes() throws {
        let dir = try TemporaryDirectory("artifacts")
        defer { dir.remove() }
        let store = ArtifactStore(directory: dir.path + "/store", within: ConfinedDirectory(root: dir.path))
        let hash = try store.put(Data("model".utf8))
        try store.restore(hash, to: dir.path + "/models/candidate.json")
        #expect(FileManager.default.contents(atPath: dir.path + "/models/candidate.json") == Data("model".utf8))
    }
}
