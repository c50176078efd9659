import Foundation
import Testing

@testable import PipelineEngine

/// One per-value expectation and the Great Expectations result for it, from
/// References/validation.py.
struct PerValueCase: CustomTestStringConvertible, Sendable {
    var yaml: String
    var success: Bool
    var elementCount: Int
    var unexpected: Int
    var percent: Double
    var rows: [Int]

    var testDescription: String { yaml.replacingOccurrences(of: "\n", with: " ") }
}

@Suite struct ValidationTests {
    static let csv = """
        id,tenure,plan,churned,email,zip:string,charges
        1,12,basic,0,ann@example.com,02134,29.85
        2,,pro,0,bob@example.com,10001,56.95
        3,80,basic,1,cy@mail.org,9021,53.85
        4,5,gold,0,dee@example.com,60601,42.30
        5,0,basic,0,eve(at)example.com,02134,70.70
        5,0,basic,0,eve(at)example.com,02134,70.70
        7,72,pro,1,fay@example.com,30301,89.10
        8,-1,,0,gus@example.com,94105,29.75
        9,33,premium,0,hal@example.com,,104.80
        10,,pro,1,ivy@example.com,73301,56.15
        11,24,basic,0,jo@example.com,02134,
        12,60,silver,0,kim@example.com,123456,18.95

        """

    static let table = try! CSVReader.parse(csv, source: "churn.csv")

    static func run(_ expectationYAML: String) throws -> ExpectationResult {
        let indented = expectationYAML.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        let suite = try ExpectationSuite.parse(yaml: "expectations:\n  -\n" + indented + "\n", source: "suite.yaml")
        return try #require(suite.validate(table).results.first)
    }

    static let perValueCases: [PerValueCase] = [
        .init(
            yaml: "expect: not_null\ncolumn: tenure", success: false, elementCount: 12, unexpected: 2,
            percent: 16.666666666666664, rows: [2, 10]),
        .init(
            yaml: "expect: not_null\ncolumn: tenure\nmostly: 0.8", success: true, elementCount: 12, unexpected: 2,
            percent: 16.666666666666664, rows: [2, 10]),
        .init(
            yaml: "expect: not_null\ncolumn: tenure\nmostly: 0.9", success: false, elementCount: 12, unexpected: 2,
            percent: 16.666666666666664, rows: [2, 10]),
        .init(
            yaml: "expect: between\ncolumn: tenure\nmin: 0\nmax: 72", success: false, elementCount: 10,
            unexpected: 2, percent: 20, rows: [3, 8]),
        .init(
            yaml: "expect: between\ncolumn: tenure\nmin: 0\nmax: 72\nmostly: 0.8", success: true, elementCount: 10,
            unexpected: 2, percent: 20, rows: [3, 8]),
        .init(
            yaml: "expect: between\ncolumn: tenure\nmin: 0\nmax: 72\nstrict_min: true\nstrict_max: true",
            success: false, elementCount: 10, unexpected: 5, percent: 50, rows: [3, 5, 6, 7, 8]),
        .init(
            yaml: "expect: between\ncolumn: tenure\nmin: 0", success: false, elementCount: 10, unexpected: 1,
            percent: 10, rows: [8]),
        .init(
            yaml: "expect: between\ncolumn: tenure\nmax: 72\nstrict_max: true", success: false, elementCount: 10,
            unexpected: 2, percent: 20, rows: [3, 7]),
        .init(
            yaml: "expect: in_set\ncolumn: plan\nvalues: [basic, pro, premium]", success: false, elementCount: 11,
            unexpected: 2, percent: 18.181818181818183, rows: [4, 12]),
        .init(
            yaml: "expect: in_set\ncolumn: churned\nvalues: [0, 1]", success: true, elementCount: 12,
            unexpected: 0, percent: 0, rows: []),
        .init(
            yaml: "expect: unique\ncolumn: id", success: false, elementCount: 12, unexpected: 2,
            percent: 16.666666666666664, rows: [5, 6]),
        .init(
            yaml: "expect: match_regex\ncolumn: email\nregex: '@example\\.com'", success: false,
            elementCount: 12, unexpected: 3, percent: 25, rows: [3, 5, 6]),
        .init(
            yaml: "expect: match_regex\ncolumn: email\nregex: '^[a-z]+@'\nmostly: 0.9", success: false,
            elementCount: 12, unexpected: 2, percent: 16.666666666666664, rows: [5, 6]),
        .init(
            yaml: "expect: length_between\ncolumn: zip\nmin_length: 5\nmax_length: 5", success: false,
            elementCount: 11, unexpected: 2, percent: 18.181818181818183, rows: [3, 12]),
    ]

    @Test(arguments: perValueCases)
    func perValueExpectationsMatchGreatExpectations(_ example: PerValueCase) throws {
        let result = try Self.run(example.yaml)
        #expect(result.success == example.success)
        #expect(result.elementCount == example.elementCount)
        #expect(result.unexpectedCount == example.unexpected)
        #expect(close(result.unexpectedPercent, example.percent))
        #expect(result.examples.map(\.row) == example.rows)
        #expect(result.examples.map(\.line) == example.rows.map { $0 + 1 })
    }

    @Test func betweenMessageSaysHowManyWhereAndWhatMostlyNeeds() throws {
        let result = try Self.run("expect: between\ncolumn: tenure\nmin: 0\nmax: 72\nmostly: 0.85")
        #expect(
            result.message == "tenure: 2 of 10 non-null values (20%) outside [0, 72]; 80% pass, mostly 0.85 needs 85%")
        #expect(result.observedValue == .object(["min": .number(-1), "max": .number(80)]))
        #expect(result.examples.map(\.value) == ["80", "-1"])
        #expect(!result.success)
    }

    @Test func inSetListsTheUnexpectedValuesWithCounts() throws {
        let result = try Self.run("expect: in_set\ncolumn: plan\nvalues: [basic, pro, premium]")
        #expect(
            result.observedValue
                == .list([
                    .object(["value": .text("gold"), "count": .integer(1)]),
                    .object(["value": .text("silver"), "count": .integer(1)]),
                ]))
        #expect(result.message == "plan: 2 of 11 non-null values (18.18%) not in [basic, pro, premium]")
    }

    @Test func inSetMatchesNumbersWrittenAsTextAndBooleansInAnyCase() throws {
        #expect(try Self.run("expect: in_set\ncolumn: churned\nvalues: ['0', '1']").success)
        let table = try CSVReader.parse("flag\ntrue\nFALSE\n", source: "f.csv")
        let suite = try ExpectationSuite.parse(
            yaml: "expectations:\n  - expect: in_set\n    column: flag\n    values: [True, 'false']\n", source: "s.yaml"
        )
        #expect(suite.validate(table).success)
    }

    @Test func passingPerValueCheckSaysAllValuesPass() throws {
        let result = try Self.run("expect: in_set\ncolumn: churned\nvalues: [0, 1]")
        #expect(result.message == "churned: all 12 non-null values in [0, 1]")
        #expect(result.observedValue == .list([]))
    }

    @Test func aggregateExpectationsMatchPandas() throws {
        let mean = try Self.run("expect: mean_between\ncolumn: charges\nmin: 50\nmax: 60")
        #expect(mean.success)
        guard case .number(let observedMean) = mean.observedValue else {
            Issue.record("no mean")
            return
        }
        #expect(close(observedMean, 56.64545454545455))
        #expect(mean.message == "charges: mean 56.6455; expected between 50 and 60")

        let std = try Self.run("expect: stdev_between\ncolumn: charges\nmax: 26.16\nstrict_max: true")
        #expect(!std.success)
        guard case .number(let observedStd) = std.observedValue else {
            Issue.record("no std")
            return
        }
        #expect(close(observedStd, 26.16003110228899))
        #expect(std.message == "charges: standard deviation 26.16; expected less than 26.16")

        let rows = try Self.run("expect: row_count_between\nmin_rows: 10\nmax_rows: 30")
        #expect(rows.success && rows.observedValue == .integer(12))
        #expect(try !Self.run("expect: row_count_between\nmax_rows: 11").success)
    }

    @Test func classBalanceIsLeastOverMostFrequentClass() throws {
        let result = try Self.run("expect: class_balance\ncolumn: churned\nmin_ratio: 0.5")
        #expect(!result.success)
        #expect(result.observedValue == .number(0.3333333333333333))
        #expect(
            result.message
                == "churned: least frequent class '1' (3) / most frequent '0' (9) = 0.333333; expected at least 0.5")
        #expect(try Self.run("expect: class_balance\ncolumn: churned\nmin_ratio: 0.3").success)
    }

    @Test func classBalanceOfASingleClassIsZero() throws {
        let table = try CSVReader.parse("y\n0\n0\n", source: "y.csv")
        let suite = try ExpectationSuite.parse(
            yaml: "expectations:\n  - expect: class_balance\n    column: y\n    min_ratio: 0.1\n", source: "s.yaml")
        let result = try #require(suite.validate(table).results.first)
        #expect(!result.success && result.observedValue == .number(0))
        #expect(result.message == "y: only one class ('0', 2 rows), so the ratio is 0; expected at least 0.1")
    }

    @Test func duplicateRowsCountLaterCopiesAsPandasDuplicated() throws {
        let result = try Self.run("expect: duplicate_rows_max\nmax_ratio: 0")
        #expect(!result.success)
        #expect(result.unexpectedCount == 1)
        #expect(result.observedValue == .number(0.08333333333333333))
        #expect(result.examples == [FailingRow(row: 6, line: 7, value: nil)])
        #expect(result.message == "1 of 12 rows (8.33%) repeat an earlier row; expected at most 0%")
        #expect(try Self.run("expect: duplicate_rows_max\nmax_ratio: 0.1").success)
    }

    @Test func duplicateRowsTreatNullsAsEqual() throws {
        let table = try CSVReader.parse("a,b\n1,\n1,\n1,2\n,2\n,2\n", source: "d.csv")
        #expect(DuplicateRows.find(in: table).count == 2)
        #expect(DuplicateRows.find(in: table).examples == [1, 4])
    }

    @Test func columnsExistSuggestsTheNearestName() throws {
        let result = try Self.run("expect: columns_exist\ncolumns: [id, churn, plan]")
        #expect(!result.success && result.unexpectedCount == 1)
        #expect(result.message == "missing column 'churn' (did you mean 'churned'?)")
    }

    @Test func aMissingColumnFailsTheExpectationWithASuggestion() throws {
        let result = try Self.run("expect: not_null\ncolumn: tenur")
        #expect(!result.success)
        #expect(result.message == "no column 'tenur' in churn.csv. Did you mean 'tenure'?")
    }

    @Test func numericChecksRefuseTextColumns() throws {
        let result = try Self.run("expect: between\ncolumn: plan\nmin: 0")
        #expect(!result.success)
        #expect(result.message == "plan: column holds text values; between needs numbers")
    }

    @Test func rowsOfMultiLineRecordsKeepTheirFileLines() throws {
        let table = try CSVReader.parse("note,n\n\"a\nb\",1\nc,200\n", source: "m.csv")
        let suite = try ExpectationSuite.parse(
            yaml: "expectations:\n  - expect: between\n    column: n\n    max: 100\n", source: "s.yaml")
        let result = try #require(suite.validate(table).results.first)
        #expect(result.examples == [FailingRow(row: 2, line: 4, value: "200")])
    }

    @Test func reportEncodesTheDesignsJSONContract() throws {
        let suite = try ExpectationSuite.parse(
            yaml: """
                expectations:
                  - expect: not_null
                    column: plan
                  - expect: row_count_between
                    min_rows: 1
                """, source: "s.yaml")
        let report = suite.validate(Self.table)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(report), as: UTF8.self)
        #expect(json.contains("\"success\":false"))
        #expect(json.contains(#""statistics":{"evaluated":2,"success_percent":50,"successful":1,"unsuccessful":1}"#))
        #expect(
            json.contains(
                #"{"column":"plan","element_count":12,"examples":[{"line":9,"row":8,"value":null}],"#
                    + #""expectation":"not_null","message":"plan: 1 of 12 values (8.33%) are null","mostly":1,"#
                    + #""observed_value":1,"success":false,"suite_line":2,"unexpected_count":1,"#))
        #expect(json.contains(#""column":null,"element_count":null,"examples":[],"expectation":"row_count_between","#))
        #expect(json.contains(#""unexpected_count":null,"unexpected_percent":null}"#))
    }
}
