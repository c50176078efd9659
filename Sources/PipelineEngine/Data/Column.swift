/// The type of a table column, inferred from its text or set by a header override.
package enum ColumnType: String, Sendable, Codable, CaseIterable {
    case integer, double, boolean, string
}

/// One typed column of a ``DataTable``: a contiguous array of values plus a null mask.
///
/// Values are stored column by column, never as per-cell objects. A null cell still has a slot
/// in `values` (0, 0.0, false or code -1) so that row indices line up across columns.
package struct Column: Sendable {
    /// The column's values, by type.
    package enum Storage: Sendable {
        case integer(IntegerValues)
        case double([Double])
        case boolean([Bool])
        /// Dictionary-encoded text: `codes[row]` indexes `dictionary`, or is -1 for null.
        case string(codes: [Int32], dictionary: [String])
    }

    package var name: String
    package var storage: Storage
    /// `nulls[row]` is true where the cell was empty.
    ///
    /// Empty when the column has no nulls.
    package var nulls: [Bool]
    /// How many of the nulls the file wrote as each missing-value word (`NA`: 10), as
    /// ``MissingValueTokens`` reads them; the other nulls were empty fields.
    package var missingTokens: [String: Int]

    package init(name: String, storage: Storage, nulls: [Bool] = [], missingTokens: [String: Int] = [:]) {
        self.name = name
        self.storage = storage
        self.nulls = nulls
        self.missingTokens = missingTokens
    }

    package var type: ColumnType {
        switch storage {
        case .integer: .integer
        case .double: .double
        case .boolean: .boolean
        case .string: .string
        }
    }

    package var count: Int {
        switch storage {
        case .integer(let v): v.count
        case .double(let v): v.count
        case .boolean(let v): v.count
        case .string(let codes, _): codes.count
        }
    }

    /// Whether the cell at `row` is null.
    @inlinable package func isNull(_ row: Int) -> Bool {
        nulls.isEmpty ? false : nulls[row]
    }

    package var nullCount: Int { nulls.isEmpty ? 0 : nulls.reduce(0) { $0 + ($1 ? 1 : 0) } }

    /// Whether the column holds numbers (integers or doubles).
    package var isNumeric: Bool { type == .integer || type == .double }

    /// The non-null values as doubles (integers and booleans converted), in row order.
    ///
    /// A double column without nulls gives its own array, shared rather than copied.
    package func numericValues() -> [Double] {
        if case .double(let values) = storage, nulls.isEmpty { return values }
        var out: [Double] = []
        out.reserveCapacity(count)
        switch storage {
        case .integer(let v):
            for i in v.indices where !isNull(i) { out.append(Double(v[i])) }
        case .double(let v):
            for i in v.indices where !isNull(i) { out.append(v[i]) }
        case .boolean(let v):
            for i in v.indices where !isNull(i) { out.append(v[i] ? 1 : 0) }
        case .string:
            break
        }
        return out
    }

    /// The cell at `row` as text, as it would be written back to CSV; nil when null.
    package func text(at row: Int) -> String? {
        if isNull(row) { return nil }
        switch storage {
        case .integer(let v): return String(v[row])
        case .double(let v): return formatDouble(v[row])
        case .boolean(let v): return v[row] ? "true" : "false"
        case .string(let codes, let dictionary):
            let code = codes[row]
            return code < 0 ? nil : dictionary[Int(code)]
        }
    }

    /// The cell at `row` as a double, or nil when null or not numeric.
    @inlinable package func double(at row: Int) -> Double? {
        if isNull(row) { return nil }
        switch storage {
        case .integer(let v): return Double(v[row])
        case .double(let v): return v[row]
        case .boolean(let v): return v[row] ? 1 : 0
        case .string: return nil
        }
    }
}

/// Formats a double the way a person writes it: `3`, `0.25`, `1e-07`.
package func formatDouble(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
}
