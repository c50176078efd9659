import Foundation
import Testing

/// Training-serving skew through the real binary: a serving path that sends monthly_charges in
/// cents is named as skew on its first day, and not as drift; healthy production is not skewed.
@Suite struct SkewEndToEndTests {
    /// A fresh home with `scenario` started, its pipeline run and one day served.
    static func firstDay(of scenario: String) throws -> (home: String, monitor: Binary.Result, json: [String: Any]) {
        let home = try Binary.temporaryHome()
        let path = try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: home)
        let workspace = path.stdout.trimmingCharacters(in: .newlines)
        func lab(_ arguments: String...) throws -> Binary.Result {
            try Binary.run(["--content", Binary.repository] + arguments, home: home, directory: workspace)
        }
        #expect(try lab("scenario", "start", scenario).status == 0)
        let run = try lab("pipeline", "run")
        #expect(run.status == 0, "stdout: \(run.stdout)")
        #expect(try lab("clock", "advance", "1d").stdout.contains("Production served 200 requests over 1 day"))
        let monitor = try lab("monitor")
        let json = try lab("monitor", "--json")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any] ?? [:]
        return (home, monitor, object)
    }

    /// Per day with traffic, the columns flagged in `key` (`drift` or `skew`).
    static func flagged(_ key: String, in report: [String: Any]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for day in report["days"] as? [[String: Any]] ?? [] where (day["requests"] as? Int ?? 0) > 0 {
            let entries = day[key] as? [[String: Any]] ?? []
            result[day["date"] as? String ?? ""] = entries.filter { $0["drifted"] as? Bool == true }
                .compactMap { $0["column"] as? String }
        }
        return result
    }

    @Test func aUnitBugInServingIsSkewOnTheFirstDayAndNotDrift() throws {
        let (home, monitor, json) = try Self.firstDay(of: "serving-skew")
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(monitor.status == 0)
        let text = monitor.stdout
        #expect(text.contains("2026-12-07       200      0%  20.0 ms     0.309       55/200"), "monitor: \(text)")
        #expect(
            text.contains(
                "Skew per feature (psi of the features served in the three days to 2026-12-07 against the training data data/churn.csv; skewed when ≥ 0.1)\n"
                    + "  tenure             0.012  ok\n"
                    + "  monthly_charges    8.283  skewed since 2026-12-07\n"
                    + "  total_charges      0.019  ok\n"), "monitor: \(text)")
        #expect(text.components(separatedBy: "skewed since").count == 2)
        #expect(!text.contains("drifted since"))
        #expect(
            text.contains(
                "Skew: same time, different path (the training data against what serving sends the model). Drift: same path, different time (production now against production in 2026-11-23 – 2026-11-29)."
            ))
        #expect(json["training_data"] as? String == "data/churn.csv")
        #expect(Self.flagged("skew", in: json) == ["2026-12-07": ["monthly_charges"]])
        #expect(Self.flagged("drift", in: json) == ["2026-12-07": []])
    }

    @Test func thePipelinesMonitorStageFailsOnSkew() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let path = try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: home)
        let workspace = path.stdout.trimmingCharacters(in: .newlines)
        func lab(_ arguments: String...) throws -> Binary.Result {
            try Binary.run(["--content", Binary.repository] + arguments, home: home, directory: workspace)
        }
        #expect(try lab("scenario", "start", "serving-skew").status == 0)
        #expect(try lab("pipeline", "run").status == 0)
        #expect(try lab("clock", "advance", "1d").status == 0)
        let file = workspace + "/pipeline.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try #require(text.contains("\ntriggers:"))
        try text.replacingOccurrences(
            of: "\ntriggers:", with: "\n  monitor:\n    kind: monitor\n    needs: [deploy]\ntriggers:"
        ).write(toFile: file, atomically: true, encoding: .utf8)
        let run = try lab("pipeline", "run")
        #expect(run.status != 0)
        #expect(
            run.stdout.contains(
                "Stopped at 'monitor': training-serving skew in monthly_charges 8.283 (features served against the training data)"
            ), "stdout: \(run.stdout)")
        #expect(
            run.stdout.contains(
                "6 features checked by psi, 0 drifted (production up to 2026-12-08 against 2026-11-23 – 2026-11-29), 1 skewed from the training data"
            ))
    }

    @Test func healthyProductionIsNotSkewed() throws {
        let (home, monitor, json) = try Self.firstDay(of: "competitor-offer")
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(monitor.stdout.contains("Skew per feature (psi of the features served"))
        #expect(!monitor.stdout.contains("skewed since"))
        #expect(Self.flagged("skew", in: json) == ["2026-12-07": []])
    }
    @Test func skewIsNotMeasuredWhenTheTrainingDataChangedSinceTraining() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let workspace = try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: home).stdout
            .trimmingCharacters(in: .newlines)
        func lab(_ arguments: String...) throws -> Binary.Result {
            try Binary.run(["--content", Binary.repository] + arguments, home: home, directory: workspace)
        }
        #expect(try lab("scenario", "start", "serving-skew").status == 0)
        #expect(try lab("pipeline", "run").status == 0)
        #expect(try lab("clock", "advance", "1d").status == 0)
        let data = workspace + "/data/churn.csv"
        let text = try String(contentsOfFile: data, encoding: .utf8)
        try String(text.dropLast()).write(toFile: data, atomically: true, encoding: .utf8)
        let monitor = try lab("monitor")
        #expect(monitor.status == 0)
        #expect(
            monitor.stdout.contains(
                "Skew not measured: no data file in the sandbox has champion v1's training data (the hash in its lineage); the file changed or moved since training"
            ), "monitor: \(monitor.stdout)")
        #expect(!monitor.stdout.contains("Skew per feature"))
    }
}
