import Foundation
import PipelineEngine
import Testing

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
}
