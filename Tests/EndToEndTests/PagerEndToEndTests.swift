import Foundation
import Testing

/// Long output at a terminal goes through `$PAGER` (here a script that records what it is
/// given); output to a pipe, short output, `--no-pager` and `PAGER=cat` are written directly.
@Suite(.serialized) struct PagerEndToEndTests {
    /// A temporary folder with `pager`, a script that writes its standard input to `paged.txt`.
    struct Recorder {
        let folder: String
        var script: String { folder + "/pager" }
        var recorded: String? { try? String(contentsOfFile: folder + "/paged.txt", encoding: .utf8) }

        init() throws {
            folder = try Binary.temporaryHome()
            try "#!/bin/sh\ncat > '\(folder)/paged.txt'\n".write(toFile: script, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        }
    }

    /// Runs `cicdlab ARGUMENTS` in a pseudo-terminal of 20 rows and 60 columns (through
    /// `script`), with `environment`, feeding `stdin`.
    func runAtTerminal(_ arguments: String, home: String, environment: [String: String], stdin: String = "")
        throws -> Binary.Result
    {
        let command = "'\(Binary.path)' --content '\(Binary.repository)' \(arguments)"
        return try Binary.run(
            ["-qec", command, "/dev/null"], stdin: stdin, home: home,
            environment: ["LINES": "20", "COLUMNS": "60"].merging(environment) { _, b in b },
            executable: "/usr/bin/script")
    }

    @Test func longOutputAtATerminalGoesThroughThePager() throws {
        let recorder = try Recorder()
        defer { try? FileManager.default.removeItem(atPath: recorder.folder) }
        let result = try runAtTerminal("help", home: recorder.folder, environment: ["PAGER": recorder.script])
        #expect(result.status == 0, "\(result.stdout)")
        let paged = try #require(recorder.recorded, "the pager was not run: \(result.stdout)")
        #expect(paged.contains("Sandbox and engine"))
        #expect(paged.contains("quit      Leave the lab"))
        #expect(!result.stdout.contains("Sandbox and engine"), "\(result.stdout)")
    }

    @Test func aLessonPageLongerThanTheScreenIsPaged() throws {
        let recorder = try Recorder()
        defer { try? FileManager.default.removeItem(atPath: recorder.folder) }
        let result = try runAtTerminal(
            "lesson 1 --section 2", home: recorder.folder, environment: ["PAGER": recorder.script])
        #expect(result.status == 0, "\(result.stdout)")
        let paged = try #require(recorder.recorded, "the pager was not run: \(result.stdout)")
        #expect(paged.contains("page 2 of"), "\(paged)")
        #expect(paged.split(separator: "\n").allSatisfy { $0.split(separator: " ").count <= 1 || $0.count <= 60 })
    }

    @Test func outputToAPipeIsNeverPaged() throws {
        let recorder = try Recorder()
        defer { try? FileManager.default.removeItem(atPath: recorder.folder) }
        let result = try Binary.run(
            ["--content", Binary.repository, "help"], home: recorder.folder,
            environment: ["PAGER": recorder.script, "LINES": "20"])
        #expect(result.stdout.contains("Sandbox and engine"))
        #expect(recorder.recorded == nil)
    }

    @Test(
        arguments: [
            ("help --no-pager", [:]), ("help", ["PAGER": "cat"]), ("help", ["CICDLAB_PAGER": ""]), ("profiles", [:]),
        ] as [(String, [String: String])])
    func noPagerPagerCatAndShortOutputAreWrittenDirectly(arguments: String, environment: [String: String]) throws {
        let recorder = try Recorder()
        defer { try? FileManager.default.removeItem(atPath: recorder.folder) }
        let result = try runAtTerminal(
            arguments, home: recorder.folder,
            environment: ["PAGER": recorder.script].merging(environment) { _, b in b })
        #expect(result.status == 0, "\(result.stdout)")
        #expect(recorder.recorded == nil, "paged: \(recorder.recorded ?? "")")
        #expect(result.stdout.contains(arguments.hasPrefix("help") ? "Sandbox and engine" : "default"))
    }

    /// After the pager ends, the REPL has its terminal back: the next command runs and prints.
    @Test func theReplRunsTheNextCommandAfterThePager() throws {
        let recorder = try Recorder()
        defer { try? FileManager.default.removeItem(atPath: recorder.folder) }
        let result = try runAtTerminal(
            "", home: recorder.folder, environment: ["PAGER": recorder.script], stdin: "help\nprofiles\nquit\n")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(recorder.recorded?.contains("Sandbox and engine") == true, "\(result.stdout)")
        #expect(result.stdout.contains("default"), "\(result.stdout)")
        #expect(!result.stdout.contains("Sandbox and engine"), "\(result.stdout)")
    }
}
