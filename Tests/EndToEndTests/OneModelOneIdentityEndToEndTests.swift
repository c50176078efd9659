import Foundation
import PipelineEngine
import Testing

@testable import LabSupport

/// One model reads the same in every report: the file's SHA-256 as its name, and latencies in
/// one unit rule, whether `evaluate`, a gate or the registry prints them.
@Suite struct OneModelOneIdentityEndToEndTests {
    @Test func evaluateGatesAndRegistryNameTheModelByItsFilesHashAndAgreeOnUnits() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let lines = "pipeline run\nevaluate models/candidate.json data/churn-test.csv\nregistry show v1\n"
        let result = try Binary.run(["--content", Binary.repository], stdin: lines, home: home)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let workspace = try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: home).stdout
            .trimmingCharacters(in: .newlines)
        let sha = try ContentHash.hex(fileAt: workspace + "/models/candidate.json")
        #expect(result.stdout.contains("model sha256      \(sha)"), "\(result.stdout)")
        #expect(result.stdout.contains("Evaluated logistic model \(sha.prefix(12)) on 500 rows"), "\(result.stdout)")

        // The gate line and evaluate's own latency both use µs for a model that answers in µs.
        let gate = result.stdout.split(separator: "\n").first { $0.contains("gate latency: passed") } ?? ""
        #expect(gate.contains(" µs <= 50.0 ms") && !gate.contains("0.00"), "\(gate)")
        let p95 = result.stdout.split(separator: "\n").first { $0.hasPrefix("  p95  ") } ?? ""
        #expect(p95.hasSuffix(" µs"), "\(p95)")
    }

    /// The registry's, `evaluate`'s and production's accuracies differ; each says where it was measured.
    @Test func eachAccuracySaysWhereItWasMeasured() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let lines = """
            pipeline run
            evaluate models/candidate.json data/churn-test.csv
            registry list
            registry show v1
            clock advance 2d
            monitor
            evaluate models/candidate.json data/churn-test.csv --json

            """
        let result = try Binary.run(["--content", Binary.repository], stdin: lines, home: home)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for expected in [
            "Metrics on data/churn-test.csv (500 rows) (positive class 1)",
            "Metrics were measured on each version's held-out test rows when it was trained.",
            "metrics on        400 held-out test rows of its training",
            "ACCURACY is measured on live traffic: the requests whose labels are back.",
            "\"measured_on\" : \"data/churn-test.csv\"",
        ] {
            #expect(result.stdout.contains(expected), "missing: \(expected)\n\(result.stdout)")
        }
    }
}
