/// Elementary functions built from IEEE-754 arithmetic alone, so generated data is byte-identical
/// on every machine.
///
/// Addition, multiplication, division and square root are correctly rounded everywhere; `exp`
/// and `log` from the platform's libm are not (glibc and Apple's libm may differ in the last
/// bit), and one differing bit can move a rounded value or a label. These series are accurate
/// to a few units in the last place, which is plenty for simulation.
enum PortableMath {
    static let ln2 = 0.693_147_180_559_945_3
    /// ln 2 split as fdlibm does: the high part has trailing zero bits, so k·ln2Hi is exact
    /// for the k met here, and the range reduction keeps full precision.
    static let ln2Hi = 6.931_471_803_691_238_164_90e-01
    static let ln2Lo = 1.908_214_929_270_587_700_02e-10

    /// e raised to `x`.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.7 { return .infinity }
        if x < -745 { return 0 }
        // x = k·ln2 + r with |r| ≤ ln2/2, then e^x = 2^k · e^r.
        let k = (x / ln2).rounded()
        let r = (x - k * ln2Hi) - k * ln2Lo
        var term = 1.0
        var sum = 1.0
        for n in 1...16 {
            term = term * r / Double(n)
            sum += term
        }
        return scaled(sum, byPowerOfTwo: Int(k))
    }

    /// The natural logarithm of `x` (negative infinity at 0, NaN below).
    static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return x }
        // x = m·2^e with m in [√½, √2), then log m = 2·atanh((m − 1)/(m + 1)).
        var exponent = Int(x.exponent)
        var m = x.significand
        if m > 1.414_213_562_373_095_1 {
            m /= 2
            exponent += 1
        }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var power = s
        var sum = 0.0
        var n = 1.0
        while n < 40 {
            sum += power / n
            power *= s2
            n += 2
        }
        return Double(exponent) * ln2Hi + (Double(exponent) * ln2Lo + 2 * sum)
    }

    /// `base` raised to `exponent`, for a base of 0 or more.
    static func pow(_ base: Double, _ exponent: Double) -> Double {
        base <= 0 ? 0 : exp(exponent * log(base))
    }

    /// The logistic function 1 / (1 + e^−x).
    static func sigmoid(_ x: Double) -> Double {
        1 / (1 + exp(-x))
    }

    /// `value` · 2^`power`, exactly (rounded once if the result is subnormal).
    private static func scaled(_ value: Double, byPowerOfTwo power: Int) -> Double {
        var result = value
        var remaining = power
        while remaining > 1000 {
            result *= 0x1p1000
            remaining -= 1000
        }
        while remaining < -1000 {
            result *= 0x1p-1000
            remaining += 1000
        }
        return result * Double(sign: .plus, exponent: remaining, significand: 1)
    }
}
