import Foundation
import Testing

@testable import LabShell

/// The `data` commands inside a session: completion, and their exit statuses.
@Suite struct DataCommandTests {
    @Test func completesDataSubcommandsAndTheSuiteOption() throws {
        let lab = try CapturedSession()
        let completer = Completer(session: lab.session, baseDirectory: "/")
        #expect(completer.complete("data ").candidates == ["diff", "leakage", "profile", "validate"])
        #expect(completer.complete("data validate churn.csv --s").candidates == ["--suite"])
        #expect(completer.complete("data leakage train.csv test.csv --t").candidates == ["--target", "--time"])
    }

    @Test func validateReturnsOneForAFailedExpectationAndTwoForBadInput() throws {
        let lab = try CapturedSession()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("data-cmd-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "n\n1\n\n5\n".write(toFile: dir + "/d.csv", atomically: true, encoding: .utf8)
        try "expectations:\n  - expect: between\n    column: n\n    max: 3\n"
            .write(toFile: dir + "/s.yaml", atomically: true, encoding: .utf8)
        #expect(lab.run("data validate \(dir)/d.csv --suite \(dir)/s.yaml") == 1)
        #expect(lab.out.contains("row 2 (line 4) '5'"))
        #expect(lab.run("data validate \(dir)/none.csv --suite \(dir)/s.yaml") == 2)
        #expect(lab.err.contains("none.csv: no such file"))
        #expect(lab.run("data profile") == 2)
    }
}
