import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// Integer columns are stored as narrow as their range allows, and read back unchanged.
@Suite struct IntegerValuesTests {
    private func integers(_ column: Column) -> IntegerValues? {
        guard case .integer(let values) = column.storage else { return nil }
        return values
    }

    private func read(_ text: String, parts: Int? = nil) throws -> DataTable {
        try Array(text.utf8).withUnsafeBufferPointer {
            try CSVReader.read($0, source: "n.csv", types: [:], file: nil, parallel: parts)
        }
    }

    static let boundaries: [([Int64], IntegerValues.Width)] = [
        ([], .int8),
        ([0, 1, -1], .int8),
        ([Int64(Int8.min), Int64(Int8.max)], .int8),
        ([Int64(Int8.max) + 1], .int16),
        ([Int64(Int8.min) - 1], .int16),
        ([Int64(Int16.min), Int64(Int16.max)], .int16),
        ([Int64(Int16.max) + 1], .int32),
        ([Int64(Int16.min) - 1], .int32),
        ([Int64(Int32.min), Int64(Int32.max)], .int32),
        ([Int64(Int32.max) + 1], .int64),
        ([Int64(Int32.min) - 1], .int64),
        ([Int64.min, Int64.max], .int64),
    ]

    @Test(arguments: boundaries.indices)
    func storesTheNarrowestWidthThatHoldsEveryValue(index: Int) {
        let (values, width) = Self.boundaries[index]
        let stored = IntegerValues(values)
        #expect(stored.width == width)
        #expect(Array(stored) == values)
    }

    @Test(arguments: boundaries.indices)
    func appendingWidensOnlyAsFarAsNeeded(index: Int) {
        let (values, width) = Self.boundaries[index]
        var oneByOne = IntegerValues()
        for value in values { oneByOne.append(value) }
        var together = IntegerValues()
        values.withUnsafeBufferPointer { together.append(contentsOf: $0) }
        for stored in [oneByOne, together] {
            #expect(stored.width == width)
            #expect(Array(stored) == values)
        }
    }

    @Test(arguments: boundaries.indices)
    func forEachValueVisitsEveryPositionInOrder(index: Int) {
        let values = Self.boundaries[index].0
        var visited: [(Int, Int64)] = []
        IntegerValues(values).forEachValue { visited.append(($0, $1)) }
        #expect(visited.map(\.0) == Array(values.indices))
        #expect(visited.map(\.1) == values)
    }

    @Test func equalValuesAreEqualWhateverTheWidth() {
        var wide = IntegerValues([1, 2, 40_000])
        wide.widen(to: .int64, extraCapacity: 0)
        #expect(wide.width == .int64)
        #expect(wide == IntegerValues([1, 2, 40_000]))
        #expect(wide != IntegerValues([1, 2, 3]))
        #expect(IntegerValues([1, 2]) != IntegerValues([1, 2, 3]))
    }

    @Test func joiningTakesTheWiderWidth() {
        var narrow = IntegerValues([-3, 100])
        narrow.append(contentsOf: IntegerValues([Int64(Int32.max), 5]))
        #expect(narrow.width == .int32)
        #expect(Array(narrow) == [-3, 100, Int64(Int32.max), 5])
        var wide = IntegerValues([Int64.min])
        wide.append(contentsOf: IntegerValues([7, -8]))
        #expect(wide.width == .int64)
        #expect(Array(wide) == [Int64.min, 7, -8])
    }

    @Test func aColumnWidensMidFileAndKeepsItsEarlierValuesAndNulls() throws {
        let table = try read("x,y\n1,a\n,b\n-128,c\n127,d\n300,e\n,f\n-70000,g\n5,h\n", parts: 1)
        let column = table.columns[0]
        #expect(column.type == .integer)
        #expect(integers(column)?.width == .int32)
        #expect((0..<column.count).map { column.text(at: $0) } == ["1", nil, "-128", "127", "300", nil, "-70000", "5"])
        #expect(column.nullCount == 2)
    }

    @Test func aColumnOfOnlyNullsAndSmallValuesStaysInt8() throws {
        let table = try read("x,y\n,1\n,2\n3,\n-4,5\n", parts: 1)
        #expect(integers(table.columns[0])?.width == .int8)
        #expect(table.columns[0].text(at: 0) == nil)
        #expect(table.columns[0].text(at: 3) == "-4")
    }

    @Test func int64LimitsReadBack() throws {
        let text = "x\n\(Int64.min)\n\(Int64.max)\n0\n"
        let column = try read(text, parts: 1).columns[0]
        #expect(integers(column)?.width == .int64)
        #expect(integers(column).map(Array.init) == [Int64.min, Int64.max, 0])
    }

    /// Many rows, so the reader's fast path stages them, in stretches whose widths disagree.
    @Test func parallelStretchesThatDisagreeOnWidthJoinAtTheWidest() throws {
        var rows: [Int64] = []
        for row in 0..<4000 {
            switch row {
            case 3000: rows.append(Int64(Int16.max) + 1)
            case 3999: rows.append(Int64(Int16.min))
            default: rows.append(Int64(row % 200) - 100)
            }
        }
        let text = "x\n" + rows.map(String.init).joined(separator: "\n") + "\n"
        let whole = try read(text, parts: 1)
        for parts in 2...4 {
            let joined = try read(text, parts: parts)
            let values = try #require(integers(joined.columns[0]))
            #expect(values.width == .int32)
            #expect(Array(values) == rows)
            #expect(integers(whole.columns[0]) == values)
        }
    }

    @Test func integersThatTurnIntoDoublesKeepTheirValues() throws {
        let column = try read("x\n1\n-200\n70000\n2.5\n", parts: 1).columns[0]
        #expect(column.type == .double)
        #expect(column.numericValues() == [1, -200, 70_000, 2.5])
    }
}
