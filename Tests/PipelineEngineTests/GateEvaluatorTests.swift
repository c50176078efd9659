import Testing

@testable import LabSupport
@testable import PipelineEngine

/// Each gate passes, fails, is skipped, or fails for a missing measurement, with exact reasons.
@Suite struct GateEvaluatorTests {
    let evidence = GateEvidence(
        metrics: ["accuracy": 0.812, "f1": 0.79, "rmse": 4.2],
        latencyMs: ["p50": 3.1, "p95": 143.2, "p99": 180.4],
        peakMemoryMb: 612,
        columns: ["tenure": .integer, "plan": .string, "churned": .integer],
        fairness: ["region": ["demographic_parity_ratio": 0.72, "equalized_odds_difference": 0.08]],
        championMetrics: ["accuracy": 0.82, "rmse": 4.0], championVersion: 3,
        shadowAgreement: 0.93)

    func judge(_ check: Gate.Check, _ evidence: GateEvidence? = nil) -> (GateResult.Status, String) {
        let result = GateEvaluator.judge(Gate(name: "g", check: check), evidence ?? self.evidence)
        return (result.status, result.message)
    }

    @Test(arguments: [
        (
            Gate.Check.threshold(metric: "accuracy", min: 0.80, max: nil), GateResult.Status.passed,
            "accuracy 0.812 >= 0.800"
        ),
        (.threshold(metric: "accuracy", min: 0.85, max: nil), .failed, "accuracy 0.812 < 0.850"),
        (.threshold(metric: "rmse", min: nil, max: 4.0), .failed, "rmse 4.200 > 4.000"),
        (.threshold(metric: "roc_auc", min: 0.8, max: nil), .failed, "metric 'roc_auc' was not measured"),
        (
            .noRegression(metric: "accuracy", absolute: nil, relative: 0.01), .passed,
            "accuracy 0.812 >= 0.812 (champion v3 0.820 − 1%)"
        ),
        (
            .noRegression(metric: "accuracy", absolute: 0.005, relative: nil), .failed,
            "accuracy 0.812 < 0.815 (champion v3 0.820 − 0.005)"
        ),
        (
            .noRegression(metric: "rmse", absolute: nil, relative: 0.05), .passed,
            "rmse 4.200 <= 4.200 (champion v3 4.000 − 5%)"
        ),
        (
            .noRegression(metric: "f1", absolute: nil, relative: 0.01), .skipped,
            "champion v3 has no 'f1' metric to compare with"
        ),
        (.noRegression(metric: "mae", absolute: nil, relative: 0.01), .failed, "metric 'mae' was not measured"),
        (.latency(p95: 100, p99: nil), .failed, "latency p95 143 ms > 100 ms"),
        (.latency(p95: 150, p99: 200), .passed, "latency p95 143 ms <= 150 ms, p99 180 ms <= 200 ms"),
        (.memory(maxMegabytes: 512), .failed, "peak memory 612.0 MB > 512.0 MB"),
        (.memory(maxMegabytes: 1024), .passed, "peak memory 612.0 MB <= 1024.0 MB"),
        (
            .fairness(slice: "region", minParityRatio: 0.8, maxOddsDifference: nil), .failed,
            "demographic parity ratio across region 0.720 < 0.800"
        ),
        (
            .fairness(slice: "region", minParityRatio: 0.7, maxOddsDifference: 0.1), .passed,
            "across region: parity ratio 0.720 >= 0.700, odds difference 0.080 <= 0.100"
        ),
        (
            .fairness(slice: "plan", minParityRatio: 0.8, maxOddsDifference: nil), .failed,
            "no fairness figures for slice 'plan': evaluate with --slice plan"
        ),
        (.shadow(minAgreement: 0.9), .passed, "agreement with the champion 0.930 >= 0.900"),
        (.shadow(minAgreement: 0.95), .failed, "agreement with the champion 0.930 < 0.950"),
        (
            .schema(columns: ["tenure", "churned"], types: ["tenure": .integer]), .passed,
            "all 3 expected columns present with their types"
        ),
        (.schema(columns: ["tenure", "region", "zip"], types: [:]), .failed, "missing columns: region, zip"),
        (.schema(columns: [], types: ["plan": .integer]), .failed, "column plan is string, expected integer"),
    ])
    func eachGateGivesItsVerdictAndReason(check: Gate.Check, status: GateResult.Status, message: String) {
        let (actual, reason) = judge(check)
        #expect(actual == status)
        #expect(reason == message)
    }

    @Test func withoutAChampionComparisonsAreSkippedNotPassed() {
        var first = evidence
        first.championMetrics = nil
        first.championVersion = nil
        #expect(
            judge(.noRegression(metric: "accuracy", absolute: nil, relative: 0.01), first)
                == (.skipped, "no champion in the registry yet: nothing to compare with"))
        #expect(judge(.shadow(minAgreement: 0.9), first) == (.skipped, "no champion to shadow yet"))
    }

    @Test func unmeasuredResourcesFailTheirGates() {
        let blind = GateEvidence(championMetrics: ["accuracy": 0.9])
        #expect(judge(.latency(p95: 100, p99: nil), blind) == (.failed, "latency p95 was not measured"))
        #expect(judge(.memory(maxMegabytes: 100), blind) == (.failed, "peak memory was not measured"))
        #expect(
            judge(.shadow(minAgreement: 0.9), blind)
                == (.failed, "agreement with the champion on mirrored traffic was not measured"))
    }

    @Test func theFirstFailedRequiredGateStopsTheRestButAdvisoryFailuresDoNot() {
        let gates = [
            Gate(name: "schema", check: .schema(columns: ["tenure"], types: [:])),
            Gate(
                name: "fair", check: .fairness(slice: "region", minParityRatio: 0.8, maxOddsDifference: nil),
                required: false),
            Gate(name: "accuracy-floor", check: .threshold(metric: "accuracy", min: 0.85, max: nil)),
            Gate(name: "latency", check: .latency(p95: 1000, p99: nil)),
        ]
        let report = GateEvaluator.evaluate(gates, evidence: evidence)
        #expect(report.results.map(\.status) == [.passed, .failed, .failed, .skipped])
        #expect(report.results[1].message == "demographic parity ratio across region 0.720 < 0.800 (advisory)")
        #expect(report.results[3].message == "not evaluated: required gate 'accuracy-floor' failed")
        #expect(!report.passed)
        #expect(report.blocking?.name == "accuracy-floor")
    }

    @Test func onlyAdvisoryFailuresStillPass() {
        let gates = [
            Gate(
                name: "fair", check: .fairness(slice: "region", minParityRatio: 0.8, maxOddsDifference: nil),
                required: false),
            Gate(name: "floor", check: .threshold(metric: "accuracy", min: 0.8, max: nil)),
        ]
        let report = GateEvaluator.evaluate(gates, evidence: evidence)
        #expect(report.passed)
        #expect(report.results.map(\.status) == [.failed, .passed])
    }
}

@Suite struct GateConfigLoaderTests {
    @Test func readsEveryGateTypeInOrder() throws {
        let gates = try GateConfigLoader.parse(
            """
            gates:
              - type: schema
                columns: [tenure, churned]
                types: {tenure: integer}
              - name: accuracy-floor
                type: threshold
                metric: accuracy
                min: 0.85
              - type: no_regression
                metric: accuracy
                relative: 1%
              - type: latency
                p95_ms: 100
              - type: memory
                max_mb: 512
              - type: fairness
                slice: region
                min_parity_ratio: 0.8
                required: false
              - type: shadow
                min_agreement: 0.9
            """, file: "gates.yaml")
        #expect(
            gates.map(\.name) == [
                "schema", "accuracy-floor", "no_regression", "latency", "memory", "fairness", "shadow",
            ])
        #expect(gates[2].check == .noRegression(metric: "accuracy", absolute: nil, relative: 0.01))
        #expect(gates[5].required == false)
        #expect(gates[1].line == 5)
    }

    @Test(arguments: [
        (
            "gates:\n  - type: treshold\n    metric: accuracy\n    min: 0.8\n",
            "gates.yaml:2:11: unknown gate type \"treshold\"; expected fairness, latency, memory, no_regression, schema, shadow or threshold (did you mean \"threshold\"?)"
        ),
        (
            "gates:\n  - type: threshold\n    metric: accuracy\n    minimum: 0.8\n",
            "gates.yaml:4:5: unknown key \"minimum\" in a threshold gate; did you mean \"min\"?"
        ),
        (
            "gates:\n  - type: threshold\n    metric: accuracy\n",
            "gates.yaml:2:5: a threshold gate needs `min` or `max`"
        ),
        (
            "gates:\n  - type: threshold\n    min: 0.8\n",
            "gates.yaml:2:5: a threshold gate needs `metric`"
        ),
        (
            "gates:\n  - type: memory\n    max_mb: lots\n",
            "gates.yaml:3:13: `max_mb` is \"lots\"; expected a number such as 0.85 or 1%"
        ),
        (
            "gates:\n  - type: memory\n    max_mb: 1\n  - type: memory\n    max_mb: 2\n",
            "gates.yaml:4:5: two gates are named 'memory' (the first on line 2); give each a unique `name`"
        ),
        (
            "gates:\n  - type: [threshold\n",
            "gates.yaml:3:1: this is not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 2, column 11)"
        ),
        ("", "gates.yaml:1: the gate configuration is empty; expected a `gates:` list"),
        (
            "gates:\n  - name: f1-floor\n    type: threshold\n    metric: F1\n    min: 0.5\n",
            "gates.yaml:4:13: unknown metric \"F1\"; an evaluation measures accuracy, precision, recall, f1, roc_auc, rmse, mae or r2 (did you mean 'f1'?)"
        ),
        (
            "gates:\n  - type: no_regression\n    metric: acuracy\n",
            "gates.yaml:3:13: unknown metric \"acuracy\"; an evaluation measures accuracy, precision, recall, f1, roc_auc, rmse, mae or r2 (did you mean 'accuracy'?)"
        ),
    ])
    func badConfigurationsAreLocated(text: String, message: String) {
        #expect(throws: (any Error).self) { try GateConfigLoader.parse(text, file: "gates.yaml") }
        do {
            _ = try GateConfigLoader.parse(text, file: "gates.yaml")
        } catch let error as LabError {
            #expect(error.description == message)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

@Suite struct GateSkippingTests {
    @Test(arguments: [
        Gate.Check.schema(columns: ["tenure"], types: [:]),
        .threshold(metric: "accuracy", min: 0.5, max: nil),
        .noRegression(metric: "accuracy", absolute: 0.01, relative: nil),
        .latency(p95: 1000, p99: nil),
        .memory(maxMegabytes: 4096),
        .fairness(slice: "region", minParityRatio: 0.5, maxOddsDifference: nil),
        .shadow(minAgreement: 0.5),
    ])
    func everyKindOfGateIsSkippedAfterAFailedRequiredGate(check: Gate.Check) {
        let evidence = GateEvidence(
            metrics: ["accuracy": 0.7], latencyMs: ["p95": 5], peakMemoryMb: 50, columns: ["tenure": .integer],
            fairness: ["region": ["demographic_parity_ratio": 0.9]], championMetrics: ["accuracy": 0.7],
            championVersion: 1, shadowAgreement: 0.99)
        let gates = [
            Gate(name: "floor", check: .threshold(metric: "accuracy", min: 0.9, max: nil)),
            Gate(name: "later", check: check),
        ]
        // On its own the later gate passes: it is skipped only because of the failure before it.
        #expect(GateEvaluator.evaluate([gates[1]], evidence: evidence).results[0].status == .passed)
        let report = GateEvaluator.evaluate(gates, evidence: evidence)
        #expect(report.results[1].status == .skipped)
        #expect(report.results[1].message == "not evaluated: required gate 'floor' failed")
    }
}
