import Foundation
import Testing

/// A damaged progress database is reported, never silently replaced, and can be set aside.
@Suite struct DamagedStoreEndToEndTests {
    @Test(arguments: ["garbage", "truncated"])
    func aDamagedProgressStoreIsReportedThenSetAsideByRepair(kind: String) throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let database = home + "/progress.sqlite"
        if kind == "garbage" {
            try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(
                to: URL(fileURLWithPath: database))
        } else {
            _ = try Binary.run(["profiles", "create", "ann"], home: home)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: database))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: database))
            try? FileManager.default.removeItem(atPath: database + "-wal")
        }
        let original = try Data(contentsOf: URL(fileURLWithPath: database))

        let refused = try Binary.run(["profiles"], home: home)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("progress.sqlite is damaged ("))
        #expect(refused.stderr.contains("Run `cicdlab doctor --repair`"))
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: database)) == original,
            "nothing may change before the learner agrees")

        let repaired = try Binary.run(["doctor", "--repair"], home: home)
        #expect(repaired.stdout.hasPrefix("Kept the damaged file as \(database).damaged-"))
        let aside = try FileManager.default.contentsOfDirectory(atPath: home).filter {
            $0.hasPrefix("progress.sqlite.damaged-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm")
        }
        #expect(aside.count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: home + "/" + aside[0])) == original)
        #expect(try Binary.run(["profiles"], home: home).status == 0)
    }
}

@Suite struct DamagedStateEndToEndTests {
    @Test func aDamagedWorkspaceStateIsReportedAndKeptAsideByReset() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let content = Binary.fixtureContent
        let workspace = try Binary.run(["--content", content, "sandbox", "path"], home: home).stdout
            .trimmingCharacters(in: .newlines)
        let state = workspace + "/.lab/state.sqlite"
        try? FileManager.default.removeItem(atPath: state + "-wal")
        try Data(repeating: 0x41, count: 5000).write(to: URL(fileURLWithPath: state))

        let refused = try Binary.run(["--content", content, "registry"], home: home)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("state.sqlite is damaged (file is not a database). Run `sandbox reset`"))

        let reset = try Binary.run(["--content", content, "sandbox", "reset"], home: home)
        #expect(reset.status == 0, "stderr: \(reset.stderr)")
        #expect(reset.stdout.hasPrefix("The damaged state database was kept as \(workspace)-state.sqlite.damaged-"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: home + "/sandboxes")
            .filter { $0.hasPrefix("default-state.sqlite.damaged-") }
        #expect(kept.count == 1)
        #expect(try Binary.run(["--content", content, "registry"], home: home).status == 0)
    }
}
