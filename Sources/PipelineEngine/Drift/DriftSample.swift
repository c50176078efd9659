import LabSupport

/// One column's non-null values from both tables, in the form the measures need.
enum DriftSample {
    /// Finite numbers; NaN and ±inf count as missing (as in Evidently).
    case numeric(reference: [Double], current: [Double])
    /// How often each category occurs on each side.
    case categorical(reference: [CodePoints: Int], current: [CodePoints: Int])
    /// Free text, kept as strings for lengths and tokens.
    case text(reference: [String], current: [String])

    var referenceCount: Int {
        switch self {
        case .numeric(let r, _): r.count
        case .categorical(let r, _): r.values.reduce(0, +)
        case .text(let r, _): r.count
        }
    }

    var currentCount: Int {
        switch self {
        case .numeric(_, let c): c.count
        case .categorical(_, let c): c.values.reduce(0, +)
        case .text(_, let c): c.count
        }
    }

    var kind: DriftFeatureKind {
        switch self {
        case .numeric: .numeric
        case .categorical: .categorical
        case .text: .text
        }
    }

    /// Finite, non-null values of a numeric column, in row order.
    static func finiteNumbers(_ column: Column) -> [Double] {
        var values: [Double] = []
        switch column.storage {
        case .double(let v):
            if column.nulls.isEmpty {
                // The common case shares the column's storage instead of copying it.
                var allFinite = true
                v.withUnsafeBufferPointer { v in
                    for x in v { allFinite = allFinite && x.isFinite }
                }
                if allFinite { return v }
                for x in v where x.isFinite { values.append(x) }
            } else {
                for i in v.indices where !column.nulls[i] && v[i].isFinite { values.append(v[i]) }
            }
        default:
            values = column.numericValues()
        }
        return values
    }

    /// Category counts of a non-numeric column (booleans as `true` and `false`).
    static func categoryCounts(_ column: Column) -> [CodePoints: Int] {
        switch column.storage {
        case .string(let codes, let dictionary):
            var counts = [Int](repeating: 0, count: dictionary.count)
            for code in codes where code >= 0 { counts[Int(code)] += 1 }
            var out: [CodePoints: Int] = [:]
            for (index, count) in counts.enumerated() where count > 0 {
                out[CodePoints(dictionary[index]), default: 0] += count
            }
            return out
        default:
            var out: [CodePoints: Int] = [:]
            for row in 0..<column.count {
                if let text = column.text(at: row) { out[CodePoints(text), default: 0] += 1 }
            }
            return out
        }
    }

    /// The non-null strings of a column.
    static func strings(_ column: Column) -> [String] {
        (0..<column.count).compactMap { column.text(at: $0) }
    }
}
