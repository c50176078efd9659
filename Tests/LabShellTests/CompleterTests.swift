import Foundation
import Testing

@testable import LabShell

@Suite struct CompleterTests {
    func completer(_ lab: CapturedSession, base: String = "/") -> Completer {
        Completer(session: lab.session, baseDirectory: base)
    }

    @Test func completesCommandNames() throws {
        let lab = try CapturedSession()
        let result = completer(lab).complete("les")
        #expect(result.partial == "les")
        #expect(result.candidates == ["lesson", "lessons"])
        #expect(completer(lab).complete("").candidates == CommandTable.names.sorted())
    }

    @Test func completesSubcommandsThenTheirValues() throws {
        let lab = try CapturedSession()
        #expect(completer(lab).complete("profiles ").candidates == ["create", "list", "switch"])
        _ = lab.run("profiles create bob")
        #expect(completer(lab).complete("profiles switch b").candidates == ["bob"])
        #expect(completer(lab).complete("help prof").candidates == ["profiles"])
        #expect(completer(lab).complete("help pro").candidates == ["profiles", "progress", "promote"])
    }

    @Test func completesAuditOptionsAndTheActionsInTheLog() throws {
        var options = GlobalOptions()
        // The repository's own Sandbox/ templates: the clock needs a workspace to move.
        options.content =
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let lab = try CapturedSession(options: options)
        #expect(
            completer(lab).complete("audit --").candidates.filter { !GlobalOptions.flags.contains($0) } == [
                "--action", "--limit",
            ])
        #expect(lab.run("clock advance 1h") == 0, "\(lab.err)")
        #expect(completer(lab).complete("audit --action clo").candidates == ["clock.advance"])
    }

    @Test func completesOptionsAsTheCommandDefinesThem() throws {
        let lab = try CapturedSession()
        let own = { (line: String) in
            completer(lab).complete(line).candidates.filter { !GlobalOptions.flags.contains($0) }
        }
        #expect(own("sandbox reset --") == ["--yes"])
        #expect(own("train --test") == ["--test", "--test-ratio"])
        #expect(own("pipeline export --") == ["--format", "--out"])
        #expect(own("quit --").isEmpty)
    }

    @Test func completesGlobalFlags() throws {
        let lab = try CapturedSession()
        #expect(completer(lab).complete("lessons --j").candidates == ["--json"])
    }

    @Test func completesFilePathsWithASlashAfterFolders() throws {
        let lab = try CapturedSession()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("complete-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dir + "/data/churn.csv", contents: Data())
        _ = FileManager.default.createFile(atPath: dir + "/data/churn-test.csv", contents: Data())
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = Completer(session: lab.session, baseDirectory: dir)
        #expect(files.files(matching: "d") == ["data/"])
        #expect(files.files(matching: "data/ch").sorted() == ["data/churn-test.csv", "data/churn.csv"])
        #expect(files.files(matching: "nothing/").isEmpty)
        #expect(commonPrefix(["data/churn.csv", "data/churn-test.csv"]) == "data/churn")
    }
}
