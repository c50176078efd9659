import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// CSV cells pandas reads differently from a naive parser: integers too large for 64 bits stay
/// exact text (pandas: object dtype), and pandas' missing-value words are nulls.
@Suite struct PandasReadingParityTests {
    static let firstId = "123456789012345678901234567890"
    static let secondId = "123456789012345678901234567891"

    func read(_ text: String, types: [String: ColumnType] = [:]) throws -> DataTable {
        try CSVReader.parse(text, source: "t.csv", types: types)
    }

    func validate(_ table: DataTable, _ expectation: String) throws -> ExpectationResult {
        let suite = try ExpectationSuite.parse(yaml: "expectations:\n  - " + expectation + "\n", source: "s.yaml")
        return try #require(suite.validate(table).results.first)
    }

    @Test func twoDistinct30DigitIdsStayDistinctText() throws {
        let table = try read("id,n\n\(Self.firstId),1\n\(Self.secondId),2\n")
        let ids = try #require(table.column("id"))
        #expect(ids.type == .string)
        #expect((0..<2).map { ids.text(at: $0) } == [Self.firstId, Self.secondId])
        #expect(try validate(table, "{expect: unique, column: id}").success)
        let inSet = try validate(table, "{expect: in_set, column: id, values: ['\(Self.firstId)']}")
        #expect(!inSet.success)
        #expect(inSet.unexpectedCount == 1)
    }

    @Test func aHugeIntegerAfterSmallOnesOrDecimalsMakesTheColumnText() throws {
        for text in [
            "a\n1\n2\n\(Self.firstId)\n", "a\n1.5\n\(Self.firstId)\n", "a\n\(Self.firstId)\n1.5\n",
            "a\n-\(Self.firstId)\n",
        ] {
            #expect(try read(text).columns[0].type == .string, "\(text)")
        }
        // The 64-bit extremes still fit; one past them does not.
        #expect(try read("a\n9223372036854775807\n-9223372036854775808\n").columns[0].type == .integer)
        #expect(try read("a\n9223372036854775808\n").columns[0].type == .string)
        // Exponents and fractions are doubles as before.
        #expect(try read("a\n1e30\n").columns[0].type == .double)
    }

    @Test func aHugeIntegerInAForcedIntegerColumnIsAnError() {
        #expect(throws: LabError.self) { try read("a:integer\n\(Self.firstId)\n") }
    }

    @Test func theProfileSaysHugeIntegersAreKeptAsText() throws {
        let profile = DataProfile(try read("id\n\(Self.firstId)\n\(Self.secondId)\n7\n"))
        #expect(
            profile.columns[0].notes == ["text: 2 integers beyond 64 bits, kept exact as text (pandas: object dtype)"])
        #expect(profile.columns[0].distinct == 3)
    }

    @Test func pandasMissingWordsAreNulls() throws {
        let words = MissingValueTokens.all
        let csv = "x,word\n" + words.enumerated().map { "\($0.offset),\($0.element)" }.joined(separator: "\n") + "\n"
        let column = try #require(try read(csv).column("word"))
        #expect(column.nullCount == words.count)
        #expect(column.missingTokens.count == words.count)
        #expect(
            MissingValueTokens.all == [
                "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>",
                "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
            ])
    }

    @Test func anRStyleFileKeepsNumericColumnsNumericAndTargetsTwoClasses() throws {
        let table = try read("age,income,churned\n34,NA,1\nNA,52000.5,0\n41,\"NA\",NA\n29,48000,\n")
        #expect(table.columns.map(\.type) == [.integer, .double, .integer])
        #expect(table.columns.map(\.nullCount) == [1, 2, 2])
        let profile = DataProfile(table)
        #expect(profile.columns[0].notes == ["missing: 1 (read from 'NA' ×1)"])
        #expect(profile.columns[2].notes == ["missing: 2 (read from 'NA' ×1, '' ×1)"])
    }

    @Test func wordsCloseToMissingOnesStayText() throws {
        let table = try read("a,b\n1,Na\n2,NONE\n3,nA\n")
        #expect(table.columns[1].type == .string)
        #expect(table.columns[1].nullCount == 0)
        #expect(table.columns[1].missingTokens.isEmpty)
    }

    @Test func infinityWordsStayTextAndTheProfileSaysWhy() throws {
        let profile = DataProfile(try read("a\n1.5\ninf\n-inf\n2\n"))
        #expect(profile.columns[0].type == .string)
        #expect(
            profile.columns[0].notes
                == [
                    "text only because of infinity words ('inf', '-inf'); pandas reads them as float infinity, the lab as text"
                ])
    }

    @Test func aReplayedColumnCountsItsMissingWordsOnce() throws {
        let column = try #require(try read("a\nNA\n1\nNA\nword\n").column("a"))
        #expect(column.type == .string)
        #expect(column.missingTokens == ["NA": 2])
        #expect(column.nullCount == 2)
    }
}
