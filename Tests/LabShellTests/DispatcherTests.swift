import Foundation
import Testing

@testable import LabShell

@Suite struct DispatcherTests {
    @Test func anUnknownCommandSuggestsTheNearestAndExitsTwo() throws {
        let lab = try CapturedSession()
        #expect(lab.run("lesons") == 2)
        #expect(lab.err == "error: Unknown command 'lesons'. Did you mean 'lessons'?\n")
        #expect(lab.out.isEmpty)
    }

    @Test func anUnrelatedWordPointsToHelp() throws {
        let lab = try CapturedSession()
        #expect(lab.run("xyzzy") == 2)
        #expect(lab.err == "error: Unknown command 'xyzzy'. Type `help` to see the commands.\n")
    }

    @Test func errorsAreJSONWithJSON() throws {
        let lab = try CapturedSession()
        #expect(lab.run("lesons --json") == 2)
        let object = try JSONSerialization.jsonObject(with: Data(lab.out.utf8)) as? [String: Any]
        let error = object?["error"] as? [String: Any]
        #expect(error?["code"] as? String == "usage.unknown_command")
        #expect(error?["message"] as? String == "Unknown command 'lesons'. Did you mean 'lessons'?")
        #expect(error?.keys.contains("file") == true)
        #expect(error?.keys.contains("line") == true)
    }

    @Test func profilesAreCreatedSwitchedAndListed() throws {
        let lab = try CapturedSession()
        #expect(lab.run("profiles") == 0)
        #expect(lab.out.contains("*  default"))
        #expect(lab.run("profiles create ann") == 0)
        #expect(lab.run("profiles switch ann") == 0)
        lab.out = ""
        #expect(lab.run("profiles") == 0)
        #expect(lab.out.contains("*  ann"))
        #expect(lab.out.contains("   default"))
    }

    @Test func switchingToAMisspelledProfileSuggestsTheRealOne() throws {
        let lab = try CapturedSession()
        _ = lab.run("profiles create alice")
        #expect(lab.run("profiles switch alcie") == 2)
        #expect(lab.err == "error: no profile named 'alcie'. Did you mean 'alice'?\n")
    }

    @Test(arguments: ["../up", "a b", "", "-x", String(repeating: "n", count: 33)])
    func badProfileNamesAreRefused(name: String) throws {
        let lab = try CapturedSession()
        #expect(lab.run("profiles create '\(name)'") == 2)
        #expect(lab.err.contains("is not a valid profile name") || lab.err.hasPrefix("error: "))
    }

    @Test func helpForACommandShowsItsUsage() throws {
        let lab = try CapturedSession()
        #expect(lab.run("help profiles create") == 0)
        #expect(lab.out.contains("USAGE: cicdlab profiles create <name>"))
        #expect(lab.run("help profiles crate") == 2)
        #expect(lab.err.contains("'profiles' has no subcommand 'crate'. Did you mean 'create'?"))
    }

    @Test func startOptionsAreRefusedInsideTheREPL() throws {
        let lab = try CapturedSession()
        #expect(lab.run("lessons --profile bob") == 2)
        #expect(lab.err.contains("in the REPL use `profiles switch NAME`"))
    }

    @Test func quitAsksTheLoopToEnd() throws {
        let lab = try CapturedSession()
        #expect(lab.run("quit") == 0)
        #expect(lab.session.quitRequested)
    }
}
