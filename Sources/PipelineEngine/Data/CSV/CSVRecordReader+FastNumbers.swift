/// The reader's fast path: a plain number in a column already known to be numeric is parsed
/// while it is scanned, so its bytes are read once rather than twice.
///
/// It takes only the common shapes (`-12`, `3.25`, unquoted, no exponent, few enough digits
/// to be exact) and leaves everything else, including any doubt, to the general path, which
/// starts again at the same byte.
extension CSVRecordReader {
    /// Stores the field at the tokenizer's position if it is a plain number in a numeric
    /// column, moving past the field and its delimiter.
    ///
    /// Returns the offset of the delimiter (the field's end), or nil to leave
    /// the field to the general path.
    @inline(__always)
    mutating func storePlainNumber(_ tokenizer: inout CSVTokenizer, column: Int, endsRecord: inout Bool) -> Int? {
        let p = tokenizer.p
        let count = tokenizer.count
        var i = tokenizer.position
        guard i < count else { return nil }
        let kind = builders[column].kind
        guard kind == .integer || kind == .double else { return nil }
        let negative = p[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var mantissa: UInt64 = 0
        let first = i
        ByteDigits.read(p, &i, count, into: &mantissa)
        var digits = i - first
        var fractionDigits = 0
        if kind == .double, i < count, p[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            ByteDigits.read(p, &i, count, into: &mantissa)
            fractionDigits = i - fractionStart
            digits += fractionDigits
        }
        guard digits > 0, digits <= 18 else { return nil }
        // The field must end here: at a comma, a line break or the end of the file.
        let end = i
        if i == count {
            endsRecord = true
        } else {
            let c = p[i]
            if c == CSVTokenizer.comma {
                i += 1
            } else if c == CSVTokenizer.lineFeed {
                i += 1
                endsRecord = true
            } else if c == CSVTokenizer.carriageReturn, i + 1 < count, p[i + 1] == CSVTokenizer.lineFeed {
                i += 2
                endsRecord = true
            } else {
                return nil
            }
        }
        if kind == .integer {
            let value = Int64(mantissa)
            owner.stage(UInt64(bitPattern: negative ? -value : value), column: column)
        } else {
            guard mantissa <= 1 << 53, fractionDigits <= 22 else { return nil }
            let value = Double(mantissa) / ByteNumberParsing.exactPowersOfTen[fractionDigits]
            owner.stage((negative ? -value : value).bitPattern, column: column)
        }
        tokenizer.position = i
        if endsRecord, end < count { tokenizer.line += 1 }
        return end
    }
}
