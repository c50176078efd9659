package import Foundation
import LabSupport

/// A content-addressed store of artifacts (models, stage outputs) under `.lab/artifacts/`.
///
/// Each artifact is kept under its own SHA-256, so identical outputs are stored once, a cached
/// output can be restored by hash, and a tampered file is caught by hashing it again on load.
/// Files are written to a temporary name and renamed into place, so a crash never leaves a
/// half-written artifact under a real hash.
package struct ArtifactStore: Sendable {
    package let directory: String
    /// Where the store may write: `directory`, or the workspace holding it.
    let files: ConfinedDirectory

    /// A store in `directory`, writing only through `files` (by default `directory` itself), so
    /// no symlink below the confining folder is followed.
    package init(directory: String, within files: ConfinedDirectory? = nil) {
        self.directory = directory
        self.files = files ?? ConfinedDirectory(root: directory)
    }

    /// Where the artifact with `hash` lives.
    package func path(for hash: String) -> String {
        "\(directory)/\(hash.prefix(2))/\(hash.dropFirst(2))"
    }

    /// Whether the store holds `hash`.
    package func contains(_ hash: String) -> Bool {
        FileManager.default.fileExists(atPath: path(for: hash))
    }

    /// Stores `data` and returns its hash.
    @discardableResult
    package func put(_ data: Data) throws -> String {
        let hash = ContentHash.hex(data)
        let target = path(for: hash)
        if FileManager.default.fileExists(atPath: target) { return hash }
        do {
            try files.write(data, to: target, permissions: 0o600)
        } catch let error as LabError where error.code == .workspaceSymlink || error.code == .workspaceNotAFolder {
            throw error
        } catch let error as LabError {
            throw LabError(.artifactWrite, "cannot write to the artifact store at \(directory) (\(error.message))")
        }
        return hash
    }

    /// Stores the file at `path` (inside the confining folder, read without following links)
    /// and returns its hash.
    @discardableResult
    package func put(fileAt path: String) throws -> String {
        guard let data = try files.contents(of: path) else {
            throw LabError(.artifactRead, "cannot read \(path) to store it", file: path)
        }
        return try put(data)
    }

    /// The bytes of artifact `hash`, verified against the hash; a changed file is refused.
    package func read(_ hash: String) throws -> Data {
        let file = path(for: hash)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw LabError(.artifactMissing, "artifact \(hash.prefix(12)) is missing from the store")
        }
        let actual = ContentHash.hex(data)
        guard actual == hash else {
            throw LabError(
                .artifactTampered,
                "artifact \(hash.prefix(12)) was modified after it was stored (its checksum is now \(actual.prefix(12))); refusing to use it",
                file: file, kind: .failed)
        }
        return data
    }

    /// Writes the verified artifact `hash` to `destination` (inside the confining folder),
    /// replacing what is there.
    package func restore(_ hash: String, to destination: String) throws {
        let data = try read(hash)
        do {
            try files.write(data, to: destination, permissions: 0o600)
        } catch let error as LabError where error.code == .workspaceSymlink || error.code == .workspaceNotAFolder {
            throw error
        } catch let error as LabError {
            throw LabError(.artifactWrite, "cannot write \(destination) (\(error.message))", file: destination)
        }
    }
}
