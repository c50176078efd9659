import ArgumentParser
import Foundation
import PipelineEngine

/// `edit FILE`: opens a sandbox file in the learner's editor, for steps that ask for a change.
///
/// The editor is `$VISUAL`, else `$EDITOR`, else the first of `nano` and `vi` found on the
/// path. In the REPL the file is the workspace's; from the shell, relative to the current
/// folder, as every command that takes a path.
struct EditCommand: LabCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Open a sandbox file in your editor ($VISUAL or $EDITOR).")

    static var completion: CommandCompletion { CommandCompletion(values: .files) }

    @Argument(help: ArgumentHelp("The file to edit, e.g. gates.yaml.", valueName: "file"))
    var file: String

    func run(in session: LabSession) throws -> Int32 {
        let path = try session.userPath(file)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw LabError(
                "usage.no_terminal",
                "`edit` needs a terminal; open \(path) in your editor instead")
        }
        let editor = try editorCommand(session.environment)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor setting may carry arguments (`code -w`), so the shell splits it.
        process.arguments = ["-c", editor + " \"$1\"", "edit", path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LabError("edit.failed", "the editor `\(editor)` exited with status \(process.terminationStatus)")
        }
        return 0
    }

    private func editorCommand(_ environment: [String: String]) throws -> String {
        for key in ["VISUAL", "EDITOR"] {
            if let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["nano", "vi"] where directories.contains(where: {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }) {
            return name
        }
        throw LabError("edit.no_editor", "no editor found; set $EDITOR (e.g. `export EDITOR=nano`)")
    }
}
