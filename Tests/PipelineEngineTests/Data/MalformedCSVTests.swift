import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// One kind of malformed CSV, and the error it must give.
struct MalformedCSV: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    var code: String
    var line: Int
    var column: Int
    var message: String

    var testDescription: String { name }

    init(
        _ name: String, _ text: String, extra: [UInt8] = [], _ code: String, _ line: Int, _ column: Int,
        _ message: String
    ) {
        self.name = name
        bytes = Array(text.utf8) + extra
        self.code = code
        self.line = line
        self.column = column
        self.message = message
    }
}

/// The malformed corpus: each file is written to disk and read as a user's file would be.
@Suite struct MalformedCSVTests {
    static let corpus: [MalformedCSV] = [
        .init(
            "empty_file", "", "csv.empty_file", 1, 1,
            "the file is empty; expected a header line naming the columns"),
        .init(
            "bom_only", "\u{FEFF}", "csv.empty_file", 1, 1,
            "the file is empty; expected a header line naming the columns"),
        .init(
            "no_header", "\n1,2\n", "csv.no_header", 1, 1,
            "line 1 is empty; expected a header line naming the columns"),
        .init(
            "empty_header_name", "a,,c\n1,2,3\n", "csv.empty_header", 1, 3,
            "column 2 of the header has no name: found 'a,,c'; give every column a name"),
        .init(
            "empty_header_after_bom", "\u{FEFF}a,,b\n", "csv.empty_header", 1, 3,
            "column 2 of the header has no name: found 'a,,b'; give every column a name"),
        .init(
            "duplicate_header", "id,age,id\n1,2,3\n", "csv.duplicate_header", 1, 8,
            "column 'id' appears twice in the header (columns 1 and 3); column names must be unique"),
        .init(
            "duplicate_after_type", "age:integer,age\n", "csv.duplicate_header", 1, 13,
            "column 'age' appears twice in the header (columns 1 and 2); column names must be unique"),
        .init(
            "unknown_type", "id,zip:strng\n", "csv.unknown_type", 1, 4,
            "unknown column type 'strng' in the header 'zip:strng'; expected integer, double, boolean or string. "
                + "Did you mean 'zip:string'?"),
        .init(
            "ragged_too_many", "a,b,c\n1,2,3\n4,5,6,7\n", "csv.ragged_row", 3, 7,
            "row has 4 fields but the header has 3 columns: found '4,5,6,7'"),
        .init(
            "ragged_too_few", "a,b,c\r\n1,2\r\n", "csv.ragged_row", 2, 4,
            "row has 2 fields but the header has 3 columns (no value for 'c'): found '1,2'"),
        .init(
            "ragged_too_few_after_numbers", "a,b,c\n1,2.5,3\n4,5.5\n", "csv.ragged_row", 3, 6,
            "row has 2 fields but the header has 3 columns (no value for 'c'): found '4,5.5'"),
        .init(
            "ragged_too_many_after_numbers", "a,b\n1,2\n3,4,5\n", "csv.ragged_row", 3, 5,
            "row has 3 fields but the header has 2 columns: found '3,4,5'"),
        .init(
            "ragged_after_multiline_field", "a,b\n\"x\ny\",1,2\n", "csv.ragged_row", 3, 6,
            "row has 3 fields but the header has 2 columns: found '\"x\\ny\",1,2'"),
        .init(
            "unterminated_quote", "a,b\n1,\"abc\n2,3\n", "csv.unterminated_quote", 2, 3,
            "quoted field in column 'b' is never closed: found '\"abc'; add the closing '\"'"),
        .init(
            "unterminated_quote_in_header", "a,\"b\n1,2\n", "csv.unterminated_quote", 1, 3,
            "quoted field in the header is never closed: found '\"b'; add the closing '\"'"),
        .init(
            "stray_quote", "a,b\n1,ab\"c\n", "csv.stray_quote", 2, 5,
            "quote inside an unquoted field in column 'b': found 'ab\"c'; quote the whole field and double the "
                + "quotes inside it, as in \"a \"\"b\"\" c\""),
        .init(
            "text_after_quote", "a,b\n1,\"ab\"c\n", "csv.text_after_quote", 2, 7,
            "text after the closing quote in column 'b': found '\"ab\"c'; expected ',' or the end of the line"),
        .init(
            "invalid_utf8", "a,b\n1,caf", extra: [0xE9, 0x0A], "csv.invalid_utf8", 2, 6,
            "invalid UTF-8 (byte 0xE9) in column 'b': found 'caf\\xE9'; save the file as UTF-8"),
        .init(
            "invalid_utf8_in_header", "a,", extra: [0xFF] + Array("b\n".utf8), "csv.invalid_utf8", 1, 3,
            "invalid UTF-8 (byte 0xFF) in the header: found '\\xFFb'; save the file as UTF-8"),
        .init(
            "truncated_utf8_at_end", "a\nx", extra: [0xC3], "csv.invalid_utf8", 2, 2,
            "invalid UTF-8 (byte 0xC3) in column 'a': found 'x\\xC3'; save the file as UTF-8"),
        .init(
            "invalid_utf8_after_numbers", "n\n1\n2\n", extra: [0xFF, 0x0A], "csv.invalid_utf8", 4, 1,
            "invalid UTF-8 (byte 0xFF) in column 'n': found '\\xFF'; save the file as UTF-8"),
        .init(
            "nul_byte", "a,b\n1,x", extra: [0x00] + Array("y\n".utf8), "csv.nul_byte", 2, 4,
            "NUL byte in column 'b': found 'x\\0y'; a CSV file is text (is this a binary file?)"),
        .init(
            "stray_carriage_return", "a,b\n1,x\ry\n", "csv.stray_carriage_return", 2, 4,
            "carriage return without a line feed in column 'b': found 'x\\ry'; end lines with LF or CRLF"),
        .init(
            "forced_integer_gets_word", "age:integer,plan\n34,basic\nforty,pro\n", "csv.type_mismatch", 3, 1,
            "value 'forty' in column 'age' is not an integer, as the header 'age:integer' requires"),
        .init(
            "forced_boolean_gets_yes", "id,flag:boolean\n1,yes\n", "csv.type_mismatch", 2, 3,
            "value 'yes' in column 'flag' is not a boolean (true or false), as the header 'flag:boolean' requires"),
        .init(
            "forced_integer_overflows", "n:integer\n99999999999999999999\n", "csv.type_mismatch", 2, 1,
            "value '99999999999999999999' in column 'n' is not an integer, as the header 'n:integer' requires"),
        .init(
            "forced_double_gets_word", "x:double\n1.5\n\"2,5\"\n", "csv.type_mismatch", 3, 2,
            "value '2,5' in column 'x' is not a number, as the header 'x:double' requires"),
    ]

    @Test(arguments: corpus)
    func reportsFileLineColumnAndWhatWasFound(_ example: MalformedCSV) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write(example.name + ".csv", example.bytes)
        let expected = LabError(
            .init(example.code), example.message, file: path, line: example.line, column: example.column)
        #expect(throws: expected) { try CSVReader.read(file: path) }
    }

    @Test func corpusCoversAtLeastFifteenKinds() {
        #expect(Set(Self.corpus.map(\.name)).count >= 15)
        #expect(Set(Self.corpus.map(\.code)).count >= 12)
    }

    @Test func typesOptionNamingAMissingColumnSuggestsOne() {
        let expected = LabError(
            "csv.unknown_type_column",
            "the types option names column 'zipp', which is not in the header. Did you mean 'zip'?",
            file: "t.csv")
        #expect(throws: expected) { try CSVReader.parse("id,zip\n1,2\n", source: "t.csv", types: ["zipp": .string]) }
    }

    @Test func typesOptionMismatchSaysWhereTheTypeCameFrom() {
        let expected = LabError(
            "csv.type_mismatch", "value 'x' in column 'id' is not an integer, as the types option requires",
            file: "t.csv", line: 3, column: 1)
        #expect(throws: expected) { try CSVReader.parse("id\n1\nx\n", source: "t.csv", types: ["id": .integer]) }
    }

    @Test func errorsExitWithStatusTwo() {
        #expect(LabError("csv.ragged_row", "m").kind == .badInput, "bad input: the shell exits with 2")
    }
}
