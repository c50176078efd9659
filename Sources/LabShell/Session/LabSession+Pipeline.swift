import Foundation
import LabSupport
import PipelineEngine

extension LabSession {
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
    /// workspace (a CI checkout after `mkdir .lab`), not only the profile's sandbox.
    func pipeline(_ file: String?) throws -> (Workspace, PipelineDefinition) {
        guard let file else {
            let workspace = try workspace()
            return (workspace, try PipelineLoader.load(in: workspace))
        }
        let path = try userPath(file)
        var folder = (path as NSString).deletingLastPathComponent
        while !FileManager.default.fileExists(atPath: folder + "/.lab") {
            guard folder != "/", !folder.isEmpty else {
                throw LabError(
                    .pipelineNoWorkspace,
                    "'\(file)' is not inside a sandbox workspace (no .lab folder above it); `sandbox path` shows yours")
            }
            folder = (folder as NSString).deletingLastPathComponent
        }
        let workspace = try Workspace(root: folder)
        return (workspace, try PipelineLoader.load(String(path.dropFirst(folder.count + 1)), in: workspace))
    }
}
