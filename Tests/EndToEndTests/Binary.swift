import Foundation

/// The built `cicdlab` binary and helpers that run it as a user would.
enum Binary {
    /// The path of the binary built next to the test bundle, or `$CICDLAB_BINARY`.
    static var path: String {
        if let override = ProcessInfo.processInfo.environment["CICDLAB_BINARY"] { return override }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("cicdlab").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return ".build/debug/cicdlab"
    }

    /// What one run printed, and how it ended.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary with `arguments`, feeding `stdin`, in a fresh environment whose
    /// `CICDLAB_HOME` is `home` when given.
    ///
    /// `executable` runs another program instead (one that
    /// runs the binary, such as `script` to give it a terminal).
    static func run(
        _ arguments: [String], stdin: String = "", home: String? = nil,
        environment: [String: String] = [:], directory: String? = nil,
        executable: String? = nil
    ) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "CICDLAB_HOME")
        if let home { env["CICDLAB_HOME"] = home }
        for (k, v) in environment { env[k] = v }
        let run = try Spawn.run(
            executable ?? path, arguments, environment: env, directory: directory, stdin: stdin)
        return Result(
            status: run.status,
            stdout: String(decoding: run.stdout, as: UTF8.self),
            stderr: String(decoding: run.stderr, as: UTF8.self))
    }

    /// A new, empty lab home that is removed when the test's scope ends.
    static func temporaryHome() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-home-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }
}

extension Binary {
    /// The repository's root: its own `Lessons/` and `Sandbox/`, the content a user gets.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The fixture content (a one-lesson course) used by end-to-end tests.
    static var fixtureContent: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/content").path
    }
}

/// The binary running in the background, fed line by line, its output read as it comes.
final class LiveProcess: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var buffer = ""

    init(_ arguments: [String], home: String) throws {
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["CICDLAB_HOME"] = home
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.buffer += String(decoding: data, as: UTF8.self)
            self.lock.unlock()
        }
        try process.run()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return buffer
    }

    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Waits (up to `seconds`) until `predicate` holds for the output so far.
    @discardableResult
    func wait(seconds: Double = 20, until predicate: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if predicate(text) { return true }
            usleep(10_000)
        }
        return predicate(text)
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
    }
}
