import Foundation
import Testing

@testable import PipelineEngine

/// Gate checks on the sandbox's real credit data: the bias incident in miniature.
@Suite struct GateCheckTests {
    static let sandbox = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sandbox/data").path

    func train(_ kind: ModelKind, features: [String]? = nil) throws -> TrainedModel {
        let table = try CSVReader.read(file: Self.sandbox + "/credit.csv")
        var request = TrainingRequest(train: table, target: "approved", dataHash: "test")
        request.test = try CSVReader.read(file: Self.sandbox + "/credit-test.csv")
        request.model = kind
        request.features = features
        return try Trainer.train(request).model
    }

    let gates = [
        Gate(name: "accuracy-floor", check: .threshold(metric: "accuracy", min: 0.75, max: nil)),
        Gate(name: "four-fifths", check: .fairness(slice: "zip_group", minParityRatio: 0.8, maxOddsDifference: nil)),
        Gate(name: "no-regression", check: .noRegression(metric: "accuracy", absolute: nil, relative: 0.01)),
    ]

    @Test func aModelThatPassesAccuracyCanStillFailTheFourFifthsRule() throws {
        let model = try train(.logistic)
        let data = try CSVReader.read(file: Self.sandbox + "/credit-test.csv")
        let outcome = try GateCheck.run(candidate: model, data: data, gates: gates, champion: nil)
        #expect(outcome.gates.results.map(\.status) == [.passed, .failed, .skipped])
        #expect(outcome.gates.results[1].message.hasPrefix("demographic parity ratio across zip_group 0."))
        #expect(outcome.gates.results[2].message == "not evaluated: required gate 'four-fifths' failed")
        #expect(!outcome.gates.passed)
    }

    @Test func againstAChampionTheRegressionAndShadowGatesHaveNumbers() throws {
        let champion = try train(.logistic)
        let candidate = try train(.naiveBayes)
        let data = try CSVReader.read(file: Self.sandbox + "/credit-test.csv")
        let championMetrics = ["accuracy": try Evaluator.evaluate(champion, on: data).metrics["accuracy"] ?? 0]
        let outcome = try GateCheck.run(
            candidate: candidate, data: data,
            gates: [
                Gate(name: "no-regression", check: .noRegression(metric: "accuracy", absolute: 1, relative: nil)),
                Gate(name: "shadow", check: .shadow(minAgreement: 0.5)),
            ],
            champion: .init(version: 1, model: champion, metrics: championMetrics))
        #expect(outcome.championVersion == 1)
        let agreement = try #require(outcome.shadowAgreement)
        #expect(agreement > 0.5 && agreement <= 1)
        #expect(try GateCheck.shadowAgreement(champion, champion, on: data) == 1)
        #expect(outcome.gates.results.map(\.status) == [.passed, .passed])
        #expect(outcome.gates.results[0].message.contains("(champion v1 "))
    }

    /// The registry's figure for the champion comes from its own held-out split; the gate
    /// scores the champion again on the candidate's data, so both numbers describe the same rows.
    @Test func theRegressionGateScoresTheChampionOnTheSameRows() throws {
        let champion = try train(.logistic)
        let data = try CSVReader.read(file: Self.sandbox + "/credit-test.csv")
        let sameRows = try #require(try Evaluator.evaluate(champion, on: data).metrics["accuracy"])
        let outcome = try GateCheck.run(
            candidate: champion, data: data,
            gates: [Gate(name: "no-regression", check: .noRegression(metric: "accuracy", absolute: nil, relative: 0))],
            champion: .init(version: 3, model: champion, metrics: ["accuracy": 0.999]))
        // Against the recorded 0.999 the same model would "regress"; on the same rows it ties.
        #expect(outcome.gates.results.map(\.status) == [.passed])
        #expect(
            outcome.gates.results[0].message.contains(
                "(champion v3 \(String(format: "%.3f", sameRows))"), "\(outcome.gates.results[0].message)")
    }
}
