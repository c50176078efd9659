import Foundation
import PipelineEngine

/// Numbers as a terminal table shows them: about four significant digits, no exponent for
/// everyday magnitudes, whole numbers without a point.
enum NumberText {
    static func short(_ value: Double) -> String {
        guard value.isFinite else { return formatDouble(value) }
        if value == value.rounded(), abs(value) < 1e15 { return formatDouble(value) }
        let magnitude = abs(value)
        if magnitude >= 1e7 || magnitude < 1e-3 { return String(format: "%.3e", value) }
        let decimals = max(0, 3 - Int(log10(magnitude).rounded(.down)))
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    static func short(_ value: Double?) -> String { value.map(short) ?? "–" }

    /// A percentage already on the 0–100 scale, with at most two decimals: `0%`, `0.3%`, `12.35%`.
    ///
    /// The argument label says which scale the caller holds, so a 0–1 share cannot be printed
    /// a hundred times too small ("199 of 200 failed (1%)").
    static func percent(points value: Double) -> String {
        if value > 0, value < 0.01 { return "<0.01%" }
        if value < 100, value > 99.99 { return ">99.99%" }
        return formatDouble((value * 100).rounded() / 100) + "%"
    }

    /// A 0–1 share as a percentage: `0.995` is `99.5%`.
    static func percent(share value: Double) -> String {
        percent(points: value * 100)
    }
}
