import Foundation
import GRDB
import LabSupport

/// Creates, resets and describes sandbox workspaces from the `Sandbox/` templates.
package struct SandboxManager: Sendable {
    /// The folder holding the templates (`Sandbox/` in the content).
    package let templates: String

    /// A `templates` folder that is itself a symlink is followed (symlinks inside it are not).
    package init(templates: String) {
        self.templates = URL(fileURLWithPath: templates).resolvingSymlinksInPath().path
    }

    /// Copies the templates to `root` and creates `.lab/`; does nothing if it exists already.
    ///
    /// Returns whether a new workspace was made.
    @discardableResult
    package func initialise(at root: String) throws -> Bool {
        let fm = FileManager.default
        if fm.fileExists(atPath: root + "/.lab") { return false }
        guard fm.fileExists(atPath: templates) else {
            throw LabError(.sandboxNoTemplates, "cannot find the sandbox templates at \(templates)")
        }
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // Written through descriptors: a folder left from an earlier workspace that is now a
        // symlink is refused, never copied through. A learner's workspace is private (0600).
        let files = ConfinedDirectory(root: root)
        for relative in try templateFiles() {
            guard let data = try RegularFile.contents(atPath: templates + "/" + relative, named: relative) else {
                continue
            }
            var info = stat()
            if lstat(root + "/" + relative, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
                // A stray symlink or folder where a template goes is replaced, not written through.
                try files.removeTree(relative)
            }
            try files.write(data, to: relative, permissions: 0o600)
        }
        try files.makeFolder(".lab/artifacts")
        _ = try Workspace(root: root)
        return true
    }

    /// The template files, relative to the templates folder, in a stable order.
    ///
    /// Symlinks and anything that is not a regular file are skipped, so a template can never
    /// point outside.
    package func templateFiles() throws -> [String] {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: templates) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let attributes = try fm.attributesOfItem(atPath: templates + "/" + relative)
            if attributes[.type] as? FileAttributeType == .typeRegular { files.append(relative) }
        }
        return files.sorted()
    }

    /// Which template files are unchanged, modified or missing in the workspace at `root`.
    package func status(at root: String) throws -> SandboxStatus {
        let workspace = try Workspace(root: root)
        var status = SandboxStatus(path: root)
        for relative in try templateFiles() {
            let mine = root + "/" + relative
            if !FileManager.default.fileExists(atPath: mine) {
                status.missing.append(relative)
            } else if try ContentHash.hex(fileAt: mine) != ContentHash.hex(fileAt: templates + "/" + relative) {
                status.modified.append(relative)
            } else {
                status.unchanged += 1
            }
        }
        status.modelVersions = try workspace.state.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM model_version") ?? 0
        }
        return status
    }
}

/// What `sandbox status` reports.
package struct SandboxStatus: Codable, Equatable, Sendable {
    package var path: String
    package var unchanged = 0
    package var modified: [String] = []
    package var missing: [String] = []
    package var modelVersions = 0

    enum CodingKeys: String, CodingKey {
        case path, unchanged, modified, missing
        case modelVersions = "model_versions"
    }
}
