import Foundation
import LabSupport
import PipelineEngine
import Testing

@testable import LabShell

/// A damaged progress database: opening the store reports it, and only the REPL's start-up
/// step asks whether to set it aside.
@Suite struct DamagedProgressStoreTests {
    func damagedSession(answer: String) throws -> (session: LabSession, home: String, questions: () -> [String]) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-damaged-\(UUID())").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 5000).write(to: URL(fileURLWithPath: home + "/progress.sqlite"))
        var options = GlobalOptions()
        options.home = home
        let session = LabSession(
            options: options, environment: ["NO_COLOR": "1"],
            console: Console(out: { _ in }, err: { _ in }), isInteractive: true)
        final class Asked { var prompts: [String] = [] }
        let asked = Asked()
        session.readInput = { prompt in
            asked.prompts.append(prompt)
            return answer
        }
        return (session, home, { asked.prompts })
    }

    @Test func openingTheStoreReportsTheDamageWithoutAsking() throws {
        let lab = try damagedSession(answer: "y")
        defer { try? FileManager.default.removeItem(atPath: lab.home) }
        #expect(throws: LabError.self) { try lab.session.store() }
        #expect(lab.questions().isEmpty)
    }

    @Test func theStartUpStepAsksOnceAndSetsTheDatabaseAsideOnYes() throws {
        let lab = try damagedSession(answer: "y")
        defer { try? FileManager.default.removeItem(atPath: lab.home) }
        try lab.session.offerToSetAsideDamagedStore()
        #expect(lab.questions().count == 1)
        #expect(throws: Never.self) { try lab.session.profile() }
        try lab.session.offerToSetAsideDamagedStore()
        #expect(lab.questions().count == 1)
    }

    @Test func declinedTheDamageIsReportedAndNotAskedAgain() throws {
        let lab = try damagedSession(answer: "n")
        defer { try? FileManager.default.removeItem(atPath: lab.home) }
        try lab.session.offerToSetAsideDamagedStore()
        #expect(throws: LabError.self) { try lab.session.store() }
        #expect(throws: LabError.self) { try lab.session.profile() }
        #expect(lab.questions().count == 1)
    }
}
