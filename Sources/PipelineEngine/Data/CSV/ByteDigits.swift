/// Runs of decimal digits read eight bytes at a time (SWAR: SIMD within a register).
///
/// A CSV number is mostly digits; reading them one byte each costs a load, a test and a
/// multiply-add per digit. One 64-bit load instead finds how many of the next eight bytes are
/// digits and combines them in three multiplications.
enum ByteDigits {
    static let powersOfTen: [UInt64] = [1, 10, 100, 1000, 10000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    /// Reads the digits at `p[i]` onwards (before `count`), moving `i` past them and appending
    /// them to `value` (`value·10 + digit` each, wrapping as that would).
    @inline(__always)
    static func read(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ count: Int, into value: inout UInt64) {
        guard let base = p.baseAddress else { return }
        while i &+ 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            let digits = leadingDigitCount(word)
            if digits > 0 {
                value = value &* powersOfTen[digits] &+ valueOfDigits(word, digits)
                i &+= digits
            }
            if digits < 8 { return }
        }
        while i < count {
            let digit = p[i] &- UInt8(ascii: "0")
            if digit > 9 { return }
            value = value &* 10 &+ UInt64(digit)
            i &+= 1
        }
    }

    /// How many of the eight bytes in `word`, first byte lowest, are digits before any other.
    @inline(__always)
    static func leadingDigitCount(_ word: UInt64) -> Int {
        // A byte is a digit when its high nibble is 3 and its low nibble plus 6 stays below 16.
        let highNibbleOff = (word & 0xF0F0_F0F0_F0F0_F0F0) ^ 0x3030_3030_3030_3030
        let lowNibbleOver = ((word & 0x0F0F_0F0F_0F0F_0F0F) &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0
        return (highNibbleOff | lowNibbleOver).trailingZeroBitCount >> 3
    }

    /// The number the first `digits` (1 to 8) bytes of `word` write.
    @inline(__always)
    static func valueOfDigits(_ word: UInt64, _ digits: Int) -> UInt64 {
        // Shifted so that the digits are the last of eight, behind zeros, then paired up:
        // digits into two-digit numbers, those into four-digit ones, those into one.
        var v = (word & 0x0F0F_0F0F_0F0F_0F0F) &<< UInt64(64 &- 8 &* digits)
        v = (v &* (10 << 8 + 1)) &>> 8 & 0x00FF_00FF_00FF_00FF
        v = (v &* (100 << 16 + 1)) &>> 16 & 0x0000_FFFF_0000_FFFF
        return (v &* (10000 << 32 + 1)) &>> 32
    }
}
