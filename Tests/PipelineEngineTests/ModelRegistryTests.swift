import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

@Suite struct ModelRegistryTests {
    /// A fresh workspace made from a one-file template folder.
    func makeWorkspace(_ dir: TemporaryDirectory) throws -> Workspace {
        try dir.write("templates/params.yaml", "train:\n  C: 1.0\n")
        try SandboxManager(templates: dir.path + "/templates").initialise(at: dir.path + "/ws")
        return try Workspace(root: dir.path + "/ws")
    }

    func registration(_ accuracy: Double) -> ModelRegistration {
        ModelRegistration(
            kind: .logistic, target: "churned", features: ["tenure", "plan"],
            lineage: Lineage(dataHash: "d1", paramsHash: "p1", pipelineHash: "q1", runID: 4),
            metrics: ["accuracy": accuracy], source: "pipeline run #4")
    }

    @Test func versionsAreNumberedAndKeepTheirLineage() throws {
        let dir = try TemporaryDirectory("registry")
        defer { dir.remove() }
        let registry = ModelRegistry(workspace: try makeWorkspace(dir))
        let first = try registry.register(modelData: Data("m1".utf8), registration(0.81), actor: "ada")
        let second = try registry.register(modelData: Data("m2".utf8), registration(0.84), actor: "ada")
        #expect(first.version == 1 && second.version == 2)
        #expect(second.lineage == Lineage(dataHash: "d1", paramsHash: "p1", pipelineHash: "q1", runID: 4))
        #expect(second.metrics == ["accuracy": 0.84])
        #expect(try registry.list().map(\.version) == [1, 2])
        #expect(try registry.modelData("v2") == Data("m2".utf8))
    }

    @Test func aliasesMoveAndAreAudited() throws {
        let dir = try TemporaryDirectory("registry")
        defer { dir.remove() }
        let workspace = try makeWorkspace(dir)
        let registry = ModelRegistry(workspace: workspace)
        try registry.register(modelData: Data("m1".utf8), registration(0.81), actor: "ada")
        try registry.register(modelData: Data("m2".utf8), registration(0.84), actor: "ada")
        try registry.setAlias("champion", to: "1", actor: "ada")
        try registry.setAlias("champion", to: "v2", actor: "ada", reason: "canary passed")
        try registry.setAlias("challenger", to: "champion", actor: "ada")
        #expect(try registry.version("champion").version == 2)
        #expect(try registry.version("v2").aliases == ["challenger", "champion"])
        #expect(try registry.aliased("staging") == nil)
        let log = try workspace.state.auditLog()
        #expect(log.map(\.action) == ["register", "register", "alias", "alias", "alias"])
        #expect(log[3].detail == "v1 → v2: canary passed")
        #expect(log[3].actor == "ada")
    }

    @Test func unknownVersionsAndBadAliasesAreExplained() throws {
        let dir = try TemporaryDirectory("registry")
        defer { dir.remove() }
        let registry = ModelRegistry(workspace: try makeWorkspace(dir))
        #expect(
            throws: LabError("registry.unknown_version", "no model version 'champion' in the registry (it is empty)")
        ) {
            try registry.version("champion")
        }
        try registry.register(modelData: Data("m1".utf8), registration(0.8), actor: "ada")
        try registry.setAlias("champion", to: "v1", actor: "ada")
        #expect(
            throws: LabError(
                "registry.unknown_version", "no model version 'champoin' in the registry. Did you mean 'champion'?")
        ) {
            try registry.version("champoin")
        }
        #expect(
            throws: LabError(
                "registry.unknown_version",
                "no model version 'v9' in the registry (versions v1 to v1; aliases: champion)")
        ) {
            try registry.setAlias("challenger", to: "v9", actor: "ada")
        }
        #expect(
            throws: LabError(
                "registry.bad_alias",
                "'v3' cannot be an alias: use 1 to 32 letters, digits, '-' or '_', not a version number")
        ) {
            try registry.setAlias("v3", to: "v1", actor: "ada")
        }
    }

    @Test func aTamperedModelFileIsRefusedOnLoad() throws {
        let dir = try TemporaryDirectory("registry")
        defer { dir.remove() }
        let workspace = try makeWorkspace(dir)
        let registry = ModelRegistry(workspace: workspace)
        let entry = try registry.register(modelData: Data("weights".utf8), registration(0.8), actor: "ada")
        try "tampered".write(
            toFile: workspace.artifacts.path(for: entry.artifactHash), atomically: true, encoding: .utf8)
        #expect(
            throws: LabError(
                "registry.tampered",
                "the model file of v1 was modified after it was registered (checksum mismatch); refusing to load it",
                file: workspace.artifacts.path(for: entry.artifactHash), kind: .failed)
        ) {
            try registry.modelData("v1")
        }
    }
}

@Suite struct SandboxManagerTests {
    @Test func initCopiesTemplatesAndResetRestoresThemAndClearsState() throws {
        let dir = try TemporaryDirectory("sandbox")
        defer { dir.remove() }
        try dir.write("templates/params.yaml", "train:\n  C: 1.0\n")
        try dir.write("templates/data/churn.csv", "tenure,churned\n3,1\n")
        let manager = SandboxManager(templates: dir.path + "/templates")
        let root = dir.path + "/ws"
        #expect(try manager.initialise(at: root))
        #expect(try !manager.initialise(at: root))
        try "train:\n  C: 0.5\n".write(toFile: root + "/params.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: root + "/data/churn.csv")
        try ModelRegistry(workspace: Workspace(root: root)).register(
            modelData: Data("m".utf8),
            ModelRegistration(
                kind: .knn, target: "churned", features: ["tenure"],
                lineage: Lineage(dataHash: "d", paramsHash: "p"), metrics: [:], source: "test"),
            actor: "ada")
        let before = try manager.status(at: root)
        #expect(before.modified == ["params.yaml"])
        #expect(before.missing == ["data/churn.csv"])
        #expect(before.modelVersions == 1)
        try manager.reset(at: root)
        let after = try manager.status(at: root)
        #expect(after == SandboxStatus(path: root, unchanged: 2, modified: [], missing: [], modelVersions: 0))
    }

    @Test func resetRefusesAFolderThatIsNotAWorkspace() throws {
        let dir = try TemporaryDirectory("sandbox")
        defer { dir.remove() }
        try dir.write("precious/notes.txt", "keep me")
        #expect(
            throws: LabError(
                "sandbox.not_a_workspace",
                "\(dir.path)/precious is not a sandbox workspace (no .lab folder); refusing to clear it")
        ) {
            try SandboxManager(templates: dir.path + "/templates").reset(at: dir.path + "/precious")
        }
        #expect(FileManager.default.fileExists(atPath: dir.path + "/precious/notes.txt"))
    }
}
