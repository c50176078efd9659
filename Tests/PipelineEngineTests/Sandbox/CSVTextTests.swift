import Testing

@testable import PipelineEngine

@Suite struct CSVTextTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("", ""),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("\"", "\"\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\rhere", "\"cr\rhere\""),
        (" padded ", " padded "),
        ("<div class=\"desc\">", "\"<div class=\"\"desc\"\">\""),
        ("café, naïve", "\"café, naïve\""),
    ])
    func quotesOnlyFieldsThatNeedIt(_ value: String, _ written: String) {
        #expect(CSVText.field(value) == written)
    }

    @Test func documentEndsEveryRecordWithTheLineEnding() {
        #expect(CSVText.document(header: ["a", "b"], rows: [["1", "x,y"]]) == "a,b\n1,\"x,y\"\n")
        #expect(CSVText.document(header: ["a"], rows: [["1"]], lineEnding: .crlf) == "a\r\n1\r\n")
        #expect(CSVText.document(header: ["a"], rows: []) == "a\n")
    }

    @Test func awkwardFieldsSurviveARoundTrip() {
        let rows = [
            ["1", "comma, inside", "\"quoted\"", ""],
            ["2", "line\nbreak", "both, \"and\"\nmore", "\r\n"],
            ["3", "\"\"", ",", "trailing space "],
        ]
        for ending in [CSVText.LineEnding.lf, .crlf] {
            let text = CSVText.document(header: ["id", "a", "b", "c"], rows: rows, lineEnding: ending)
            #expect(RFC4180TestParser.parse(text) == [["id", "a", "b", "c"]] + rows)
        }
    }

    @Test(arguments: DatasetGenerator.names)
    func generatedDataRoundTrips(_ name: String) throws {
        let dataset = try DatasetGenerator.generate(name: name, rows: 1500, seed: 3)
        let parsed = RFC4180TestParser.parse(dataset.csv)
        #expect(parsed.first == dataset.header)
        #expect(Array(parsed.dropFirst()) == dataset.rows)
    }

    @Test func reviewsExerciseEveryQuotingRule() throws {
        let texts = try DatasetGenerator.generate(name: "reviews", rows: 2000, seed: 11).values(of: "text")
        #expect(texts.contains { $0.contains(",") })
        #expect(texts.contains { $0.contains("\"") })
        #expect(texts.contains { $0.contains("\n") })
    }
}
