import Foundation

/// Durations in milliseconds as reports print them.
public enum DurationText {
    /// A duration in milliseconds with the digits that matter: one decimal from 10 ms up, two
    /// from 1 ms, and three significant digits below, so a model that answers in microseconds
    /// reads as `0.00377 ms`, not `0.0 ms`.
    public static func milliseconds(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == 0 || abs(value) >= 10 { return String(format: "%.1f", value) }
        if abs(value) >= 1 { return String(format: "%.2f", value) }
        return String(format: "%.3g", value)
    }
}
