/// Strict UTF-8 checking for CSV fields, reporting where the first bad byte is.
///
/// The standard library can tell whether bytes are valid but not where they stop being so, and
/// an error message must point at the byte. This follows the Unicode definition: no overlong
/// forms, no surrogates, nothing above U+10FFFF.
enum UTF8Validation {
    /// The offset of the first byte that is not part of valid UTF-8, or nil when all are valid.
    static func firstInvalidByte(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        var i = 0
        while i < count {
            let b0 = p[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return i
            }
            if i + 1 >= count || p[i + 1] < low || p[i + 1] > high { return i }
            for k in 2..<length where i + k >= count || p[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// Whether all `count` bytes at `p` are ASCII, which is always valid UTF-8.
    @inline(__always)
    static func isASCII(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var i = 0
        while i < count {
            if p[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }
}
