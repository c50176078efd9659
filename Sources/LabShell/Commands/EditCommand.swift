import ArgumentParser
import Foundation
import LabSupport

/// `edit FILE`: opens a sandbox file in the learner's editor, for steps that ask for a change.
///
/// The editor is `$VISUAL`, else `$EDITOR`, else the first of `nano` and `vi` found on the
/// path. In the REPL the file is the workspace's; from the shell, relative to the current
/// folder, as every command that takes a path.
struct EditCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.sandboxAndEngine

    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Open a sandbox file in your editor ($VISUAL or $EDITOR).")

    static var completion: CommandCompletion { CommandCompletion(values: .files) }

    @Argument(help: ArgumentHelp("The file to edit, e.g. gates.yaml.", valueName: "file"))
    var file: String

    func run(in session: LabSession) throws -> Int32 {
        let path = try session.userPath(file)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw LabError(
                .usageNoTerminal,
                "`edit` needs a terminal; open \(path) in your editor instead")
        }
        let editor = try editorCommand(session.environment)
        // The editor setting may carry arguments (`code -w`), so a shell splits it. The editor
        // must run in the lab's own process group, the terminal's foreground one, or it cannot
        // read the keyboard (Foundation's Process would start it in a group of its own).
        let status = try spawnInForeground(["/bin/sh", "-c", editor + " \"$1\"", "edit", path])
        guard status == 0 else {
            throw LabError(.editFailed, "the editor `\(editor)` exited with status \(status)")
        }
        return 0
    }

    /// Runs `arguments` in this process's group with the lab's terminal, and waits for it.
    private func spawnInForeground(_ arguments: [String]) throws -> Int32 {
        var pid = pid_t()
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // The lab ignores SIGINT (Ctrl-C is a request it checks); the editor gets the default.
        #if canImport(Darwin)
        var attributes: posix_spawnattr_t? = nil
        #else
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let spawned = posix_spawn(&pid, arguments[0], nil, &attributes, argv, environ)
        guard spawned == 0 else {
            throw LabError(.editFailed, "cannot start the editor: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // Exited normally: the exit code; killed by a signal: 128 + the signal, as shells say.
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    private func editorCommand(_ environment: [String: String]) throws -> String {
        for key in ["VISUAL", "EDITOR"] {
            if let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["nano", "vi"]
        where directories.contains(where: {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }) {
            return name
        }
        throw LabError(.editNoEditor, "no editor found; set $EDITOR (e.g. `export EDITOR=nano`)")
    }
}
