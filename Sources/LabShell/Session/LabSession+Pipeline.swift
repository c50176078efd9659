import Foundation
import LabSupport
import PipelineEngine

extension LabSession {
    /// Whether `workspace` is a lesson's sandbox (or the copy `lint --play` works on), where
    /// every pipeline run is recorded because step checks look at the runs since a step began.
    func isLessonSandbox(_ workspace: Workspace) -> Bool {
        workspaceOverride != nil
            || workspace.root.hasPrefix(WorkspacePaths(root: home.lessonSandboxesDirectory).root + "/")
    }

    /// Who runs a pipeline in `workspace`: the profile whose sandbox it is, or, in a workspace
    /// outside the lab home (a CI checkout, a DVC project), the system user.
    ///
    /// The profile is read from the sandbox's folder name, so a run in another workspace never
    /// opens (or creates) the learner's progress database.
    func actor(in workspace: Workspace) -> String {
        let user = environment["USER"].flatMap { $0.isEmpty ? nil : $0 }
        let folders = [home.sandboxesDirectory, home.lessonSandboxesDirectory].map {
            WorkspacePaths(root: $0).root + "/"
        }
        guard let folder = folders.first(where: { workspace.root.hasPrefix($0) }),
            let profile = workspace.root.dropFirst(folder.count).split(separator: "/").first.map(String.init)
        else {
            return user ?? "cicdlab"
        }
        return user.map { $0 == profile ? profile : "\(profile) (\($0))" } ?? profile
    }

    /// The workspace and loaded pipeline for a pipeline file the user named, or the default one.
    ///
    /// A named file belongs to the workspace it sits in: the nearest folder above it holding
    /// `.lab`, as git finds `.git`. So `cicdlab pipeline run pipeline.yaml` works in any
    /// workspace, not only the profile's sandbox. With no `.lab` above the file (a fresh clone of
    /// an exported project, a CI checkout), a command that `writes` (`pipeline run`) makes the
    /// folder holding the file the workspace: it creates `.lab` there, and nowhere else, and says
    /// so once on stderr. A command that only reads is refused there: it would have nothing to
    /// show and must not create anything.
    func pipeline(_ file: String?, writes: Bool = false) throws -> (Workspace, PipelineDefinition) {
        guard let file else {
            let workspace = try workspace()
            return (workspace, try PipelineLoader.load(in: workspace))
        }
        let path = try userPath(file)
        let folder: String
        if let found = Self.labFolder(above: path) {
            folder = found
        } else {
            folder = (path as NSString).deletingLastPathComponent
            let lab = folder + "/.lab"
            // Nothing is created for a file that is not there.
            guard FileManager.default.fileExists(atPath: path) else {
                throw LabError(.pipelineMissing, "there is no pipeline file '\(file)' in \(folder)")
            }
            guard writes else {
                throw LabError(
                    .pipelineNoWorkspace,
                    "'\(file)' has no .lab folder above it, so no pipeline has run here yet; "
                        + "`cicdlab pipeline run` keeps its state in \(lab) (`sandbox path` shows your sandbox)")
            }
            try FileSystemFailure.performing(.write, path: lab) {
                try FileManager.default.createDirectory(atPath: lab, withIntermediateDirectories: false)
            }
            console.error("note: no .lab folder above \(file); keeping this folder's pipeline state in \(lab)")
        }
        let workspace = try Workspace(root: folder)
        return (workspace, try PipelineLoader.load(String(path.dropFirst(folder.count + 1)), in: workspace))
    }

    /// The pipeline a user named (or the default one), loaded without creating anything: in a
    /// folder with no `.lab` above the file, that folder is read as the workspace.
    func pipelineDefinition(_ file: String?) throws -> PipelineDefinition {
        guard let file else { return try PipelineLoader.load(in: try workspace()) }
        let path = try userPath(file)
        let folder = Self.labFolder(above: path) ?? (path as NSString).deletingLastPathComponent
        return try PipelineLoader.load(String(path.dropFirst(folder.count + 1)), paths: WorkspacePaths(root: folder))
    }

    /// The nearest folder above `path` that holds `.lab`, or nil.
    static func labFolder(above path: String) -> String? {
        var folder = (path as NSString).deletingLastPathComponent
        while !FileManager.default.fileExists(atPath: folder + "/.lab") {
            guard folder != "/", !folder.isEmpty else { return nil }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return folder
    }
}
