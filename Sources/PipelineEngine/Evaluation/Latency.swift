import Foundation

/// Percentiles of measured single-row prediction times, in milliseconds.
package struct LatencyPercentiles: Sendable, Equatable, Codable {
    package var p50: Double
    package var p95: Double
    package var p99: Double
    package var mean: Double
    /// How many predictions were timed.
    package var samples: Int

    /// Summarises durations in milliseconds with numpy's default (linear) percentiles.
    package init(milliseconds: [Double]) {
        let sorted = milliseconds.sorted()
        p50 = percentile(sorted, 50)
        p95 = percentile(sorted, 95)
        p99 = percentile(sorted, 99)
        mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
        samples = sorted.count
    }
}

/// The `q`-th percentile of ascending `sorted`, interpolating linearly between ranks as
/// `numpy.percentile` does by default.
package func percentile(_ sorted: [Double], _ q: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let position = Double(sorted.count - 1) * q / 100
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    let fraction = position - Double(lower)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
}

/// The peak resident memory of this process so far, in megabytes (`getrusage`'s `ru_maxrss`).
package func peakMemoryMegabytes() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Double(usage.ru_maxrss) / (1024 * 1024)  // bytes on macOS
    #endif
}
