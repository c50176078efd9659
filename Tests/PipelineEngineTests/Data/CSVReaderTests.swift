import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// RFC 4180 input that must read, and the typed columns it must give.
@Suite struct CSVReaderTests {
    private func read(_ text: String, types: [String: ColumnType] = [:]) throws -> DataTable {
        try CSVReader.parse(text, source: "t.csv", types: types)
    }

    private func texts(_ column: Column) -> [String?] {
        (0..<column.count).map { column.text(at: $0) }
    }

    @Test func infersIntegerDoubleBooleanAndString() throws {
        let table = try read("id,score,active,plan\n1,0.5,true,basic\n2,1.25,FALSE,pro\n3,-2,True,basic\n")
        #expect(table.rowCount == 3)
        #expect(table.columns.map(\.type) == [.integer, .double, .boolean, .string])
        guard case .integer(let ids) = table.columns[0].storage else {
            Issue.record("id not integer")
            return
        }
        #expect(ids == [1, 2, 3])
        guard case .double(let scores) = table.columns[1].storage else {
            Issue.record("score not double")
            return
        }
        #expect(scores == [0.5, 1.25, -2])
        guard case .boolean(let flags) = table.columns[2].storage else {
            Issue.record("active not bool")
            return
        }
        #expect(flags == [true, false, true])
        guard case .string(let codes, let dictionary) = table.columns[3].storage else {
            Issue.record("plan not string")
            return
        }
        #expect(codes == [0, 1, 0])
        #expect(dictionary == ["basic", "pro"])
    }

    @Test func readsCRLFAndByteOrderMark() throws {
        let table = try read("\u{FEFF}name,n\r\n\"a,b\",1\r\nc,2\r\n")
        #expect(table.columnNames == ["name", "n"])
        #expect(texts(table.columns[0]) == ["a,b", "c"])
        #expect(table.columns[1].type == .integer)
    }

    @Test func quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() throws {
        let text = "id,note\n1,\"say \"\"hi\"\", then go\"\n2,\"two\nlines\"\n3,\"crlf\r\ninside\"\n4,\"\"\"\"\n"
        let table = try read(text)
        #expect(texts(table.columns[1]) == ["say \"hi\", then go", "two\nlines", "crlf\r\ninside", "\""])
        #expect((0..<4).map(table.line(ofRow:)) == [2, 3, 5, 7])
    }

    @Test func emptyFieldsAreNullQuotedOrNot() throws {
        let table = try read("a,b,c\n1,,x\n,\"\",\n3,4,\n")
        #expect(texts(table.columns[0]) == ["1", nil, "3"])
        #expect(texts(table.columns[1]) == [nil, nil, "4"])
        #expect(texts(table.columns[2]) == ["x", nil, nil])
        #expect(table.columns[0].type == .integer)
        #expect(table.columns[1].nullCount == 2)
    }

    @Test func lastLineNeedsNoLineBreak() throws {
        let table = try read("a,b\n1,2\n3,4")
        #expect(table.rowCount == 2)
        #expect(texts(table.columns[1]) == ["2", "4"])
    }

    @Test func headerOnlyGivesNoRows() throws {
        let table = try read("a,b:integer\n")
        #expect(table.rowCount == 0)
        #expect(table.columnNames == ["a", "b"])
        #expect(table.columns.map(\.type) == [.string, .integer])
    }

    @Test func blankLinesAreSkippedAndRowsKeepTheirLines() throws {
        let table = try read("a\n1\n\n2\r\n\r\n3\n")
        #expect(texts(table.columns[0]) == ["1", "2", "3"])
        #expect((0..<3).map(table.line(ofRow:)) == [2, 4, 6])
    }

    @Test func headerTypeOverrideKeepsLeadingZeros() throws {
        let table = try read("zip:string,n:double,flag:boolean\n02134,1,true\n00501,2,false\n")
        #expect(table.columnNames == ["zip", "n", "flag"])
        #expect(table.columns.map(\.type) == [.string, .double, .boolean])
        #expect(texts(table.columns[0]) == ["02134", "00501"])
    }

    @Test func typesOptionForcesAndWinsOverTheHeader() throws {
        let table = try read("zip,n:integer\n02134,1\n", types: ["zip": .string, "n": .double])
        #expect(table.columns.map(\.type) == [.string, .double])
        #expect(texts(table.columns[0]) == ["02134"])
    }

    @Test func aColonThatIsNoTypeStaysInTheName() throws {
        let table = try read("time:utc,ratio:1\n1,2\n")
        #expect(table.columnNames == ["time:utc", "ratio:1"])
    }

    @Test func integersWidenToDoublesWhenAFractionAppears() throws {
        let rows = (0..<2000).map { String($0) } + ["2.5"]
        let table = try read("x\n" + rows.joined(separator: "\n"))
        guard case .double(let values) = table.columns[0].storage else {
            Issue.record("x not double")
            return
        }
        #expect(values.count == 2001)
        #expect(values[1999] == 1999)
        #expect(values[2000] == 2.5)
    }

    @Test func aLateWordTurnsTheColumnToTextWithTheOriginalSpelling() throws {
        let rows = (0..<1500).map { _ in "007,1.50" } + ["tbd,x"] + ["", "\"8\",\"2.0\""]
        let table = try read("code,amount\n" + rows.joined(separator: "\n"))
        #expect(table.columns.map(\.type) == [.string, .string])
        #expect(table.rowCount == 1502)
        #expect(table.columns[0].text(at: 0) == "007")
        #expect(table.columns[1].text(at: 1499) == "1.50")
        #expect(table.columns[0].text(at: 1500) == "tbd")
        #expect(table.columns[1].text(at: 1501) == "2.0")
    }

    @Test func booleansMixedWithNumbersAreText() throws {
        let table = try read("f\ntrue\n1\n")
        #expect(table.columns[0].type == .string)
        #expect(texts(table.columns[0]) == ["true", "1"])
    }

    @Test func anAllEmptyColumnIsTextWithNulls() throws {
        let table = try read("a,b\n1,\n2,\n")
        #expect(table.columns[1].type == .string)
        #expect(table.columns[1].nullCount == 2)
    }

    @Test func nullsBeforeTheFirstValueKeepTheirPlace() throws {
        let table = try read("a\n\"\"\n\"\"\n5\n")
        #expect(table.columns[0].type == .integer)
        #expect(texts(table.columns[0]) == [nil, nil, "5"])
    }

    @Test func quotedNumbersAreNumbersAndTextIsUnicode() throws {
        let table = try read("n,city\n\"12\",Zürich\n\"-3\",東京\n")
        #expect(table.columns[0].type == .integer)
        #expect(texts(table.columns[1]) == ["Zürich", "東京"])
    }

    /// As pandas keeps them (object dtype): as doubles two distinct ids could become one.
    @Test func integersTooLargeForSixtyFourBitsAreExactText() throws {
        let table = try read("n\n1\n99999999999999999999\n")
        #expect(table.columns[0].type == .string)
        #expect(texts(table.columns[0]) == ["1", "99999999999999999999"])
    }

    @Test(arguments: [
        "0", "-0", "0.1", "1e-7", "5.", ".5", "-.5", "+1.5", "1E5", "2.5e+3", "123456789012345678",
        "9007199254740993", "0.30000000000000004", "2.2250738585072014e-308", "1.7976931348623157e308",
        "4.9e-324", "0.000000000000000000000000000001", "3.141592653589793238462643383279",
        "12345.678901", "1e22", "1e23", "8.98846567431158e307",
    ])
    func parsesDoublesAsTheStandardLibraryDoes(text: String) throws {
        let parsed =
            text.utf8.withContiguousStorageIfAvailable {
                ByteNumberParsing.double($0.baseAddress!, $0.count)
            } ?? nil
        #expect(parsed?.bitPattern == Double(text)?.bitPattern, "\(text): \(String(describing: parsed))")
    }

    @Test(arguments: ["", "-", "+", ".", "1.2.3", "1e", "e5", "1,5", " 1", "nan", "inf", "0x10", "1_000"])
    func rejectsWhatIsNotADecimalNumber(text: String) {
        let parsed = Array(text.utf8).withUnsafeBufferPointer { buffer in
            buffer.isEmpty ? nil : ByteNumberParsing.double(buffer.baseAddress!, buffer.count)
        }
        #expect(parsed == nil)
    }

    @Test func readsAFileFromDisk() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("data.csv", "a,b\n1,x\n")
        let table = try CSVReader.read(file: path)
        #expect(table.source == path)
        #expect(table.rowCount == 1)
        #expect(throws: LabError("file.not_found", "no such file", file: dir.path + "/none.csv")) {
            try CSVReader.read(file: dir.path + "/none.csv")
        }
    }
}
