import Foundation

/// Shows long output a screen at a time, as `git` and `man` do.
///
/// The pager is `$CICDLAB_PAGER`, else `$PAGER`, else `less` when it is on the path, with
/// `LESS=FRX` unless `LESS` is set (raw colours, no screen clearing, and quitting at once when
/// the text fits). An empty setting, `cat`, `--no-pager` or a standard output that is not a
/// terminal write the text directly, and so does output shorter than the terminal.
struct Pager {
    /// The shell command that pages (`less`, `more`, `less -S`).
    let command: String
    /// The environment the pager runs with.
    let environment: [String: String]

    /// The pager `environment` asks for, or nil when output is written directly.
    static func chosen(environment: [String: String]) -> Pager? {
        var environment = environment
        let setting = environment["CICDLAB_PAGER"] ?? environment["PAGER"]
        let command: String
        if let setting {
            command = setting.trimmingCharacters(in: .whitespaces)
            if command.isEmpty || command == "cat" { return nil }
        } else {
            let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            guard directories.contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/less") })
            else { return nil }
            command = "less"
        }
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        return Pager(command: command, environment: environment)
    }

    /// The number of rows of the terminal on standard output (`LINES` when set), else 24.
    static func terminalRows(environment: [String: String]) -> Int {
        if let lines = environment["LINES"].flatMap(Int.init), lines > 2 { return lines }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 2 { return Int(size.ws_row) }
        return 24
    }

    /// Runs the pager with `text` on its standard input and waits for it; false when it could
    /// not be started (the caller then writes the text itself).
    ///
    /// It runs in the lab's process group, the terminal's foreground one, so it can read the
    /// keyboard; while it runs the lab ignores Ctrl-C and Ctrl-\, which are the pager's to
    /// handle, and takes both back when it ends.
    func show(_ text: String) -> Bool {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let arguments = ["/bin/sh", "-c", command]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var ignore = sigaction()
        var oldInterrupt = sigaction()
        var oldQuit = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigaction(SIGINT, &ignore, &oldInterrupt)
        sigaction(SIGQUIT, &ignore, &oldQuit)
        let oldPipe = signal(SIGPIPE, SIG_IGN)
        defer {
            sigaction(SIGINT, &oldInterrupt, nil)
            sigaction(SIGQUIT, &oldQuit, nil)
            signal(SIGPIPE, oldPipe)
        }
        // The child starts with the default Ctrl-C, whatever the lab ignores meanwhile.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        close(fds[0])
        guard spawned == 0 else {
            close(fds[1])
            return false
        }
        // A pager quit early (`q` on the first screen) closes the pipe: the rest is dropped.
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBufferPointer { write(fds[1], $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            written += count
        }
        close(fds[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return true
    }
}
