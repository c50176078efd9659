import Foundation
import GRDB

/// Creates, resets and describes sandbox workspaces from the `Sandbox/` templates.
public struct SandboxManager: Sendable {
    /// The folder holding the templates (`Sandbox/` in the content).
    public let templates: String

    /// A `templates` folder that is itself a symlink is followed (symlinks inside it are not).
    public init(templates: String) {
        self.templates = URL(fileURLWithPath: templates).resolvingSymlinksInPath().path
    }

    /// Copies the templates to `root` and creates `.lab/`; does nothing if it exists already.
    /// Returns whether a new workspace was made.
    @discardableResult
    public func initialise(at root: String) throws -> Bool {
        let fm = FileManager.default
        if fm.fileExists(atPath: root + "/.lab") { return false }
        guard fm.fileExists(atPath: templates) else {
            throw LabError("sandbox.no_templates", "cannot find the sandbox templates at \(templates)")
        }
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for relative in try templateFiles() {
            let destination = root + "/" + relative
            try fm.createDirectory(atPath: (destination as NSString).deletingLastPathComponent,
                                   withIntermediateDirectories: true)
            if fm.fileExists(atPath: destination) { try fm.removeItem(atPath: destination) }
            try fm.copyItem(atPath: templates + "/" + relative, toPath: destination)
            // A copy keeps the template's mode (often 0644); a learner's workspace is private.
            try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: destination)
        }
        try fm.createDirectory(atPath: root + "/.lab/artifacts", withIntermediateDirectories: true)
        _ = try Workspace(root: root)
        return true
    }

    /// The template files, relative to the templates folder, in a stable order. Symlinks and
    /// anything that is not a regular file are skipped, so a template can never point outside.
    public func templateFiles() throws -> [String] {
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
    public func status(at root: String) throws -> SandboxStatus {
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
public struct SandboxStatus: Codable, Equatable, Sendable {
    public var path: String
    public var unchanged = 0
    public var modified: [String] = []
    public var missing: [String] = []
    public var modelVersions = 0

    enum CodingKeys: String, CodingKey {
        case path, unchanged, modified, missing
        case modelVersions = "model_versions"
    }
}
