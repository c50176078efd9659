import Course
import Foundation
import LabSupport
import PipelineEngine

extension LabSession {
    /// The folder of the sandbox workspace commands act on now (it may not exist yet): the
    /// sandbox of the lesson being read, when it has hands-on steps, else the profile's free
    /// sandbox.
    func workspacePath() throws -> String {
        if let workspaceOverride { return workspaceOverride }
        if let lesson = try sandboxLesson() { return try lessonWorkspacePath(lesson) }
        return try home.sandboxesDirectory + "/" + profile()
    }

    /// The folder of `lesson`'s sandbox for this profile.
    func lessonWorkspacePath(_ lesson: Lesson) throws -> String {
        try home.lessonSandboxesDirectory + "/" + profile() + "/" + lesson.id
    }

    /// The lesson whose sandbox commands act on: the one being read, if it has hands-on steps
    /// and the learner has not switched to the free sandbox.
    func sandboxLesson() throws -> Lesson? {
        guard content != nil, let position = try store().readingPosition(profile: profile()), !position.freeSandbox
        else { return nil }
        guard let lesson = try? catalog().lesson(position.lessonID),
            FileManager.default.fileExists(atPath: lesson.stepsFile)
        else { return nil }
        return lesson
    }

    /// The sandbox manager for the content's `Sandbox/` templates.
    func sandboxManager() throws -> SandboxManager {
        guard let content else {
            throw LabError(
                .contentMissing,
                "cannot find the sandbox templates (a Sandbox/ folder); pass --content DIR or set CICDLAB_CONTENT")
        }
        return SandboxManager(templates: content.sandboxTemplates)
    }

    /// The workspace commands act on, created on first use: from the templates, and for a
    /// lesson's sandbox, then the lesson's `start:` commands.
    func workspace() throws -> Workspace {
        let path = try workspacePath()
        try SandboxManager.removeLeftovers(besides: path)
        if !FileManager.default.fileExists(atPath: path + "/.lab") {
            try home.prepare()
            if workspaceOverride == nil, let lesson = try sandboxLesson() {
                try LessonSandbox(session: self, lesson: lesson).make(resetting: false)
            } else {
                try sandboxManager().initialise(at: path)
            }
        }
        return try Workspace(root: path)
    }

    /// Who is acting, for the audit log: the profile, and the system user when known.
    func actor() -> String {
        let profile = (try? profile()) ?? "?"
        if let user = environment["USER"], !user.isEmpty, user != profile { return "\(profile) (\(user))" }
        return profile
    }

    /// Resolves a path the user typed: in the REPL against the workspace, from the shell
    /// against the current directory, as with any command-line tool.
    func userPath(_ typed: String) throws -> String {
        let expanded = (typed as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        let base = inREPL ? try workspace().root : FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: base).appendingPathComponent(expanded).standardizedFileURL.path
    }
}
