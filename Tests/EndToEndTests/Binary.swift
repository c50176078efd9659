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
    static func run(_ arguments: [String], stdin: String = "", home: String? = nil,
                    environment: [String: String] = [:], directory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "CICDLAB_HOME")
        if let home { env["CICDLAB_HOME"] = home }
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A new, empty lab home that is removed when the test's scope ends.
    static func temporaryHome() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-home-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }
}
