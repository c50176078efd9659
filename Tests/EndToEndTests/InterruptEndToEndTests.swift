import Foundation
import Testing

/// Ctrl-C stops what is under way, never the lab: a line being typed is discarded, a command
/// running stops with "Interrupted." and no file half written; only Ctrl-D, `quit` or `exit`
/// leave the REPL.
///
/// A one-shot command stopped by Ctrl-C exits 130.
@Suite(.serialized) struct InterruptEndToEndTests {
    /// Rows enough that generating them takes seconds, so that Ctrl-C arrives in the middle.
    static let manyRows = "2000000"

    /// The files in `folder` (hidden ones too: a `.NAME.partial-...` leftover would show).
    static func files(in folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }

    static func temporaryFolder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-out-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    @Test func ctrlCDiscardsTheLineAndStopsACommandButTheREPLStays() throws {
        let home = try Binary.temporaryHome()
        let out = try Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: home)
            try? FileManager.default.removeItem(atPath: out)
        }
        let terminal = try PseudoTerminal(home: home)
        let prompt = "cicdlab (default)> "
        try #require(terminal.wait { $0.contains(prompt) }, "no prompt: \(terminal.screen)")

        // Ctrl-C on an empty line: a new prompt, the lab still there.
        terminal.type("\u{03}")
        try #require(terminal.wait { _ in terminal.count(prompt) >= 2 }, "no new prompt: \(terminal.screen)")
        // Ctrl-C on a line being typed: the line is discarded, not run.
        terminal.type("clock advance 1d\u{03}")
        try #require(terminal.wait { _ in terminal.count(prompt) >= 3 }, "no new prompt: \(terminal.screen)")

        // Ctrl-C during `sandbox generate`: it stops, nothing is written, the REPL prompts again.
        let file = out + "/big.csv"
        terminal.type("sandbox generate churn --rows \(Self.manyRows) --out \(file)\r")
        usleep(1_000_000)
        terminal.type("\u{03}")
        try #require(terminal.wait { $0.contains("Interrupted.") }, "not interrupted: \(terminal.screen)")
        try #require(terminal.wait { _ in terminal.count(prompt) >= 4 }, "no prompt after: \(terminal.screen)")
        #expect(Self.files(in: out) == [], "a file was left: \(Self.files(in: out))")

        // The next command works, and the discarded `clock advance 1d` never ran.
        terminal.type("clock now\r")
        #expect(terminal.wait { $0.contains("Simulated time:") }, "`clock now` did not answer: \(terminal.screen)")
        #expect(terminal.screen.contains("(the sandbox's start)"), "\(terminal.screen)")

        // Ctrl-D at the next prompt leaves, with status 0. (Typed before the prompt, while the
        // terminal is still in cooked mode between commands, the line discipline would take it.)
        try #require(terminal.wait { _ in terminal.count(prompt) >= 5 }, "no prompt after: \(terminal.screen)")
        terminal.type("\u{04}")
        #expect(terminal.exitStatus() == 0)
    }

    @Test func ctrlDOnAnEmptyLineLeavesWithStatusZero() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let terminal = try PseudoTerminal(home: home)
        #expect(terminal.wait { $0.contains("cicdlab (default)> ") }, "no prompt: \(terminal.screen)")
        terminal.type("\u{04}")
        #expect(terminal.exitStatus() == 0)
    }

    /// SIGINT to a one-shot command: exit 130, "Interrupted." and no file, partial or whole.
    @Test func aOneShotCommandStoppedByCtrlCExits130AndLeavesNoFile() throws {
        let home = try Binary.temporaryHome()
        let out = try Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: home)
            try? FileManager.default.removeItem(atPath: out)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["sandbox", "generate", "churn", "--rows", Self.manyRows, "--out", out + "/big.csv"]
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["CICDLAB_HOME"] = home
        process.environment = env
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        usleep(1_000_000)
        kill(process.processIdentifier, SIGINT)
        let text = String(decoding: errors.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "ended by a signal")
        #expect(process.terminationStatus == 130)
        #expect(text == "Interrupted.\n")
        #expect(Self.files(in: out) == [], "a file was left: \(Self.files(in: out))")
    }

    /// Ctrl-C during `pipeline run` on a large file: exit 130, and the run is marked
    /// `interrupted` as a killed run is, with no file half written.
    @Test func anInterruptedPipelineRunIsMarkedInterrupted() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let workspace = try Binary.run(["sandbox", "path"], home: home).stdout.trimmingCharacters(in: .newlines)
        let big = try Binary.run(
            ["sandbox", "generate", "churn", "--rows", "300000", "--out", workspace + "/data/churn.csv"], home: home)
        #expect(big.status == 0, "\(big.stderr)")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["pipeline", "run"]
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["CICDLAB_HOME"] = home
        process.environment = env
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        usleep(500_000)
        kill(process.processIdentifier, SIGINT)
        let text = String(decoding: errors.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "ended by a signal")
        #expect(process.terminationStatus == 130)
        #expect(text == "Interrupted.\n")
        let leftovers = Self.files(in: workspace) + Self.files(in: workspace + "/data")
        #expect(!leftovers.contains { $0.contains(".partial-") }, "\(leftovers)")

        let runs = try Binary.run(["pipeline", "runs", "--json"], home: home)
        let list = try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [[String: Any]]
        #expect(list?.count == 1)
        #expect(list?.first?["status"] as? String == "interrupted", "\(runs.stdout)")
    }
}
