import Foundation
import Testing

/// The real binary, driven as a user or a script would.
@Suite struct ShellEndToEndTests {
    @Test func aScriptedREPLPrintsHelpAndProfilesAndLeavesAWALStore() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run(["--home", home], stdin: "help\nprofiles\nquit\n")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Learning"))
        #expect(result.stdout.contains("lessons"))
        #expect(result.stdout.contains("*  default"))
        let database = home + "/progress.sqlite"
        #expect(FileManager.default.fileExists(atPath: database))
        // The file header says WAL: bytes 18 and 19 are 2 (read and write versions) in WAL mode.
        let header = try Data(contentsOf: URL(fileURLWithPath: database)).prefix(20)
        #expect(header[18] == 2 && header[19] == 2)
        let mode = try FileManager.default.attributesOfItem(atPath: home)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test func doctorReportsRecordedMigrationsAndHealth() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run(["doctor", "--json"], home: home)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(report?["journal_mode"] as? String == "wal")
        #expect(report?["integrity"] as? String == "ok")
        #expect((report?["migrations"] as? [String])?.first == "v1-profiles-progress-quiz-review")
        #expect(report?["home"] as? String == home)
    }

    @Test func aMisspelledCommandExitsTwoWithASuggestion() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run(["lesons"], home: home)
        #expect(result.status == 2)
        #expect(result.stderr == "error: Unknown command 'lesons'. Did you mean 'lessons'?\n")
    }

    @Test func theHomeComesFromTheEnvironmentWhenNoFlagIsGiven() throws {
        let home = try Binary.temporaryHome() + "/nested/lab"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run(["profiles"], home: home)
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: home + "/progress.sqlite"))
    }

    @Test func theProfileFlagPicksAndCreatesTheLearner() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        _ = try Binary.run(["--profile", "zoe", "profiles"], home: home)
        let listed = try Binary.run(["profiles", "--json"], home: home)
        #expect(listed.stdout.contains("\"zoe\""))
        let asZoe = try Binary.run(["profiles", "--profile=zoe"], home: home)
        #expect(asZoe.stdout.contains("*  zoe"))
    }

    @Test func badUsageExitsTwoWithTheUsageLine() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run(["profiles", "create"], home: home)
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: missing expected argument '<name>'. Usage: cicdlab profiles create <name> (`help profiles create` explains it)\n"
        )
    }

    @Test func shellCompletionScriptsAreGenerated() throws {
        let result = try Binary.run(["--generate-completion-script", "bash"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("_cicdlab"))
    }

    @Test func anUnterminatedQuoteInTheREPLIsReportedAndTheLoopGoesOn() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run([], stdin: "help \"profiles\nprofiles\n", home: home)
        #expect(result.status == 0)
        #expect(result.stderr.contains("unterminated \" quote"))
        #expect(result.stdout.contains("*  default"))
    }
}
