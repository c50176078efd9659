/// What `model test` found: each test's verdict, failure rate and first failing rows.
package struct BehaviouralReport: Sendable, Encodable {
    package var results: [BehaviouralTestResult]
    /// False when a required test failed: the model does not behave as specified.
    package var passed: Bool

    package init(results: [BehaviouralTestResult]) {
        self.results = results
        passed = results.allSatisfy { $0.passed || !$0.required }
    }
}

/// One test's verdict.
package struct BehaviouralTestResult: Sendable, Encodable {
    /// The most failing rows a result lists.
    package static let maxListedFailures = 5

    package var name: String
    package var type: String
    package var required: Bool
    package var passed: Bool
    /// The rows the test changed or listed.
    package var rowsTested: Int
    /// The rows whose prediction broke the expectation.
    package var failingRows: Int
    /// `failingRows / rowsTested` (0 when nothing was tested).
    package var failureRate: Double
    /// The share of rows that must keep to the expectation (1 for a minimum test).
    package var mostly: Double
    /// The first failing rows, at most ``maxListedFailures``.
    package var failures: [FailingExample]
    /// Why a test that tested no rows failed.
    package var note: String?
}

/// A row whose prediction broke a test's expectation.
package struct FailingExample: Sendable, Encodable, Equatable {
    /// The data file's line for a row of `--data`, the spec's line for a listed row.
    package var line: Int
    /// The prediction before the change (label, value, or the watched class's probability).
    package var before: String?
    /// The prediction after the change, or for a listed row the prediction it got.
    package var after: String
    /// The label a listed row had to get.
    package var expected: String?
    /// Which way a perturbed value moved (`+0.5`, `-0.5`).
    package var change: String?
}

extension BehaviouralTestResult {
    /// The verdict on `tested` rows of which `failing` broke the expectation, passing when at
    /// least `mostly` of them kept to it.
    init(_ test: BehaviouralTest, tested: Int, failing: [FailingExample], mostly: Double, note: String? = nil) {
        name = test.name
        type = test.type
        required = test.required
        rowsTested = tested
        failingRows = failing.count
        failureRate = tested > 0 ? Double(failing.count) / Double(tested) : 0
        self.mostly = mostly
        failures = Array(failing.prefix(Self.maxListedFailures))
        passed = tested > 0 && Double(tested - failing.count) / Double(tested) >= mostly - 1e-12
        self.note = tested > 0 ? nil : (note ?? "no rows to test")
    }
}
