/// Parsers that read numbers and booleans straight from a CSV field's bytes.
///
/// They exist so that a million numeric cells never become a million `String`s: each field is
/// read where it lies in the mapped file. The grammar is deliberately strict (no spaces, no
/// `nan` or `inf`, no thousands separators) so that a value either is plainly a number or the
/// column is text.
enum ByteNumberParsing {
    /// Powers of ten that a `Double` holds exactly, for the exact fast path of ``double(_:_:)``.
    static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The integer written in `count` bytes at `p` (`[+-]?[0-9]+`), or nil if it is not one or
    /// does not fit in 64 bits.
    @inline(__always)
    static func integer(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int64? {
        var i = 0
        var negative = false
        if count > 0, p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+") {
            negative = p[0] == UInt8(ascii: "-")
            i = 1
        }
        if i == count { return nil }
        // Up to 18 digits cannot overflow, so the common case needs no overflow checks.
        if count - i <= 18 {
            var value: Int64 = 0
            while i < count {
                let digit = p[i] &- UInt8(ascii: "0")
                if digit > 9 { return nil }
                value = value &* 10 &+ Int64(digit)
                i += 1
            }
            return negative ? -value : value
        }
        var magnitude: UInt64 = 0
        while i < count {
            let digit = p[i] &- UInt8(ascii: "0")
            if digit > 9 { return nil }
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
            if o1 || o2 { return nil }
            magnitude = sum
            i += 1
        }
        if negative {
            if magnitude <= UInt64(Int64.max) { return -Int64(magnitude) }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// Whether `count` bytes at `p` are written as an integer (`[+-]?[0-9]+`) too large for
    /// 64 bits: such a column is read as text, as pandas keeps it (object dtype), so that two
    /// distinct 30-digit ids never round to one double.
    static func isIntegerBeyondInt64(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let sign = count > 0 && (p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+")) ? 1 : 0
        // 19 digits is the fewest that can overflow.
        guard count - sign >= 19 else { return false }
        for k in sign..<count where p[k] &- UInt8(ascii: "0") > 9 { return false }
        return integer(p, count) == nil
    }

    /// The decimal number written in `count` bytes at `p`, correctly rounded, or nil.
    ///
    /// Accepts `[+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?`. When the digits fit in 53
    /// bits and the exponent is small, one multiplication or division by an exact power of ten
    /// is correctly rounded (Clinger's fast path); the rest go through the standard library's
    /// parser.
    @inline(__always)
    static func double(_ p: UnsafePointer<UInt8>, _ count: Int) -> Double? {
        var i = 0
        var negative = false
        if count > 0, p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+") {
            negative = p[0] == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        while i < count {
            let digit = p[i] &- UInt8(ascii: "0")
            if digit > 9 { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            digits += 1
            i += 1
        }
        if i < count, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < count {
                let digit = p[i] &- UInt8(ascii: "0")
                if digit > 9 { break }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                digits += 1
                fractionDigits += 1
                i += 1
            }
        }
        if digits == 0 { return nil }
        var exponent = 0
        if i < count, p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < count, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            let first = i
            while i < count {
                let digit = p[i] &- UInt8(ascii: "0")
                if digit > 9 { break }
                if exponent < 100_000 { exponent = exponent * 10 + Int(digit) }
                i += 1
            }
            if i == first { return nil }
            if exponentNegative { exponent = -exponent }
        }
        if i != count { return nil }
        // With at most 19 digits the mantissa has not wrapped around.
        if digits <= 19 {
            if mantissa == 0 { return negative ? -0.0 : 0.0 }
            let power = exponent - fractionDigits
            if mantissa <= 1 << 53, power >= -22, power <= 22 {
                let value = Double(mantissa)
                let scaled = power < 0 ? value / exactPowersOfTen[-power] : value * exactPowersOfTen[power]
                return negative ? -scaled : scaled
            }
        }
        return slowDouble(p, count)
    }

    /// The standard library's correctly rounded parse, for the digits the fast path cannot take.
    @inline(never)
    private static func slowDouble(_ p: UnsafePointer<UInt8>, _ count: Int) -> Double? {
        let text = String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)
        return Double(text)
    }

    /// `true` or `false` in any letter case, or nil.
    @inline(__always)
    static func boolean(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool? {
        func matches(_ word: StaticString) -> Bool {
            let w = word.utf8Start
            for k in 0..<count where p[k] | 0x20 != w[k] { return false }
            return true
        }
        if count == 4, matches("true") { return true }
        if count == 5, matches("false") { return false }
        return nil
    }
}
