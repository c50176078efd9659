import Foundation
import Testing

/// Every report kind opened in headless Chromium with the network off: no console message, every
/// chart there, a 1280×800 screenshot that is not blank, under 2 MB, and the numbers on the page
/// equal to those of `--json`.
@Suite(
    .enabled(if: ExternalTool.usable("chromium"), ExternalTool.skipNote("chromium")),
    .serialized)
struct HTMLReportBrowserTests {
    /// A lab whose sandbox ran its pipeline twice and whose learner answered a few questions.
    final class Lab {
        let home: String
        let sandbox: String
        let out: String

        init() throws {
            home = try Binary.temporaryHome()
            out = try Binary.temporaryHome()
            _ = try Binary.run(["sandbox", "init"], home: home)
            sandbox = try Binary.run(["sandbox", "path"], home: home).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            for _ in 0..<2 { _ = try run(["pipeline", "run", "--force"]) }
            _ = try run(["quiz", "--count", "3", "--seed", "7"], stdin: "a\nb\nskip\n")
        }

        func run(_ arguments: [String], stdin: String = "") throws -> Binary.Result {
            try Binary.run(arguments, stdin: stdin, home: home, directory: sandbox)
        }

        /// Writes the report `arguments` to `NAME.html` and returns the file and its `--json`.
        func report(_ name: String, _ arguments: [String]) throws -> (file: String, json: [String: Any]) {
            let file = out + "/\(name).html"
            let result = try run(["--json", "report"] + arguments + ["--html", file])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let json = try ExactJSON.parse(result.stdout) as? [String: Any] ?? [:]
            return (file, json)
        }

        deinit {
            try? FileManager.default.removeItem(atPath: home)
            try? FileManager.default.removeItem(atPath: out)
        }
    }

    /// What every report must be in the browser; `expected` maps `data-key`s to `--json`'s numbers.
    static func check(_ file: String, figures: [String], expected: [String: Double]) throws {
        let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int ?? 0
        #expect(size > 1000 && size < 2_000_000, "\(file) is \(size) bytes")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        for outside in ["<script", "src=\"http", "href=\"http", "@import", "url(http", "<link"] {
            #expect(!html.contains(outside), "\(file) reaches outside itself: \(outside)")
        }
        let page = try HeadlessChromium.open(file)
        #expect(page.console.isEmpty, "console: \(page.console)")
        #expect(page.dom.contains("</main>"), "the page did not load: \(page.dom.prefix(300))")
        for figure in figures {
            #expect(page.figures.contains(figure), "no chart \(figure) among \(page.figures)")
        }
        #expect(page.dom.components(separatedBy: "<svg").count - 1 == page.figures.count)
        #expect(page.dom.components(separatedBy: "<figcaption>").count - 1 == page.figures.count)
        let values = page.values
        #expect(!expected.isEmpty)
        for (key, value) in expected {
            #expect(values[key].flatMap(Double.init) == value, "\(key): page \(values[key] ?? "none"), json \(value)")
        }
        let png = file + ".png"
        try HeadlessChromium.screenshot(file, to: png)
        let facts = try HeadlessChromium.pngFacts(png)
        #expect(facts.width == 1280 && facts.height == 800)
        #expect(facts.colours > 20, "the screenshot has \(facts.colours) colours: blank?")
    }

    static func number(_ any: Any?) -> Double? { (any as? Double) ?? (any as? Int).map(Double.init) }

    @Test func runReport() throws {
        let lab = try Lab()
        let (file, json) = try lab.report("run", ["run"])
        let run = json["run"] as? [String: Any] ?? [:]
        var expected: [String: Double] = [:]
        expected["run.seconds"] = Self.number(run["seconds"])
        expected["run.cost"] = Self.number(run["cost"])
        for stage in json["stages"] as? [[String: Any]] ?? [] {
            let name = stage["name"] as? String ?? ""
            expected["stage.\(name).seconds"] = Self.number(stage["seconds"])
            expected["stage.\(name).cost"] = Self.number(stage["cost"])
        }
        var figures = ["stage-graph"]
        for trend in json["trends"] as? [[String: Any]] ?? [] {
            let metric = trend["metric"] as? String ?? ""
            figures.append("metric-\(metric)")
            for point in trend["points"] as? [[String: Any]] ?? [] {
                expected["trend.\(metric).\(point["run"] as? Int ?? 0)"] = Self.number(point["value"])
            }
        }
        #expect(figures.contains("metric-evaluate.accuracy"), "\(figures)")
        #expect((json["stages"] as? [Any])?.count == 5)
        try Self.check(file, figures: figures, expected: expected)
    }

    @Test func driftReport() throws {
        let lab = try Lab()
        let (file, json) = try lab.report("drift", ["drift", "data/churn.csv", "data/churn-test.csv"])
        var expected: [String: Double] = ["drifted_columns": Self.number(json["drifted_columns"]) ?? -1]
        var figures: [String] = []
        for column in json["columns"] as? [[String: Any]] ?? [] {
            let name = (column["column"] as? String ?? "") + ((column["aspect"] as? String).map { " (\($0))" } ?? "")
            for key in ["statistic", "p_value", "threshold"] {
                if let value = Self.number(column[key]) { expected["column.\(name).\(key)"] = value }
            }
            if column["histogram"] is [String: Any] { figures.append("drift-\(name)") }
        }
        #expect(figures.count >= 9, "\(figures)")
        try Self.check(file, figures: figures, expected: expected)
    }

    @Test func progressReport() throws {
        let lab = try Lab()
        let (file, json) = try lab.report("progress", ["progress"])
        var expected: [String: Double] = [:]
        let progress = json["progress"] as? [String: Any] ?? [:]
        for item in progress["mastery"] as? [[String: Any]] ?? [] {
            let concept = item["concept"] as? String ?? ""
            expected["mastery.\(concept).right"] = Self.number(item["right"])
            expected["mastery.\(concept).asked"] = Self.number(item["asked"])
        }
        #expect(!expected.isEmpty, "no mastery after three answers")
        for day in json["forecast"] as? [[String: Any]] ?? [] {
            expected["forecast.\(day["day"] as? Int ?? -1)"] = Self.number(day["due"])
        }
        #expect(expected["forecast.0"] != nil)
        try Self.check(file, figures: ["quiz-history", "mastery", "review-forecast"], expected: expected)
    }
}
