import Foundation

/// Durations as every report prints them: one rule for gates, evaluations, monitoring,
/// rollouts, canaries and pipeline runs, so the same latency never reads two ways.
package enum DurationText {
    /// The units from the smallest, each with its size in seconds.
    static let units: [(name: String, seconds: Double)] = [("ns", 1e-9), ("µs", 1e-6), ("ms", 1e-3), ("s", 1)]

    /// A duration given in seconds, in the unit its size calls for (ns, µs, ms or s) with three
    /// significant digits: `290 ns`, `1.82 µs`, `20.0 ms`, `250 ms`, `1.00 s`.
    ///
    /// Durations of 1000 s and more keep whole seconds (`3600 s`); zero is `0 s`.
    package static func seconds(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == 0 { return "0 s" }
        let size = abs(value)
        var index = units.lastIndex { size >= $0.seconds } ?? 0
        var scaled = size / units[index].seconds
        // Rounding may carry into the next unit: 999.7 µs is 1.00 ms.
        if rounded(scaled, decimals: decimals(scaled)) >= 1000, index < units.count - 1 {
            index += 1
            scaled = size / units[index].seconds
        }
        // Or into a fourth digit: 9.996 ms is 10.0 ms, not 10.00 ms.
        let places = decimals(rounded(scaled, decimals: decimals(scaled)))
        let sign = value < 0 ? "-" : ""
        return sign + String(format: "%.\(places)f", scaled) + " " + units[index].name
    }

    /// A duration given in milliseconds (how latencies are measured and budgeted), written
    /// by the same rule as ``seconds(_:)``: `0.00029` is `290 ns`, `143.24` is `143 ms`.
    package static func milliseconds(_ value: Double) -> String {
        seconds(value / 1000)
    }

    /// Decimals that leave three significant digits in a number from 1 to 999.
    private static func decimals(_ value: Double) -> Int {
        value >= 100 ? 0 : value >= 10 ? 1 : 2
    }

    private static func rounded(_ value: Double, decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded() / scale
    }
}
