/// Small queries on sorted samples that several drift measures share.
enum SortedSamples {
    /// How many values are strictly below `bound` (`np.searchsorted(sorted, bound, "left")`).
    static func countBelow(_ sorted: [Double], _ bound: Double) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < bound { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The number of distinct values, counting no further than `limit`.
    static func distinctCount(_ sorted: [Double], limit: Int = .max) -> Int {
        guard !sorted.isEmpty else { return 0 }
        var count = 1
        var index = 0
        while count < limit {
            // Jump to the first value above sorted[index].
            let next = countBelowOrEqual(sorted, sorted[index], from: index)
            if next >= sorted.count { break }
            index = next
            count += 1
        }
        return count
    }

    /// The distinct values of both samples together, counting no further than `limit`.
    static func distinctCount(_ a: [Double], _ b: [Double], limit: Int = .max) -> Int {
        var i = 0
        var j = 0
        var count = 0
        while (i < a.count || j < b.count) && count < limit {
            let value = j >= b.count || (i < a.count && a[i] <= b[j]) ? a[i] : b[j]
            count += 1
            if i < a.count { i = countBelowOrEqual(a, value, from: i) }
            if j < b.count { j = countBelowOrEqual(b, value, from: j) }
        }
        return count
    }

    /// The index of the first value above `value`, searching from `start`.
    static func countBelowOrEqual(_ sorted: [Double], _ value: Double, from start: Int) -> Int {
        // Gallop first: runs of equal values are usually short.
        var step = 1
        var low = start
        var high = start
        while high < sorted.count && sorted[high] <= value {
            low = high
            high += step
            step *= 2
        }
        high = min(high, sorted.count)
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Runs of equal values: each distinct value with how often it occurs.
    static func runs(_ sorted: [Double]) -> [(value: Double, count: Int)] {
        var out: [(value: Double, count: Int)] = []
        var index = 0
        while index < sorted.count {
            let next = countBelowOrEqual(sorted, sorted[index], from: index)
            out.append((sorted[index], next - index))
            index = next
        }
        return out
    }
}
