/// Order statistics without a full sort: the values a quantile needs, in linear time.
enum Selection {
    /// The values of rank `ranks` (0-based, in any order) of a non-empty sample.
    ///
    /// A quickselect that follows every wanted rank at once.
    static func values(atRanks ranks: [Int], of sample: [Double]) -> [Int: Double] {
        var work = sample
        let wanted = Array(Set(ranks)).sorted()
        var result: [Int: Double] = [:]
        work.withUnsafeMutableBufferPointer { a in
            // Each task: a range of the array and the wanted ranks inside it.
            var tasks: [(low: Int, high: Int, ranks: ArraySlice<Int>)] = [(0, a.count, wanted[...])]
            while let task = tasks.popLast() {
                let (low, high) = (task.low, task.high)
                if task.ranks.isEmpty { continue }
                if high - low <= 32 {
                    insertionSort(a, low, high)
                    for r in task.ranks { result[r] = a[r] }
                    continue
                }
                let pivot = medianOfThree(a[low], a[(low + high) / 2], a[high - 1])
                // Values below the pivot to the front; then, if that left most of the range
                // (a heavily tied column), values equal to it next, which are then done.
                let split = partition(a, low, high) { x in Int(truncatingIfNeeded: (x - pivot).bitPattern >> 63) }
                var equalEnd = split
                if split - low < (high - low) / 8 {
                    equalEnd = partition(a, split, high) { x in
                        1 &- Int(truncatingIfNeeded: (pivot - x).bitPattern >> 63)
                    }
                }
                var left: [Int] = []
                var right: [Int] = []
                for r in task.ranks {
                    if r < split {
                        left.append(r)
                    } else if r < equalEnd {
                        result[r] = pivot
                    } else {
                        right.append(r)
                    }
                }
                tasks.append((low, split, left[...]))
                tasks.append((equalEnd, high, right[...]))
            }
        }
        return result
    }

    /// Moves the values for which `goesFirst` is 1 to the front of `low..<high`, returning
    /// where the rest begin.
    ///
    /// Branch-free Lomuto: every step swaps, and the front grows by the 0 or 1 that
    /// `goesFirst` returns (computed from a sign bit, so the loop has no unpredictable branch).
    @inline(__always) private static func partition(
        _ a: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int, _ goesFirst: (Double) -> Int
    ) -> Int {
        var store = low
        for i in low..<high {
            let x = a[i]
            a[i] = a[store]
            a[store] = x
            store &+= goesFirst(x)
        }
        return store
    }

    private static func medianOfThree(_ a: Double, _ b: Double, _ c: Double) -> Double {
        max(min(a, b), min(max(a, b), c))
    }

    private static func insertionSort(_ a: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int) {
        guard high - low > 1 else { return }
        for i in (low + 1)..<high {
            let v = a[i]
            var j = i
            while j > low && a[j - 1] > v {
                a[j] = a[j - 1]
                j -= 1
            }
            a[j] = v
        }
    }
}
