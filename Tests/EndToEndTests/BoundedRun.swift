import Foundation

/// One run of the binary that cannot hang the test: stdin is fed and output drained on their
/// own threads (so a megabyte each way cannot deadlock), and a run still going after
/// `timeout` seconds is killed and reported as hung.
struct BoundedRun {
    var status: Int32
    /// Whether a signal ended the process (a trap, a crash), rather than an exit.
    var signalled: Bool
    var hung: Bool
    var stdout: String
    var stderr: String

    init(
        _ arguments: [String], stdin: Data = Data(), home: String, directory: String? = nil,
        timeout: Double = 120
    ) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["CICDLAB_HOME"] = home
        // Wide enough that no message is fitted to a width: tests compare whole lines.
        env["COLUMNS"] = "1000"
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()

        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isOut) in [(output, true), (errors, false)] {
            group.enter()
            Thread.detachNewThread {
                let data = pipe.fileHandleForReading.readAllRetryingInterrupts()
                collected.store(data, isOut: isOut)
                group.leave()
            }
        }
        Thread.detachNewThread {
            // A process that exits without reading all of stdin closes the pipe: ignore EPIPE.
            signal(SIGPIPE, SIG_IGN)
            try? input.fileHandleForWriting.write(contentsOf: stdin)
            try? input.fileHandleForWriting.close()
        }
        hung = finished.wait(timeout: .now() + timeout) == .timedOut
        if hung {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        group.wait()
        status = process.terminationStatus
        signalled = process.terminationReason == .uncaughtSignal
        stdout = String(decoding: collected.out, as: UTF8.self)
        stderr = String(decoding: collected.err, as: UTF8.self)
    }

    /// What a run that ended well looks like: an exit with 0, 1 or 2 (never a signal or a
    /// hang), no runtime failure report, no raw control characters for the terminal to obey,
    /// a short error output, and for exit 2 an `error:` line saying what was wrong.
    ///
    /// Returns what is wrong, or nil.
    var problem: String? {
        if hung { return "hung (killed after the timeout)" }
        if signalled { return "killed by signal \(status): \(stderr.prefix(2000))" }
        guard [0, 1, 2].contains(status) else { return "exit \(status): \(stderr.prefix(2000))" }
        for crash in ["Fatal error", "Stack dump", "Swift runtime failure", "Assertion failed", "Segmentation fault"]
        where stderr.contains(crash) {
            return "a runtime failure: \(stderr.prefix(2000))"
        }
        if stderr.utf8.count > 20_000 { return "\(stderr.utf8.count) bytes on stderr: \(stderr.prefix(300))…" }
        for (name, text) in [("stdout", stdout), ("stderr", stderr)] {
            if let bad = text.unicodeScalars.first(where: Self.isRawControl) {
                return "a raw control character U+\(String(bad.value, radix: 16)) on \(name)"
            }
        }
        if status == 2 {
            let first =
                stderr.split(separator: "\n").first.map(String.init) ?? stdout.split(separator: "\n").first.map(
                    String.init) ?? ""
            if !(first.hasPrefix("error: ") || first.hasPrefix("Error: ")) {
                return "exit 2 without an error message: stderr \(stderr.prefix(300)) stdout \(stdout.prefix(300))"
            }
        }
        return nil
    }

    private static func isRawControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }

    /// Output gathered by the reader threads.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var out = Data()
        private(set) var err = Data()

        func store(_ data: Data, isOut: Bool) {
            lock.lock()
            if isOut { out = data } else { err = data }
            lock.unlock()
        }
    }
}
