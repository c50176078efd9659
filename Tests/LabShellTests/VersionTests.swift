import Testing
@testable import LabShell

@Suite struct VersionTests {
    @Test func versionIsSemantic() {
        #expect(cicdlabVersion.split(separator: ".").count == 3)
    }
}
