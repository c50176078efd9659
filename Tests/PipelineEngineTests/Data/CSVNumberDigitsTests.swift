import Testing

@testable import LabSupport
@testable import PipelineEngine

/// Numbers of every length read eight digits at a time give what the standard library's
/// parser gives, wherever their digits fall against the end of the input.
@Suite struct CSVNumberDigitsTests {
    @Test func everyDigitCountReadsAsTheStandardLibraryReadsIt() throws {
        var rng = SeededRandom(seed: 24)
        var rows: [String] = []
        for row in 0..<400 {
            let whole = String((0..<(1 + row % 12)).map { _ in Character(String(rng.next() % 10)) })
            let fraction = String((0..<(row % 11)).map { _ in Character(String(rng.next() % 10)) })
            let sign = row % 3 == 0 ? "-" : ""
            let number = fraction.isEmpty ? sign + whole : "\(sign)\(whole).\(fraction)"
            rows.append("\(number),\(sign)\(whole)")
        }
        // Also with a last row whose numbers end the input, at lengths around eight digits.
        let endings = [
            ("", ""), ("\n", ""), ("\n7", "7"), ("\n1.2345678", "12345678"), ("\n123456789.5", "123456789012345"),
        ]
        for (double, integer) in endings {
            let last = integer.isEmpty ? double : double + "," + integer
            let text = "x,n\n0.5,1\n" + rows.joined(separator: "\n") + last
            let table = try CSVReader.parse(text, source: "t.csv")
            guard case .double(let values) = table.columns[0].storage,
                case .integer(let integers) = table.columns[1].storage
            else {
                Issue.record("columns not double and integer")
                return
            }
            let expected = [0.5] + rows.map { Double($0.split(separator: ",")[0])! }
            #expect(Array(values.prefix(expected.count)) == expected)
            #expect(Array(integers.prefix(expected.count)) == [1] + rows.map { Int64($0.split(separator: ",")[1])! })
            if !integer.isEmpty {
                #expect(values.count == expected.count + 1)
                #expect(values.last == Double(double.dropFirst()))
                #expect(integers.last == Int64(integer))
            }
        }
    }

    @Test func digitCountsOfEightByteWords() {
        func word(_ text: String) -> UInt64 {
            var bytes = Array(text.utf8.prefix(8))
            bytes += [UInt8](repeating: 0, count: 8 - bytes.count)
            return bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        }
        #expect(ByteDigits.leadingDigitCount(word("12345678")) == 8)
        #expect(ByteDigits.leadingDigitCount(word("0.345584")) == 1)
        #expect(ByteDigits.leadingDigitCount(word("18697,28")) == 5)
        #expect(ByteDigits.leadingDigitCount(word(":/9")) == 0)
        #expect(ByteDigits.valueOfDigits(word("18697,28"), 5) == 18697)
        #expect(ByteDigits.valueOfDigits(word("99999999"), 8) == 99_999_999)
        #expect(ByteDigits.valueOfDigits(word("00000001"), 8) == 1)
    }
}
