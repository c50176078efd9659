/// The words a CSV file may write for a missing value, read as null like an empty field.
///
/// They are pandas' `read_csv` defaults (`na_values`, pandas 2.x), so a file written by R
/// (`NA`), by pandas (`NaN`, empty) or by a database dump (`NULL`, `None`) reads as it does
/// there: a numeric column with `NA` stays numeric, and a target with `NA` gains no class.
/// Matching is exact and case-sensitive, as in pandas (`Na` and `NONE` stay text), and applies
/// to every column, quoted or not. `inf`, `-inf` and `Infinity` are not among them: they stay
/// text, which `data profile` points out (see ``DataProfile``).
package enum MissingValueTokens {
    /// pandas' default `na_values`, besides the empty field, in pandas' documented order.
    package static let all: [String] = [
        "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>",
        "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
    ]

    private static let bytes: [[UInt8]] = all.map { Array($0.utf8) }
    private static let longest = bytes.map(\.count).max() ?? 0

    /// The index in ``all`` of the token written in `count` bytes at `p`, or nil.
    @inline(__always)
    static func index(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        guard count <= longest else { return nil }
        let first = p[0]
        // Every token starts with one of these bytes; a digit other than 1 rules them all out.
        guard
            first == UInt8(ascii: "#") || first == UInt8(ascii: "-") || first == UInt8(ascii: "1")
                || first == UInt8(ascii: "<") || first == UInt8(ascii: "N") || first == UInt8(ascii: "n")
        else { return nil }
        return matching(p, count)
    }

    @inline(never)
    private static func matching(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        outer: for (index, token) in bytes.enumerated() where token.count == count {
            for k in 0..<count where token[k] != p[k] { continue outer }
            return index
        }
        return nil
    }
}
