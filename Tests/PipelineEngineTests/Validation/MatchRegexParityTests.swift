import Foundation
import Testing

@testable import PipelineEngine

/// `match_regex` as Great Expectations runs it: Python's `re.search` on pandas' `str()` of each
/// value.
///
/// Every expected result here was computed with Python 3's `re` and `repr`.
@Suite struct MatchRegexParityTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var pattern: String
        var text: String
        var python: Bool
        var testDescription: String { "\(pattern.debugDescription) on \(text.debugDescription)" }
    }

    static let cases: [Case] = [
        Case(pattern: "a.b", text: "a\rb", python: true),
        Case(pattern: "a.b", text: "a\nb", python: false),
        Case(pattern: "^ab$", text: "ab\n", python: true),
        Case(pattern: "^ab$", text: "ab\r", python: false),
        Case(pattern: #"^\w+$"#, text: "cafe\u{301}", python: false),
        Case(pattern: #"^\w+$"#, text: "caf\u{E9}", python: true),
        Case(pattern: #"\W"#, text: "cafe\u{301}", python: true),
        Case(pattern: "[[:digit:]]", text: "5", python: false),
        Case(pattern: "[[:digit:]]", text: "d]", python: true),
        Case(pattern: #"ab\Z"#, text: "ab\n", python: false),
        Case(pattern: "[]a]", text: "]", python: true),
        Case(pattern: "[^]a]", text: "b", python: true),
        Case(pattern: "[a&&b]", text: "&", python: true),
        Case(pattern: #"[\w-]+$"#, text: "x-\u{301}", python: false),
    ]

    @Test(arguments: cases)
    func matchesAsPythonsRe(_ example: Case) throws {
        let regex = try PythonRegex.compile(example.pattern)
        let text = example.text
        #expect((regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil) == example.python)
    }

    @Test func translationRewritesOnlyWhatDiffers() {
        #expect(PythonRegex.translate(#"^[A-Z]{2}\d+$"#) == #"^[A-Z]{2}\d+$"#)
        #expect(PythonRegex.translate(#"\w[\w-]\W\\w"#) == #"[\p{L}\p{N}_][\p{L}\p{N}_-][^\p{L}\p{N}_]\\w"#)
        #expect(PythonRegex.translate("[[:digit:]]") == #"[\[:digit:]]"#)
    }

    /// `repr(float)` in Python 3 for each value.
    @Test func floatsAreWrittenAsPythonsRepr() {
        let expected: [(Double, String)] = [
            (1.0, "1.0"), (0.5, "0.5"), (1e16, "1e+16"), (9.1e15, "9100000000000000.0"), (1e-5, "1e-05"),
            (0.0001, "0.0001"), (123456789.125, "123456789.125"), (-2.5, "-2.5"), (1e22, "1e+22"),
            (Double.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
            (0.1 + 0.2, "0.30000000000000004"), (100.0, "100.0"), (-0.0, "-0.0"),
            (12345678901234567.0, "1.2345678901234568e+16"),
        ]
        for (value, text) in expected { #expect(PandasText.pythonFloat(value) == text) }
    }

    /// pandas holds an integer column with a null as float64, so its values read `1.0`.
    @Test func numbersAreMatchedAsPandasWritesThem() throws {
        let table = try CSVReader.parse("n,m,f,b\n1,1,1.0,true\n2,,2.5,false\n", source: "t.csv")
        func unexpected(_ column: String, _ regex: String) throws -> Int? {
            let suite = try ExpectationSuite.parse(
                yaml: "expectations:\n  - {expect: match_regex, column: \(column), regex: '\(regex)'}\n",
                source: "s.yaml")
            return try #require(suite.validate(table).results.first).unexpectedCount
        }
        #expect(try unexpected("n", "^1$") == 1, "an integer column without nulls: '1', '2'")
        #expect(try unexpected("m", "^1$") == 1, "with a null it is float64: '1.0'")
        #expect(try unexpected("m", #"^1\.0$"#) == 0)
        #expect(try unexpected("f", #"^\d\.\d$"#) == 0, "'1.0', '2.5'")
        #expect(try unexpected("b", "^True$") == 1, "booleans are 'True' and 'False'")
    }
}
