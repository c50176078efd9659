/// Builds one column while a CSV file is read, settling its type as the values arrive.
///
/// An unforced column starts with no type, takes the type of its first non-empty value, and
/// widens when a later value does not fit: integer to double in place, and anything to text
/// (which needs the original text, so the reader replays the column's earlier fields after
/// ``restartAsText()``). A forced column never widens; a value that does not fit is an error.
struct ColumnBuilder {
    /// The column's type so far; `unknown` while every value has been empty.
    enum Kind { case unknown, integer, double, boolean, string }

    /// What happened to one appended value.
    enum Outcome {
        case stored
        /// The value is text in a numeric or boolean column: replay the column as text.
        case needsText
        /// The value does not fit the column's forced type.
        case notForcedType
        /// The value is not valid UTF-8; the offset is that of the first bad byte.
        case invalidUTF8(at: Int)
    }

    let name: String
    let forced: ColumnType?
    var kind: Kind
    var integers = IntegerValues()
    var doubles: [Double] = []
    var booleans: [Bool] = []
    var codes: [Int32] = []
    var interner = ByteInterner()
    var nulls: [Bool] = []
    var tracksNulls = false
    /// How many nulls each of ``MissingValueTokens/all`` stood for; empty until one did.
    var missingTokenCounts: [Int] = []
    var rows = 0
    private var reserved = 0

    init(name: String, forced: ColumnType?) {
        self.name = name
        self.forced = forced
        switch forced {
        case nil: kind = .unknown
        case .integer: kind = .integer
        case .double: kind = .double
        case .boolean: kind = .boolean
        case .string: kind = .string
        }
    }

    /// Reserves room for about `rows` values, once the reader can estimate the row count.
    mutating func reserve(rows: Int) {
        reserved = rows
        switch kind {
        case .unknown: break
        case .integer:
            integers.reserveCapacity(rows)
        case .double:
            doubles.reserveCapacity(rows)
            doubles.adviseHugePages()
        case .boolean: booleans.reserveCapacity(rows)
        case .string:
            codes.reserveCapacity(rows)
            codes.adviseHugePages()
        }
        if tracksNulls { nulls.reserveCapacity(rows) }
    }

    /// Appends an empty field.
    @inline(__always)
    mutating func appendNull() {
        if !tracksNulls {
            tracksNulls = true
            nulls.reserveCapacity(Swift.max(reserved, rows + 1))
            nulls.append(contentsOf: repeatElement(false, count: rows))
        }
        nulls.append(true)
        switch kind {
        case .unknown: break
        case .integer: integers.append(0)
        case .double: doubles.append(0)
        case .boolean: booleans.append(false)
        case .string: codes.append(-1)
        }
        rows += 1
    }

    /// Appends a null written as the missing-value word ``MissingValueTokens/all``[`token`].
    mutating func appendMissingToken(_ token: Int) {
        if missingTokenCounts.isEmpty {
            missingTokenCounts = [Int](repeating: 0, count: MissingValueTokens.all.count)
        }
        missingTokenCounts[token] += 1
        appendNull()
    }

    /// Appends the non-empty field in `count` bytes at `p`.
    @inline(__always)
    mutating func append(_ p: UnsafePointer<UInt8>, _ count: Int) -> Outcome {
        if let token = MissingValueTokens.index(p, count) {
            appendMissingToken(token)
            return .stored
        }
        switch kind {
        case .integer:
            if let value = ByteNumberParsing.integer(p, count) {
                integers.append(value)
            } else if forced == nil, !ByteNumberParsing.isIntegerBeyondInt64(p, count),
                let value = ByteNumberParsing.double(p, count)
            {
                widenToDouble()
                doubles.append(value)
            } else {
                return forced == nil ? .needsText : .notForcedType
            }
        case .double:
            if forced == nil, ByteNumberParsing.isIntegerBeyondInt64(p, count) { return .needsText }
            guard let value = ByteNumberParsing.double(p, count) else {
                return forced == nil ? .needsText : .notForcedType
            }
            doubles.append(value)
        case .boolean:
            guard let value = ByteNumberParsing.boolean(p, count) else {
                return forced == nil ? .needsText : .notForcedType
            }
            booleans.append(value)
        case .string:
            switch interner.intern(p, count) {
            case .code(let code): codes.append(code)
            case .invalidUTF8(let offset): return .invalidUTF8(at: offset)
            }
        case .unknown:
            return settle(p, count)
        }
        if tracksNulls { nulls.append(false) }
        rows += 1
        return .stored
    }

    /// Appends an integer the reader parsed itself, to a column already settled as integer.
    @inline(__always)
    mutating func appendParsed(_ value: Int64) {
        integers.append(value)
        if tracksNulls { nulls.append(false) }
        rows += 1
    }

    /// Appends a double the reader parsed itself, to a column already settled as double.
    @inline(__always)
    mutating func appendParsed(_ value: Double) {
        doubles.append(value)
        if tracksNulls { nulls.append(false) }
        rows += 1
    }

    /// Appends numbers the reader parsed itself (see ``ColumnBuilders/stage(_:column:)``): the
    /// bits of integers or doubles, as the column is settled.
    mutating func appendParsed(bits: UnsafeBufferPointer<UInt64>) {
        switch kind {
        case .integer: bits.withMemoryRebound(to: Int64.self) { integers.append(contentsOf: $0) }
        case .double: bits.withMemoryRebound(to: Double.self) { doubles.append(contentsOf: $0) }
        case .unknown, .boolean, .string: preconditionFailure("staged numbers for a \(kind) column")
        }
        if tracksNulls { nulls.append(contentsOf: repeatElement(false, count: bits.count)) }
        rows += bits.count
    }

    /// Chooses the type from the first non-empty value; every earlier row was empty.
    private mutating func settle(_ p: UnsafePointer<UInt8>, _ count: Int) -> Outcome {
        let capacity = Swift.max(reserved, rows + 1)
        if let value = ByteNumberParsing.integer(p, count) {
            kind = .integer
            integers.reserveCapacity(capacity)
            integers.appendZeros(rows)
            integers.append(value)
        } else if forced == nil, ByteNumberParsing.isIntegerBeyondInt64(p, count) {
            return settleAsText(p, count, capacity: capacity)
        } else if let value = ByteNumberParsing.double(p, count) {
            kind = .double
            doubles.reserveCapacity(capacity)
            doubles.append(contentsOf: repeatElement(0, count: rows))
            doubles.append(value)
        } else if let value = ByteNumberParsing.boolean(p, count) {
            kind = .boolean
            booleans.reserveCapacity(capacity)
            booleans.append(contentsOf: repeatElement(false, count: rows))
            booleans.append(value)
        } else {
            return settleAsText(p, count, capacity: capacity)
        }
        if tracksNulls { nulls.append(false) }
        rows += 1
        return .stored
    }

    /// Makes the column text with the value in `count` bytes at `p`; every earlier row was empty.
    private mutating func settleAsText(_ p: UnsafePointer<UInt8>, _ count: Int, capacity: Int) -> Outcome {
        switch interner.intern(p, count) {
        case .invalidUTF8(let offset):
            return .invalidUTF8(at: offset)
        case .code(let code):
            kind = .string
            codes.reserveCapacity(capacity)
            codes.append(contentsOf: repeatElement(-1, count: rows))
            codes.append(code)
        }
        if tracksNulls { nulls.append(false) }
        rows += 1
        return .stored
    }

    /// Turns the integers read so far into doubles, when a column turns out to have fractions.
    mutating func widenToDouble() {
        var widened: [Double] = []
        widened.reserveCapacity(Swift.max(reserved, integers.count + 1))
        for value in integers { widened.append(Double(value)) }
        integers = []
        doubles = widened
        kind = .double
    }

    /// Empties the column and makes it text, so that the reader can replay its fields.
    mutating func restartAsText() {
        precondition(forced == nil, "a forced column never changes type")
        integers = []
        doubles = []
        booleans = []
        nulls = []
        tracksNulls = false
        missingTokenCounts = []
        rows = 0
        kind = .string
        codes.reserveCapacity(reserved)
    }

    /// The finished column.
    ///
    /// A column that was empty in every row is text.
    func build() -> Column {
        let storage: Column.Storage
        switch kind {
        case .integer: storage = .integer(integers)
        case .double: storage = .double(doubles)
        case .boolean: storage = .boolean(booleans)
        case .string: storage = .string(codes: codes, dictionary: interner.strings)
        case .unknown: storage = .string(codes: [Int32](repeating: -1, count: rows), dictionary: [])
        }
        var missingTokens: [String: Int] = [:]
        for (index, count) in missingTokenCounts.enumerated() where count > 0 {
            missingTokens[MissingValueTokens.all[index]] = count
        }
        return Column(name: name, storage: storage, nulls: tracksNulls ? nulls : [], missingTokens: missingTokens)
    }
}
