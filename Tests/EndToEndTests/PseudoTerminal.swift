import Foundation

/// The binary at a terminal: `script` gives it a pseudo-terminal, whose keys are typed as
/// bytes (Ctrl-C is "\u{03}", Ctrl-D "\u{04}", Enter "\r") and whose screen is read as it comes.
final class PseudoTerminal: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var buffer = ""

    /// Starts `cicdlab ARGUMENTS` at a terminal of `columns` columns, with `home` as its lab home.
    init(_ arguments: [String] = [], home: String, columns: Int = 100) throws {
        let command = (["exec", Binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "stty cols \(columns) rows 40; " + command, "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["CICDLAB_HOME"] = home
        env["TERM"] = "xterm"
        process.environment = env
        // Typing to a program that has ended must fail the test, not end the test process.
        signal(SIGPIPE, SIG_IGN)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.buffer += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// Everything shown on the terminal so far.
    var screen: String { lock.withLock { buffer } }

    /// Types `keys` as they are, all at once.
    func type(_ keys: String) {
        // A terminal whose program has ended takes no more keys; that is the test's to report.
        try? input.fileHandleForWriting.write(contentsOf: Data(keys.utf8))
    }

    /// Waits (up to `seconds`) until `predicate` holds for the screen so far.
    @discardableResult
    func wait(seconds: Double = 30, until predicate: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if predicate(screen) { return true }
            usleep(20_000)
        }
        return predicate(screen)
    }

    /// How often `text` is on the screen so far.
    func count(_ text: String) -> Int { screen.components(separatedBy: text).count - 1 }

    /// Waits (up to `seconds`) for the binary to end; its exit status, or nil if it still runs
    /// (then it is killed).
    func exitStatus(within seconds: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        output.fileHandleForReading.readabilityHandler = nil
    }
}
