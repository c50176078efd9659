import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// Reading in parallel stretches must give exactly the table (and the errors) that reading in
/// one piece gives, whatever the stretches disagree about.
@Suite struct ParallelCSVReadTests {
    private func read(_ text: String, parts: Int?) throws -> DataTable {
        try Array(text.utf8).withUnsafeBufferPointer {
            try CSVReader.read($0, source: "p.csv", types: [:], file: nil, parallel: parts)
        }
    }

    /// Every cell as text, with each row's line, for comparing two reads.
    private func cells(_ table: DataTable) -> [[String]] {
        (0..<table.rowCount).map { row in
            ["\(table.line(ofRow: row))"] + table.columns.map { $0.text(at: row) ?? "∅" }
        }
    }

    static let inputs: [(String, String)] = [
        ("integers then doubles", "x,y\n1,a\n2,b\n3,c\n4.5,d\n5,e\n6,f\n"),
        ("numbers then a word", "x\n1\n2\n3\n4\n007\ntbd\n8\n9\n"),
        ("booleans then numbers", "x\ntrue\nfalse\nTRUE\n1\n0\n1\n"),
        ("a stretch of nulls", "x,y\n,a\n,b\n,c\n,d\n1.5,e\n2,f\n"),
        ("nulls only at the end", "x,y\n1,a\n2,b\n3,c\n,d\n,\n,f\n"),
        ("quoted line breaks across cuts", "n,t\n1,\"a\nb\nc\"\n2,\"d\n\n\ne\"\n3,\"\"\"q\"\"\"\n4,x\n5,y\n"),
        ("blank lines and CRLF", "a,b\r\n1,x\r\n\r\n2,y\r\n3,z\r\n\r\n\r\n4,w\r\n"),
        ("text dictionaries that overlap", "c\nb\na\nb\nc\nd\na\ne\nb\n"),
        ("an integer beyond 64 bits late", "x,y\n1,a\n2,b\n3,c\n4,d\n123456789012345678901234567890,e\n6,f\n"),
        ("missing words in every stretch", "x,y\nNA,a\n1,b\nNaN,c\n2,d\nnull,e\n3,NA\n"),
    ]

    @Test(arguments: inputs.map(\.0))
    func parallelReadEqualsSequentialRead(name: String) throws {
        let text = Self.inputs.first { $0.0 == name }!.1
        let whole = try read(text, parts: 1)
        for parts in 2...5 {
            let parallel = try read(text, parts: parts)
            #expect(parallel.columns.map(\.type) == whole.columns.map(\.type), "\(parts) parts")
            #expect(cells(parallel) == cells(whole), "\(parts) parts")
            #expect(parallel.columns.map(\.nullCount) == whole.columns.map(\.nullCount), "\(parts) parts")
            #expect(parallel.columns.map(\.missingTokens) == whole.columns.map(\.missingTokens), "\(parts) parts")
        }
    }

    @Test func aLargeGeneratedFileReadsTheSameInParallel() throws {
        var random = SeededRandom(seed: 7)
        var text = "id,score,plan,note,flag\n"
        for row in 0..<20_000 {
            let score = random.nextUnit() < 0.01 ? "" : String(format: "%.3f", random.nextGaussian())
            let plan = ["basic", "pro", "premium"][Int(random.next() % 3)]
            let note = random.nextUnit() < 0.05 ? "\"multi\nline, \"\"quoted\"\"\"" : "plain"
            text += "\(row),\(score),\(plan),\(note),\(random.nextUnit() < 0.5)\n"
        }
        let whole = try read(text, parts: 1)
        let parallel = try read(text, parts: 4)
        #expect(parallel.rowCount == 20_000)
        #expect(cells(parallel) == cells(whole))
        #expect(parallel.columns.map(\.type) == [.integer, .double, .string, .string, .boolean])
    }

    @Test func anErrorInALaterStretchIsReportedAsInOnePiece() throws {
        let text = "a,b\n1,2\n3,4\n5,6\n7,8\n9\n11,12\n"
        let expected = LabError(
            "csv.ragged_row",
            "row has 1 field but the header has 2 columns (no value for 'b'): found '9'",
            file: "p.csv", line: 6, column: 2)
        #expect(throws: expected) { try read(text, parts: 3) }
    }

    @Test func cutsFollowLineFeedsAndCoverTheBody() {
        let text = Array("h\n\"a\nb\"\n\"c\nd\"\ne\n".utf8)
        let stretches = text.withUnsafeBufferPointer { CSVStretches.split($0, from: 2, firstLine: 2, parts: 4) }
        #expect(stretches.count > 1)
        #expect(stretches.first?.start == 2 && stretches.last?.end == text.count)
        #expect(stretches.first?.reserveBytes == text.count - 2)
        #expect(stretches.dropFirst().allSatisfy { text[$0.start - 1] == UInt8(ascii: "\n") && $0.firstLine == 0 })
        #expect(zip(stretches, stretches.dropFirst()).allSatisfy { $0.end == $1.start })
    }

    /// The parallel read itself: a table when every cut is a record boundary, nil otherwise.
    private func parallelOnly(_ text: String, parts: Int) throws -> DataTable? {
        try Array(text.utf8).withUnsafeBufferPointer { bytes in
            let diagnostics = CSVDiagnostics(bytes: bytes, source: "p.csv", bomLength: 0)
            let header = try CSVHeader(bytes, start: 0, diagnostics: diagnostics, types: [:])
            let stretches = CSVStretches.split(bytes, from: header.end, firstLine: header.nextLine, parts: parts)
            return CSVReader.readInParallel(stretches, bytes, diagnostics, header, nil)
        }
    }

    @Test func cleanCutsAreReadInParallel() throws {
        let table = try #require(try parallelOnly("x,y\n1,a\n2,b\n\n3,c\n4.5,d\n5,e\n", parts: 3))
        #expect(table.rowCount == 5)
        #expect(table.columns[0].type == .double)
        #expect((0..<5).map(table.line(ofRow:)) == [2, 3, 5, 6, 7])
    }

    @Test func aCutInsideQuotesSendsTheReadBackToOnePiece() throws {
        // The middle of the body is inside the quoted value, so the first stretch cannot close it.
        let text = "n,t\n1,\"" + String(repeating: "line\n", count: 20) + "\"\n2,x\n"
        #expect(try parallelOnly(text, parts: 2) == nil)
        #expect(try read(text, parts: 2).rowCount == 2)
    }
}
