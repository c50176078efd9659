import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// Behavioural test verdicts against an independent recomputation.
///
/// The models are `Fixtures/behaviour/*.json`, written by `cicdlab train` on the customers and
/// diabetes fixtures; the reference values are printed by
/// `/tmp/wtb-venv/bin/python Tests/PipelineEngineTests/References/behavioural_tests.py`,
/// which predicts from the models' JSON weights with numpy and changes the data with pandas.
@Suite struct BehaviouralTestRunnerTests {
    /// The tests of `spec` run on a fixture model and data file.
    static func run(_ spec: String, model: String, data: String?) throws -> BehaviouralReport {
        let tests = try BehaviouralSpecReader.parse(spec, file: "tests.yaml")
        let trained = try TrainedModel.load(from: TestTables.fixturePath("behaviour/" + model))
        let table = try data.map { try CSVReader.read(file: TestTables.fixturePath($0), named: $0) }
        return try BehaviouralTestRunner(model: trained, data: table, specFile: "tests.yaml").run(tests)
    }

    static func customers(_ spec: String) throws -> BehaviouralReport {
        try run(spec, model: "customers-logistic.json", data: "customers-test.csv")
    }

    static func diabetes(_ spec: String) throws -> BehaviouralReport {
        try run(spec, model: "diabetes-linear.json", data: "diabetes-test.csv")
    }

    struct Expected: Sendable, CustomTestStringConvertible {
        var spec: String
        var tested: Int
        var failing: Int
        var rate: Double
        var lines: [Int]
        var testDescription: String { spec.split(separator: "\n").first.map(String.init) ?? spec }
    }

    /// Reference: the lines of behavioural_tests.py named in each comment.
    static let classifierCases: [Expected] = [
        // swap region north/south: tested=105 failing=1 rate=0.009523809523809525 lines=[57]
        Expected(
            spec: "- {name: t, type: invariance, column: region, swap: [north, south]}",
            tested: 105, failing: 1, rate: 0.009523809523809525, lines: [57]),
        // set premium true: tested=200 failing=3 rate=0.015 lines=[31, 121, 168]
        Expected(
            spec: "- {name: t, type: invariance, column: premium, set: \"true\"}",
            tested: 200, failing: 3, rate: 0.015, lines: [31, 121, 168]),
        // perturb tenure 0.3: tested=185 failing=4 rate=0.021621621621621623 lines=[57, 121, 168, 170]
        Expected(
            spec: "- {name: t, type: invariance, column: tenure, perturb: 0.3}",
            tested: 185, failing: 4, rate: 0.021621621621621623, lines: [57, 121, 168, 170]),
        // perturb visits 0.01: tested=200 failing=1 rate=0.005 lines=[57]
        Expected(
            spec: "- {name: t, type: invariance, column: visits, perturb: 0.01}",
            tested: 200, failing: 1, rate: 0.005, lines: [57]),
        // perturb spend 0.01: tested=200 failing=0 rate=0.0 lines=[]
        Expected(
            spec: "- {name: t, type: invariance, column: spend, perturb: 0.01}",
            tested: 200, failing: 0, rate: 0, lines: []),
        // tickets +1 not_decrease P(1): tested=200 failing=0 rate=0.0 lines=[]
        Expected(
            spec: "- {name: t, type: directional, column: tickets, delta: 1, class: \"1\", expect: not_decrease}",
            tested: 200, failing: 0, rate: 0, lines: []),
        // tickets +1 not_increase P(1): tested=200 failing=200 rate=1.0 lines=[2, 3, 4, 5, 6]
        Expected(
            spec: "- {name: t, type: directional, column: tickets, delta: 1, class: \"1\", expect: not_increase}",
            tested: 200, failing: 200, rate: 1, lines: [2, 3, 4, 5, 6]),
        // tenure +0.5 not_decrease P(1): tested=185 failing=0 rate=0.0 lines=[]
        Expected(
            spec: "- {name: t, type: directional, column: tenure, delta: 0.5, class: \"1\", expect: not_decrease}",
            tested: 185, failing: 0, rate: 0, lines: []),
    ]

    static let regressionCases: [Expected] = [
        // regression perturb bmi 0.5: tested=111 failing=111 rate=1.0 lines=[2, 3, 4, 5, 6]
        Expected(
            spec: "- {name: t, type: invariance, column: bmi, perturb: 0.5}",
            tested: 111, failing: 111, rate: 1, lines: [2, 3, 4, 5, 6]),
        // regression swap sex 1/2: tested=111 failing=111 rate=1.0 lines=[2, 3, 4, 5, 6]
        Expected(
            spec: "- {name: t, type: invariance, column: sex, swap: [1, 2]}",
            tested: 111, failing: 111, rate: 1, lines: [2, 3, 4, 5, 6]),
        // regression set s3 50: tested=111 failing=108 rate=0.972972972972973 lines=[2, 4, 5, 6, 7]
        Expected(
            spec: "- {name: t, type: invariance, column: s3, set: 50}",
            tested: 111, failing: 108, rate: 0.972972972972973, lines: [2, 4, 5, 6, 7]),
        // regression bmi +1 not_decrease: tested=111 failing=0 rate=0.0 lines=[]
        Expected(
            spec: "- {name: t, type: directional, column: bmi, delta: 1, expect: not_decrease}",
            tested: 111, failing: 0, rate: 0, lines: []),
        // regression s1 +1 not_decrease: tested=111 failing=111 rate=1.0 lines=[2, 3, 4, 5, 6]
        Expected(
            spec: "- {name: t, type: directional, column: s1, delta: 1, expect: not_decrease}",
            tested: 111, failing: 111, rate: 1, lines: [2, 3, 4, 5, 6]),
    ]

    static func check(_ result: BehaviouralTestResult, _ expected: Expected) {
        #expect(result.rowsTested == expected.tested)
        #expect(result.failingRows == expected.failing)
        #expect(result.failureRate == expected.rate)
        #expect(result.failures.map(\.line) == expected.lines)
        #expect(result.passed == (expected.failing == 0))
    }

    @Test(arguments: classifierCases)
    func classifierFailureRatesEqualTheReference(_ expected: Expected) throws {
        Self.check(try Self.customers(expected.spec).results[0], expected)
    }

    @Test(arguments: regressionCases)
    func regressionFailureRatesEqualTheReference(_ expected: Expected) throws {
        Self.check(try Self.diabetes(expected.spec).results[0], expected)
    }

    @Test func aFailingDirectionalRowShowsTheWatchedProbabilityBeforeAndAfter() throws {
        let report = try Self.customers(
            "- {name: t, type: directional, column: tickets, delta: 1, class: \"1\", expect: not_increase}")
        let first = try #require(report.results[0].failures.first)
        // first failing line 2: before=0.059885321291774145 after=0.10806904543463748
        #expect(abs((Double(first.before ?? "") ?? 0) - 0.059885321291774145) < 1e-12)
        #expect(abs((Double(first.after) ?? 0) - 0.10806904543463748) < 1e-12)
        #expect(report.results[0].failures.count == BehaviouralTestResult.maxListedFailures)
    }

    @Test func aPerturbedRowSaysWhichWayItMoved() throws {
        let report = try Self.customers("- {name: t, type: invariance, column: visits, perturb: 0.01}")
        let row = try #require(report.results[0].failures.first)
        #expect(row.line == 57)
        #expect(row.change == "+0.01" || row.change == "-0.01")
        #expect(row.before != row.after)
    }

    @Test func mostlyForgivesUpToItsShareOfRows() throws {
        // 1 of 105 rows fails the swap: 104/105 = 0.9905 keeps to mostly 0.99, not to 0.995.
        let spec = """
            - {name: loose, type: invariance, column: region, swap: [north, south], mostly: 0.99}
            - {name: strict, type: invariance, column: region, swap: [north, south], mostly: 0.995}
            """
        let report = try Self.customers(spec)
        #expect(report.results.map(\.passed) == [true, false])
        #expect(!report.passed)
    }

    @Test func anAdvisoryFailureDoesNotFailTheReport() throws {
        let report = try Self.customers(
            "- {name: t, type: invariance, column: premium, set: \"true\", required: false}")
        #expect(!report.results[0].passed)
        #expect(report.passed)
    }

    @Test func minimumRowsGetTheLabelsTheReferencePredicts() throws {
        // minimum rows predicted ['1', '0', '0']: the first two listed as expected, the third not.
        let spec = """
            - name: obvious
              type: minimum
              rows:
                - {tenure: 3, spend: 0, visits: 0, tickets: -2, discount: 1, region: east, premium: "false", expect: "1"}
                - {tenure: -3, spend: 0, visits: 0, tickets: 3, discount: -1, region: west, premium: "true", expect: "0"}
                - {tenure: 0, spend: 0, visits: 0, tickets: 0, discount: 0, region: north, premium: "false", expect: "1"}
            """
        let result = try Self.run(spec, model: "customers-logistic.json", data: nil).results[0]
        #expect(result.rowsTested == 3)
        #expect(result.failingRows == 1)
        #expect(result.failures == [FailingExample(line: 6, after: "0", expected: "1")])
        #expect(!result.passed)
    }

    @Test func aSwapThatMatchesNoRowTestsNothingAndFails() throws {
        let result = try Self.customers("- {name: t, type: invariance, column: region, swap: [mars, venus]}")
            .results[0]
        #expect(result.rowsTested == 0)
        #expect(!result.passed)
        #expect(result.note == "no row of column 'region' holds a value the test changes")
    }

    @Test(arguments: [
        (
            "- {name: t, type: invariance, column: regoin, set: east}",
            "tests.yaml:1:39: 'regoin' is not a feature of the model; did you mean 'region'?"
        ),
        (
            "- {name: t, type: invariance, column: tenure, set: long}",
            "tests.yaml:1:52: `set` is 'long', which column 'tenure' (double) cannot hold"
        ),
        (
            "- {name: t, type: invariance, column: region, perturb: 1}",
            "tests.yaml:1:39: `perturb` moves a number, but column 'region' holds string values"
        ),
        (
            "- {name: t, type: directional, column: region, delta: 1, class: \"1\", expect: not_decrease}",
            "tests.yaml:1:40: a directional test moves a number, but 'region' is not a numeric feature of the model"
        ),
        (
            "- {name: t, type: directional, column: tickets, delta: 1, class: yes, expect: not_decrease}",
            "tests.yaml:1:66: the model has no class 'yes'; its classes are 0, 1"
        ),
        (
            "- {name: t, type: directional, column: tickets, delta: 1, expect: not_decrease}",
            "tests.yaml:1: test 't' needs `class`: the class whose probability must not fall (one of 0, 1)"
        ),
        (
            "- name: t\n  type: minimum\n  rows:\n    - {tenure: 1, spend: 0, expect: \"1\"}\n",
            "tests.yaml:4: the row on line 4 has no value for 'visits', 'tickets', 'discount', 'region' and 'premium'; a row needs every feature of the model"
        ),
        (
            "- name: t\n  type: minimum\n  rows:\n    - {tenure: x, spend: 0, visits: 0, tickets: 0, discount: 0, region: east, premium: \"true\", expect: \"1\"}\n",
            "tests.yaml:4:16: 'tenure' is 'x' on line 4; the model reads a number there"
        ),
        (
            "- name: t\n  type: minimum\n  rows:\n    - {tenure: 1, spend: 0, visits: 0, tickets: 0, discount: 0, region: east, premium: \"true\", expect: maybe}\n",
            "tests.yaml:4:104: the model has no class 'maybe'; its classes are 0, 1"
        ),
    ])
    func problemsFoundAgainstTheModelNameTheirPlace(spec: String, message: String) throws {
        do {
            _ = try Self.customers(spec)
            Issue.record("expected an error: \(message)")
        } catch let error as LabError {
            #expect(error.description == message)
            #expect(error.code.rawValue.hasPrefix("behaviour."))
        }
    }

    @Test(arguments: [
        (
            "- {name: t, type: directional, column: bmi, delta: 1, class: \"1\", expect: not_decrease}",
            "tests.yaml:1:62: `class` is for classifiers; this model predicts a number, whose value is watched"
        ),
        (
            "- {name: t, type: minimum, rows: [{bmi: 1, expect: \"1\"}]}",
            "tests.yaml:1: test 't' expects labels, but this model predicts a number"
        ),
    ])
    func aRegressionModelRefusesWhatOnlyClassifiersHave(spec: String, message: String) throws {
        do {
            _ = try Self.diabetes(spec)
            Issue.record("expected an error: \(message)")
        } catch let error as LabError {
            #expect(error.description == message)
        }
    }

    @Test func rowChangingTestsNeedData() throws {
        let spec = """
            - name: obvious
              type: minimum
              rows:
                - {tenure: 3, spend: 0, visits: 0, tickets: -2, discount: 1, region: east, premium: "false", expect: "1"}
            - name: regions
              type: invariance
              column: region
              swap: [north, south]
            """
        do {
            _ = try Self.run(spec, model: "customers-logistic.json", data: nil)
            Issue.record("expected an error")
        } catch let error as LabError {
            #expect(
                error.description
                    == "tests.yaml:5: test 'regions' (invariance) changes rows of data: pass --data DATA.csv")
            #expect(error.code.rawValue == "behaviour.missing_key")
        }
    }
}
