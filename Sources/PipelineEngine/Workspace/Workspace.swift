import Foundation

/// A learner's sandbox workspace: a copy of the `Sandbox/` templates plus `.lab/`, where the
/// engine keeps its state database and artifact store.
public final class Workspace: Sendable {
    /// The workspace folder.
    public let root: String
    /// Resolves and confines the paths that sandbox files name.
    public let paths: WorkspacePaths
    public let artifacts: ArtifactStore
    /// The engine's state: registry, audit log, runs, deployments, clock.
    public let state: StateStore

    public var labDirectory: String { root + "/.lab" }
    public var stateDatabase: String { labDirectory + "/state.sqlite" }

    /// A workspace at `root`, which must already be initialised (see ``SandboxManager``).
    public init(root: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root + "/.lab", isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LabError("sandbox.not_initialised", "no sandbox workspace at \(root); run `sandbox init` first")
        }
        self.root = root
        paths = WorkspacePaths(root: root)
        artifacts = ArtifactStore(directory: root + "/.lab/artifacts")
        state = try StateStore(path: root + "/.lab/state.sqlite")
    }
}
