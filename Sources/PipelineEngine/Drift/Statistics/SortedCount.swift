/// Counting in sorted samples by binary search.
enum SortedCount {
    /// How many of `sorted` (ascending) are below `x`, as `np.searchsorted(sorted, x)` counts them.
    static func below(_ x: Double, in sorted: [Double]) -> Int {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
