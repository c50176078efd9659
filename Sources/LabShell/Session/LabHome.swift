import Foundation
import LabSupport

/// Where the lab keeps a learner's state: progress, history and sandbox workspaces.
///
/// Resolved from `--home DIR`, else `$CICDLAB_HOME`, else `$XDG_DATA_HOME/cicdlab`, else
/// `~/.local/share/cicdlab`, and created private to its owner (0700). A relative
/// `XDG_DATA_HOME` is ignored, as the XDG Base Directory specification requires.
struct LabHome: Sendable {
    let path: String
    /// What chose the home (`--home`, `CICDLAB_HOME`, `XDG_DATA_HOME`), for messages; nil for
    /// the default.
    let chosenBy: String?

    init(path: String, chosenBy: String? = nil) {
        self.path = path
        self.chosenBy = chosenBy
    }

    /// The home named by the flag, the environment, XDG, or the default, in that order.
    static func resolve(flag: String?, environment: [String: String]) -> LabHome {
        if let flag, !flag.isEmpty { return LabHome(path: absolute(flag), chosenBy: "--home") }
        if let env = environment["CICDLAB_HOME"], !env.isEmpty {
            return LabHome(path: absolute(env), chosenBy: "CICDLAB_HOME")
        }
        // "If an implementation encounters a relative path in any of these variables it should
        // consider the path invalid and ignore it." (XDG Base Directory Specification)
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return LabHome(path: absolute(xdg) + "/cicdlab", chosenBy: "XDG_DATA_HOME")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return LabHome(path: home + "/.local/share/cicdlab")
    }

    var progressDatabase: String { path + "/progress.sqlite" }
    var historyFile: String { path + "/history" }
    /// The free sandboxes, one per profile, for experiments outside any lesson.
    var sandboxesDirectory: String { path + "/sandboxes" }
    /// The lessons' sandboxes: one per profile and lesson (`lesson-sandboxes/ada/model-tests`).
    var lessonSandboxesDirectory: String { path + "/lesson-sandboxes" }

    /// Creates the home (and its parents) if missing, and makes it private (0700).
    func prepare() throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw LabError(
                    .homeNotADirectory,
                    "the lab home \(path) is a file, not a folder; choose another with --home DIR")
            }
        } else {
            do {
                try fm.createDirectory(
                    atPath: path, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw LabError(.homeCannotCreate, "cannot create the lab home \(path): \(reason(for: error))")
            }
        }
        _ = try? fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
    }

    /// Why the home could not be made, in plain words, naming the file in the way if there is one
    /// (`XDG_DATA_HOME` pointing at a file).
    private func reason(for error: any Error) -> String {
        var ancestor = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory), ancestor != "/" {
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        if !isDirectory.boolValue {
            let remedy = chosenBy.map { "; point \($0) at a folder" } ?? ""
            return "\(ancestor) is a file, not a folder\(remedy), or choose a home with --home DIR"
        }
        return FileSystemFailure.reason(for: error, .write)
    }

    private static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL.path }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent(expanded).standardizedFileURL.path
    }
}
