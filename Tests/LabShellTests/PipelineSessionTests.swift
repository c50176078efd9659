import Foundation
import Testing

@testable import LabShell
@testable import PipelineEngine

/// Who a pipeline run is recorded as, without opening the learner's progress database.
@Suite struct PipelineSessionTests {
    @Test func aRunInAProfilesSandboxIsTheProfilesElsewhereTheSystemUsers() throws {
        let captured = try CapturedSession(environment: ["USER": "ada"])
        let inside = captured.home + "/sandboxes/bea"
        let outside = captured.home + "-ci-checkout"
        defer { try? FileManager.default.removeItem(atPath: outside) }
        for root in [inside, outside] {
            try FileManager.default.createDirectory(atPath: root + "/.lab", withIntermediateDirectories: true)
        }
        #expect(captured.session.actor(in: try Workspace(root: inside)) == "bea (ada)")
        #expect(captured.session.actor(in: try Workspace(root: outside)) == "ada")
        #expect(!FileManager.default.fileExists(atPath: captured.home + "/progress.sqlite"))
    }
}
