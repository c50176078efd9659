import Foundation
import LabSupport

/// The folder the process was started in, made usable again when it was deleted under it.
///
/// `sandbox reset` deletes the sandbox and makes it afresh at the same path, so a shell that
/// was inside it is left in a folder that no longer exists: every relative path would resolve
/// against nothing. As a shell's `cd .` would, the process moves to the folder `$PWD` names
/// when it exists again; when it does not, it stops with an error before any command runs.
enum WorkingDirectory {
    /// Moves into `$PWD` when the current folder was deleted; throws when that is impossible.
    static func recover(environment: [String: String]) throws {
        guard FileManager.default.currentDirectoryPath.isEmpty else { return }
        if let folder = environment["PWD"], folder.hasPrefix("/"),
            FileManager.default.changeCurrentDirectoryPath(folder),
            !FileManager.default.currentDirectoryPath.isEmpty
        {
            return
        }
        let named = environment["PWD"].map { " (\($0))" } ?? ""
        throw LabError(
            .shellNoWorkingDirectory,
            "the folder this command was started in\(named) no longer exists; `cd` into a folder that does (`cicdlab sandbox path` prints your sandbox's)"
        )
    }
}
