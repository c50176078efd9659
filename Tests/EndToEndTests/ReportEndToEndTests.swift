import Foundation
import Testing

/// `report run|drift|progress --html FILE` through the real binary: what it says, and the errors.
@Suite struct ReportEndToEndTests {
    final class Lab {
        let home: String
        let sandbox: String

        init() throws {
            home = try Binary.temporaryHome()
            _ = try Binary.run(["sandbox", "init"], home: home)
            sandbox = try Binary.run(["sandbox", "path"], home: home).stdout.trimmingCharacters(
                in: .whitespacesAndNewlines)
        }

        func run(_ arguments: [String]) throws -> Binary.Result {
            try Binary.run(arguments, home: home, directory: sandbox)
        }

        deinit { try? FileManager.default.removeItem(atPath: home) }
    }

    @Test func aRunReportNeedsARun() throws {
        let lab = try Lab()
        let before = try lab.run(["report", "run", "--html", "run.html"])
        #expect(before.status == 2)
        #expect(before.stderr == "error: there are no pipeline runs yet; `pipeline run` makes one\n")
        _ = try lab.run(["pipeline", "run"])
        let missing = try lab.run(["report", "run", "9", "--html", "run.html"])
        #expect(missing.stderr == "error: no pipeline run '9'; the runs are #1 to #1 (or `latest`, `latest~1`)\n")
        #expect(!FileManager.default.fileExists(atPath: lab.sandbox + "/run.html"))
        let made = try lab.run(["report", "run", "--html", "run.html"])
        #expect(made.status == 0)
        #expect(made.stdout.hasPrefix("Wrote the report of run #1 to \(lab.sandbox)/run.html ("))
        let html = try String(contentsOfFile: lab.sandbox + "/run.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Pipeline run #1</title>"))
    }

    @Test func theReportsFolderMustExist() throws {
        let lab = try Lab()
        let result = try lab.run(["report", "progress", "--html", "nowhere/progress.html"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: nowhere/progress.html: cannot write it: no such folder\n")
    }

    @Test func aDriftReportNamesAMissingFile() throws {
        let lab = try Lab()
        let result = try lab.run(["report", "drift", "data/nope.csv", "data/churn.csv", "--html", "d.html"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: data/nope.csv: no such file\n")
    }

    @Test func theHTMLFileIsRequired() throws {
        let lab = try Lab()
        let result = try lab.run(["report", "drift", "data/churn.csv", "data/churn-test.csv"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: missing expected argument '--html <file>'."))
    }

    @Test func aColumnNamedLikeMarkupIsShownAsText() throws {
        let lab = try Lab()
        let header = "<script>alert(1)</script>,plan\n"
        let rows = (0..<40).map { "\($0 % 7),\(["a", "b"][$0 % 2])" }.joined(separator: "\n")
        try (header + rows + "\n").write(toFile: lab.sandbox + "/ref.csv", atomically: true, encoding: .utf8)
        try (header + rows + "\n").write(toFile: lab.sandbox + "/cur.csv", atomically: true, encoding: .utf8)
        let result = try lab.run(["report", "drift", "ref.csv", "cur.csv", "--html", "d.html"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: lab.sandbox + "/d.html", encoding: .utf8)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
