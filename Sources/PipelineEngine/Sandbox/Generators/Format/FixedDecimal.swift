/// Writes numbers with a fixed number of decimals, the same on every machine.
///
/// Foundation's formatters follow the locale and the platform; this uses integer arithmetic
/// after one correctly rounded multiplication, so `12.345` at 2 decimals is always `12.35` or
/// always `12.34`, never one on one machine and the other elsewhere.
enum FixedDecimal {
    /// `value` rounded half away from zero to `decimals` places (0 to 9), such as `-3.50`.
    static func format(_ value: Double, decimals: Int) -> String {
        precondition((0...9).contains(decimals), "decimals must be 0 to 9")
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = (value * factor).rounded(.toNearestOrAwayFromZero)
        guard scaled.isFinite, abs(scaled) < 9e18 else { return "0" }
        let units = Int64(scaled)
        let magnitude = units.magnitude
        let divisor = UInt64(factor)
        var text = String(magnitude / divisor)
        if decimals > 0 {
            let fraction = String(magnitude % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return units < 0 ? "-" + text : text
    }

    /// A whole number padded with zeros to at least `width` digits, such as `000042`.
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
