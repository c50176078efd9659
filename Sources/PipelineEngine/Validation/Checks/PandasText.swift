/// A cell as pandas' `str()` writes it, which is the text Great Expectations matches a regular
/// expression against and measures the length of (`column.astype(str)`).
///
/// An integer column is `1`, but once it has a null pandas holds it as float64 and writes
/// `1.0`; a double is Python's `repr` (`1.0`, `0.0001`, `1e-05`, `1e+16`); a boolean is
/// `True` or `False`; text is itself.
enum PandasText {
    /// The text of the non-null cell at `row`, or nil when it is null.
    static func text(_ column: Column, at row: Int) -> String? {
        if column.isNull(row) { return nil }
        switch column.storage {
        case .integer(let values):
            return column.nulls.isEmpty ? String(values[row]) : pythonFloat(Double(values[row]))
        case .double(let values): return pythonFloat(values[row])
        case .boolean(let values): return values[row] ? "True" : "False"
        case .string: return column.text(at: row)
        }
    }

    /// Python's `repr(float)`: the shortest digits that read back, in positional form for
    /// decimal exponents from -4 to 15 (always with a fraction, `3.0`), else as `1.5e+16`.
    static func pythonFloat(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description also gives the shortest round-tripping digits; only the layout differs.
        var shortest = "\(value.magnitude)"
        var exponent = 0
        if let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(shortest[shortest.index(after: e)...]) ?? 0
            shortest = String(shortest[..<e])
        }
        let parts = shortest.split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array(parts[0] + (parts.count > 1 ? parts[1] : ""))
        // The decimal point sits after `point` digits.
        var point = parts[0].count + exponent
        while digits.count > 1, digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        let sign = value < 0 ? "-" : ""
        let scientific = point - 1
        if scientific < -4 || scientific >= 16 {
            let mantissa = String(digits[0]) + (digits.count > 1 ? "." + String(digits.dropFirst()) : "")
            let magnitude = abs(scientific)
            return sign + mantissa + "e" + (scientific < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "")
                + String(magnitude)
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + String(digits) }
        if point >= digits.count {
            return sign + String(digits) + String(repeating: "0", count: point - digits.count) + ".0"
        }
        return sign + String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
    }
}
