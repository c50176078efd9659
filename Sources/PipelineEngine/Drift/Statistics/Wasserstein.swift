/// The first Wasserstein distance between two samples, as scipy's `wasserstein_distance`.
enum Wasserstein {
    /// ∫ |F₁(x) - F₂(x)| dx for two sorted, non-empty samples, in one merge pass, over the
    /// values multiplied by `scale` (a power of two, so that a range beyond a double fits).
    static func distance(sortedReference a: [Double], sortedCurrent b: [Double], scale: Double = 1) -> Double {
        let n1 = a.count
        let n2 = b.count
        var sum = CompensatedSum()
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var i = 0
                var j = 0
                var value = min(a[0], b[0]) * scale
                while i < n1 || j < n2 {
                    // Step past the next value, then integrate the CDF gap up to the one after.
                    if j >= n2 || (i < n1 && a[i] <= b[j]) { i += 1 } else { j += 1 }
                    guard i < n1 || j < n2 else { break }
                    let next = (j >= n2 ? a[i] : (i >= n1 ? b[j] : min(a[i], b[j]))) * scale
                    let width = next - value
                    if width != 0 {
                        sum.add(abs(Double(i) / Double(n1) - Double(j) / Double(n2)) * width)
                        value = next
                    }
                }
            }
        }
        return sum.value
    }
}

/// A running sum with Neumaier's compensation, so long sums keep their last digits.
struct CompensatedSum {
    private var sum = 0.0
    private var compensation = 0.0

    mutating func add(_ x: Double) {
        let t = sum + x
        if abs(sum) >= abs(x) {
            compensation += (sum - t) + x
        } else {
            compensation += (x - t) + sum
        }
        sum = t
    }

    var value: Double { sum + compensation }
}
