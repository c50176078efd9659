import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// A suite that must not load, and the error it must give.
struct BadSuite: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var code: String
    var line: Int
    var column: Int
    var message: String

    var testDescription: String { name }
}

@Suite struct SuiteLoadingTests {
    static let cases: [BadSuite] = [
        .init(
            name: "unknown expectation", yaml: "expectations:\n  - expect: not_nul\n    column: tenure\n",
            code: "suite.unknown_expectation", line: 2, column: 13,
            message: "unknown expectation 'not_nul'. Did you mean 'not_null'?"),
        .init(
            name: "unknown argument", yaml: "expectations:\n  - expect: between\n    column: tenure\n    maxx: 5\n",
            code: "suite.unknown_argument", line: 4, column: 5,
            message: "unknown argument 'maxx' for between. Did you mean 'max'?"),
        .init(
            name: "mostly on a whole-column check",
            yaml: "expectations:\n  - expect: mean_between\n    column: tenure\n    min: 1\n    mostly: 0.9\n",
            code: "suite.unknown_argument", line: 5, column: 5,
            message: "unknown argument 'mostly' for mean_between: 'mostly' applies to checks of each value; "
                + "mean_between checks the data as a whole"),
        .init(
            name: "missing values", yaml: "expectations:\n  - expect: in_set\n    column: plan\n",
            code: "suite.missing_argument", line: 2, column: 5,
            message: "in_set needs 'values', e.g. 'values: [0, 1]'"),
        .init(
            name: "missing bounds", yaml: "expectations:\n  - expect: between\n    column: tenure\n",
            code: "suite.missing_argument", line: 2, column: 5, message: "between needs 'min', 'max' or both"),
        .init(
            name: "missing column", yaml: "expectations:\n  - expect: not_null\n",
            code: "suite.missing_argument", line: 2, column: 5,
            message: "not_null needs 'column', e.g. 'column: tenure'"),
        .init(
            name: "number expected", yaml: "expectations:\n  - expect: between\n    column: tenure\n    min: abc\n",
            code: "suite.wrong_type", line: 4, column: 10, message: "'min' of between must be a number, found 'abc'"),
        .init(
            name: "quoted number", yaml: "expectations:\n  - expect: between\n    column: tenure\n    min: '5'\n",
            code: "suite.wrong_type", line: 4, column: 10,
            message: "'min' of between must be a number, found '5' in quotes, which makes it text (remove the quotes)"),
        .init(
            name: "mostly above 1", yaml: "expectations:\n  - expect: not_null\n    column: tenure\n    mostly: 1.5\n",
            code: "suite.invalid_value", line: 4, column: 13, message: "'mostly' must be between 0 and 1, found 1.5"),
        .init(
            name: "min above max",
            yaml: "expectations:\n  - expect: between\n    column: tenure\n    min: 10\n    max: 5\n",
            code: "suite.invalid_value", line: 4, column: 10, message: "'min' (10) is greater than 'max' (5)"),
        .init(
            name: "invalid regex", yaml: "expectations:\n  - expect: match_regex\n    column: email\n    regex: '(['\n",
            code: "suite.invalid_value", line: 4, column: 12,
            message:
                "'([' is not a valid regular expression (Python re syntax, as Great Expectations reads it; numbers are matched as pandas writes them, 1.0 for a float)"
        ),
        .init(
            name: "YAML syntax", yaml: "expectations:\n  - expect: between\n    column: [tenure\n",
            code: "suite.yaml_syntax", line: 4, column: 1,
            message: "this is not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence that "
                + "starts at line 3, column 13)"),
        .init(
            name: "unknown top-level key", yaml: "expectation:\n  - expect: not_null\n",
            code: "suite.unknown_key", line: 1, column: 1,
            message: "unknown key 'expectation' at the top of the suite. Did you mean 'expectations'?"),
        .init(
            name: "no expect", yaml: "expectations:\n  - column: tenure\n", code: "suite.missing_argument", line: 2,
            column: 5, message: "this expectation has no 'expect:' naming its kind, e.g. 'expect: not_null'"),
        .init(
            name: "expectations not a list", yaml: "expectations: not_null\n", code: "suite.wrong_type", line: 1,
            column: 15, message: "'expectations' must be a list (items start with '- '), found 'not_null'"),
        .init(
            name: "duplicate key",
            yaml: "expectations:\n  - expect: between\n    column: a\n    min: 1\n    min: 2\n",
            code: "suite.duplicate_key", line: 4, column: 5, message: "the key \"min\" appears twice in one mapping"),
        .init(
            name: "strict without its bound",
            yaml: "expectations:\n  - expect: between\n    column: a\n    max: 1\n    strict_min: true\n",
            code: "suite.invalid_value", line: 5, column: 17,
            message: "'strict_min' has no bound to apply to; add 'min'"),
        .init(
            name: "empty file", yaml: "", code: "suite.empty", line: 1, column: 1,
            message: "the suite is empty; expected 'expectations:' followed by a list"),
        .init(
            name: "empty list", yaml: "expectations: []\n", code: "suite.empty", line: 1, column: 15,
            message: "'expectations' is an empty list"),
        .init(
            name: "negative row count", yaml: "expectations:\n  - expect: row_count_between\n    min_rows: -1\n",
            code: "suite.wrong_type", line: 3, column: 15,
            message: "'min_rows' of row_count_between must be a whole number, 0 or more, found '-1'"),
        .init(
            name: "strict not a boolean",
            yaml: "expectations:\n  - expect: between\n    column: a\n    min: 1\n    strict_min: 1\n",
            code: "suite.wrong_type", line: 5, column: 17,
            message: "'strict_min' of between must be true or false, found '1'"),
        .init(
            name: "values not a list", yaml: "expectations:\n  - expect: in_set\n    column: a\n    values: basic\n",
            code: "suite.wrong_type", line: 4, column: 13,
            message: "'values' of in_set must be a list such as [a, b], found 'basic'"),
        .init(
            name: "ratio above 1", yaml: "expectations:\n  - expect: class_balance\n    column: a\n    min_ratio: 2\n",
            code: "suite.invalid_value", line: 4, column: 16, message: "'min_ratio' must be between 0 and 1, found 2"),
        .init(
            name: "item not a mapping", yaml: "expectations:\n  - not_null\n", code: "suite.shape", line: 2, column: 5,
            message: "each expectation must be a mapping such as 'expect: not_null', found 'not_null'"),
        .init(
            name: "top level not a mapping", yaml: "- expect: not_null\n", code: "suite.shape", line: 1, column: 1,
            message: "expected a mapping with 'expectations:' at the top, found a list"),
    ]

    @Test(arguments: cases)
    func badSuitesNameFileLineAndColumn(_ example: BadSuite) {
        let expected = LabError(
            .init(example.code), example.message, file: "suite.yaml", line: example.line,
            column: example.column)
        #expect(throws: expected) { try ExpectationSuite.parse(yaml: example.yaml, source: "suite.yaml") }
    }

    @Test func readsTheDesignsExampleSuite() throws {
        let suite = try ExpectationSuite.parse(
            yaml: """
                name: churn
                expectations:
                  - expect: columns_exist
                    columns: [tenure, plan, churned]
                  - expect: between          # also: min only, max only, strict_min, strict_max
                    column: tenure
                    min: 0
                    max: 120
                    mostly: 0.99
                  - expect: in_set
                    column: churned
                    values: [0, 1]
                  - expect: class_balance
                    column: churned
                    min_ratio: 0.1
                """, source: "suite.yaml")
        #expect(suite.name == "churn")
        #expect(suite.expectations.map(\.kind) == [.columnsExist, .between, .inSet, .classBalance])
        #expect(suite.expectations.map(\.line) == [3, 5, 10, 13])
        #expect(suite.expectations[1].mostly == 0.99)
        guard case .between(let bounds) = suite.expectations[1].check else {
            Issue.record("not between")
            return
        }
        #expect(bounds == Bounds(min: 0, max: 120))
    }

    @Test func nullBoundsCountAsLeftOut() throws {
        let suite = try ExpectationSuite.parse(
            yaml: "expectations:\n  - expect: between\n    column: a\n    min: ~\n    max: 3\n", source: "s.yaml")
        guard case .between(let bounds) = suite.expectations[0].check else {
            Issue.record("not between")
            return
        }
        #expect(bounds == Bounds(max: 3))
    }

    @Test func loadingAMissingFileSaysSo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/none.yaml"
        #expect(throws: LabError("file.not_found", "no such file", file: path)) {
            try ExpectationSuite.load(file: path)
        }
        let good = try dir.write("ok.yaml", "expectations:\n  - expect: not_null\n    column: a\n")
        #expect(try ExpectationSuite.load(file: good).source == good)
    }
}
