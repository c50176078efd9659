import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// The latency gate's `max_ratio`: the candidate's p95 against the champion's, both timed in
/// turn on the same rows, so a model many times slower than the champion cannot pass an
/// absolute bound that both meet.
@Suite struct RelativeLatencyGateTests {
    static let sandbox = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sandbox/data").path

    func train(_ kind: ModelKind) throws -> TrainedModel {
        var request = TrainingRequest(
            train: try CSVReader.read(file: Self.sandbox + "/churn.csv"), target: "churned", dataHash: "test")
        request.test = try CSVReader.read(file: Self.sandbox + "/churn-test.csv")
        request.model = kind
        return try Trainer.train(request).model
    }

    func check(_ candidate: TrainedModel, against champion: TrainedModel?) throws -> GateResult {
        let data = try CSVReader.read(file: Self.sandbox + "/churn-test.csv")
        let gate = Gate(name: "latency", check: .latency(p95: 50, p99: nil, maxRatio: 1.5))
        let outcome = try GateCheck.run(
            candidate: candidate, data: data, gates: [gate],
            champion: champion.map { .init(version: 1, model: $0, metrics: [:]) })
        return outcome.gates.results[0]
    }

    @Test func aNearestNeighboursChallengerFailsAgainstALogisticChampion() throws {
        let result = try check(try train(.knn), against: try train(.logistic))
        #expect(result.status == .failed)
        #expect(result.message.hasPrefix("latency p95 "), "\(result.message)")
        #expect(result.message.contains("against champion v1's "), "\(result.message)")
        let ratio = try #require(result.observed["p95_ratio"])
        #expect(ratio > 1.5)
        #expect(result.message.hasSuffix("× > 1.50×"), "\(result.message)")
        // The absolute bound alone (50 ms) would have let it through.
        #expect(try #require(result.observed["p95_ms"]) <= 50)
    }

    @Test func aLogisticChallengerPassesAgainstALogisticChampion() throws {
        let result = try check(try train(.logistic), against: try train(.logistic))
        #expect(result.status == .passed, "\(result.message)")
        #expect(result.message.hasSuffix("× <= 1.50×"), "\(result.message)")
    }

    @Test func withoutAChampionOnlyTheAbsoluteBoundIsJudged() throws {
        let result = try check(try train(.logistic), against: nil)
        #expect(result.status == .passed)
        #expect(result.message.hasSuffix("<= 50.0 ms; no champion yet to compare with"), "\(result.message)")
    }

    /// Both models answer every timed row; the ratio is the candidate's p95 over the champion's.
    @Test func bothModelsAreTimedOnTheSameRows() throws {
        let model = try train(.logistic)
        let data = try CSVReader.read(file: Self.sandbox + "/churn-test.csv")
        let relative = try RelativeLatency.measure(candidate: model, champion: model, on: data, rows: 300)
        #expect(relative.candidate.samples == 300)
        #expect(relative.champion.samples == 300)
        #expect(relative.p95Ratio == relative.candidate.p95 / relative.champion.p95)
    }
}

/// The gate's verdicts on given evidence, with exact reasons.
@Suite struct RelativeLatencyVerdictTests {
    func judge(_ check: Gate.Check, _ evidence: GateEvidence) -> (GateResult.Status, String) {
        let result = GateEvaluator.judge(Gate(name: "g", check: check), evidence)
        return (result.status, result.message)
    }

    func latencies(_ p95: Double) -> LatencyPercentiles {
        var figures = LatencyPercentiles(milliseconds: [])
        figures.p95 = p95
        return figures
    }

    @Test func theRatioIsComparedWithTheBoundAndBothFiguresAreShown() {
        var evidence = GateEvidence(latencyMs: ["p95": 0.0412], championVersion: 2)
        evidence.relativeLatency = RelativeLatency(candidate: latencies(0.0412), champion: latencies(0.0013))
        #expect(
            judge(.latency(p95: nil, p99: nil, maxRatio: 1.5), evidence)
                == (.failed, "latency p95 41.2 µs against champion v2's 1.30 µs on the same rows: 31.69× > 1.50×"))
        #expect(
            judge(.latency(p95: 50, p99: nil, maxRatio: 40), evidence)
                == (
                    .passed,
                    "latency p95 41.2 µs <= 50.0 ms, p95 41.2 µs against champion v2's 1.30 µs on the same rows: 31.69× <= 40.00×"
                ))
    }

    @Test func withoutAChampionARatioOnlyGateIsSkipped() {
        #expect(
            judge(.latency(p95: nil, p99: nil, maxRatio: 1.5), GateEvidence(latencyMs: ["p95": 1]))
                == (.skipped, "no champion in the registry yet: no latency to compare with"))
    }

    @Test func aChampionThatCouldNotBeTimedFailsTheGate() {
        #expect(
            judge(.latency(p95: nil, p99: nil, maxRatio: 1.5), GateEvidence(latencyMs: ["p95": 1], championVersion: 4))
                == (.failed, "the latency of champion v4 could not be measured on this data, so the ratio is unknown"))
    }

    @Test func aRatioBoundMustBeAboveZero() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ratio-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/gates.yaml"
        try "gates:\n  - type: latency\n    max_ratio: 0\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: LabError.self) { try GateConfigLoader.load(path: path, displayName: "gates.yaml") }
        do {
            _ = try GateConfigLoader.load(path: path, displayName: "gates.yaml")
        } catch let error as LabError {
            #expect(error.description == "gates.yaml:3:16: `max_ratio` is 0; expected a number above 0, such as 1.5")
        }
    }
}
