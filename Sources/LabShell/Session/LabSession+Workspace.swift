import Course
import Foundation
import PipelineEngine

extension LabSession {
    /// The folder of this profile's sandbox workspace (it may not exist yet).
    public func workspacePath() throws -> String {
        try home.sandboxesDirectory + "/" + profile()
    }

    /// The sandbox manager for the content's `Sandbox/` templates.
    func sandboxManager() throws -> SandboxManager {
        guard let content else {
            throw LabError("content.missing",
                           "cannot find the sandbox templates (a Sandbox/ folder); pass --content DIR or set CICDLAB_CONTENT")
        }
        return SandboxManager(templates: content.sandboxTemplates)
    }

    /// This profile's workspace, created from the templates on first use.
    public func workspace() throws -> Workspace {
        let path = try workspacePath()
        if !FileManager.default.fileExists(atPath: path + "/.lab") {
            try home.prepare()
            try sandboxManager().initialise(at: path)
        }
        return try Workspace(root: path)
    }

    /// Who is acting, for the audit log: the profile, and the system user when known.
    public func actor() -> String {
        let profile = (try? profile()) ?? "?"
        if let user = environment["USER"], !user.isEmpty, user != profile { return "\(profile) (\(user))" }
        return profile
    }

    /// Resolves a path the user typed: in the REPL against the workspace, from the shell
    /// against the current directory, as with any command-line tool.
    public func userPath(_ typed: String) throws -> String {
        let expanded = (typed as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        let base = inREPL ? try workspace().root : FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: base).appendingPathComponent(expanded).standardizedFileURL.path
    }
}

extension LabSession {
    /// The lessons of the course content.
    public func catalog() throws -> LessonCatalog {
        guard let content else {
            throw LabError("content.missing",
                           "cannot find the course content (a Lessons/ folder); pass --content DIR or set CICDLAB_CONTENT")
        }
        return try LessonCatalog.load(from: content.lessonsDirectory)
    }
}
