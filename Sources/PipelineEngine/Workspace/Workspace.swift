import Foundation
import LabSupport

/// A learner's sandbox workspace: a copy of the `Sandbox/` templates plus `.lab/`, where the
/// engine keeps its state database and artifact store.
package final class Workspace: Sendable {
    /// The workspace folder.
    package let root: String
    /// Resolves and confines the paths that sandbox files name.
    package let paths: WorkspacePaths
    package let artifacts: ArtifactStore
    /// The engine's state: registry, audit log, runs, deployments, clock.
    package let state: StateStore
    /// The workspace's one clock: simulated time, kept in ``state``, that every timestamp the
    /// engine records is read from.
    package let clock: SimulatedClock
    /// Every write, delete and output read the lab makes inside the workspace goes through this,
    /// so a symlink planted or swapped in anywhere below the root is refused, never followed.
    package let files: ConfinedDirectory
    /// Content hashes of the workspace's files, reused while their `stat` is unchanged.
    package let fileHashes: FileHashCache

    /// The folders of `.lab/` the lab writes into; each must be a real folder (or missing).
    static let labFolders = [".lab", ".lab/artifacts", ".lab/results", ".lab/metrics", ".lab/runs"]
    /// The files of `.lab/` the lab opens by path (databases) or rewrites; none may be a link.
    static let labFiles = [
        ".lab/state.sqlite", ".lab/step-marks.json", ".lab/journal.jsonl", ".lab/workspace.lock", FileHashCache.file,
    ]

    package var labDirectory: String { root + "/.lab" }

    /// A workspace at `root`, which must already be initialised (see ``SandboxManager``).
    package init(root: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root + "/.lab", isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw LabError(.sandboxNotInitialised, "no sandbox workspace at \(root); run `sandbox init` first")
        }
        self.root = root
        paths = WorkspacePaths(root: root)
        files = ConfinedDirectory(root: root)
        try Self.checkLabFolder(files)
        fileHashes = FileHashCache(root: root, files: files)
        artifacts = ArtifactStore(directory: root + "/.lab/artifacts", within: files)
        state = try StateStore(path: root + "/.lab/state.sqlite")
        clock = SimulatedClock(state: state)
    }

    /// Refuses a `.lab/` whose folders or files are symlinks (or folders that are something
    /// else), naming the first: the lab's own state and results must never be sent outside.
    static func checkLabFolder(_ files: ConfinedDirectory) throws {
        for folder in labFolders {
            try files.checkFolder(folder)
        }
        for file in labFiles {
            var info = stat()
            if lstat(files.root + "/" + file, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                throw LabError(
                    .workspaceSymlink,
                    "is a symbolic link; the lab keeps its own state only in real files inside the workspace "
                        + "(remove the link, or run `sandbox reset`)",
                    file: file)
            }
        }
    }
}
