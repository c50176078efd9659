import Foundation
import Testing

/// `class report --html` in headless Chromium: no console message, every chart there, and each
/// figure on the page equal to `--json`.
@Suite(.enabled(if: ExternalTool.usable("chromium"), ExternalTool.skipNote("chromium")))
struct ClassReportBrowserTests {
    @Test func classReportPageShowsTheFiguresOfItsJSON() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let exports = home + "/exports"
        try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true)
        var simulated = SimulatedClass(learners: 32, seed: 2026)
        let files = try simulated.take(course: ClassReportEndToEndTests.course, home: home, exports: exports)
        let page = home + "/class.html"
        let run = try Binary.run(
            ["--content", ClassReportEndToEndTests.course, "--json", "class", "report", "--html", page] + files,
            home: home)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let json = try ExactJSON.parse(run.stdout) as? [String: Any] ?? [:]
        let number = HTMLReportBrowserTests.number
        var expected: [String: Double] = [:]
        let summary = json["summary"] as? [String: Any] ?? [:]
        for key in ["learners", "questions_answered", "answers", "flagged_questions"] {
            expected["summary.\(key)"] = number(summary[key])
        }
        for learner in json["learners"] as? [[String: Any]] ?? [] {
            let profile = learner["profile"] as? String ?? ""
            expected["lessons.\(profile)"] = number(learner["lessons_completed"])
            expected["answers.\(profile)"] = number(learner["answers"])
            for cell in learner["mastery"] as? [[String: Any]] ?? [] {
                expected["mastery.\(profile).\(cell["concept"] as? String ?? "")"] = number(cell["mastery"])
            }
        }
        for item in json["items"] as? [[String: Any]] ?? [] {
            let key = "item.\(item["question"] as? String ?? "")"
            for name in ["learners", "facility", "discrimination", "upper_lower_index"] {
                expected["\(key).\(name)"] = number(item[name])
            }
            for option in item["options"] as? [[String: Any]] ?? [] {
                let name = option["option"] as? String ?? ""
                expected["\(key).option.\(name).share"] = number(option["share"])
                expected["\(key).option.\(name).upper_share"] = number(option["upper_share"])
            }
        }
        #expect(expected.count > 100)
        try HTMLReportBrowserTests.check(
            page, figures: ["mastery", "lessons-completed", "options-broken-key"], expected: expected)
    }
}
