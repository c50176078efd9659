/// The largest and smallest ECDF differences seen so far, and where each was first seen.
///
/// A difference at the point where `i` values of the first sample (of `n1`) and `j` of the
/// second (of `n2`) lie at or below `x` is `i·n2 - j·n1`, in units of 1/(n1·n2), so that equal
/// gaps compare equal. The float gap is taken at the first point of the largest one, as scipy's
/// `ks_2samp` takes `max(cdf1 - cdf2)` in floats.
struct ECDFGapRecord {
    let n1: Int
    let n2: Int
    private(set) var maxDiff = 0
    private(set) var minDiff = 0
    private var maxAt = (0, 0)
    private var minAt = (0, 0)

    init(n1: Int, n2: Int) {
        self.n1 = n1
        self.n2 = n2
    }

    /// Notes the difference where `i` and `j` values of each sample lie at or below a value that
    /// ends a run of equal values (the next value in merged order is larger).
    @inline(__always) mutating func record(_ i: Int, _ j: Int) {
        let diff = i &* n2 &- j &* n1
        if diff > maxDiff {
            maxDiff = diff
            maxAt = (i, j)
        }
        if diff < minDiff {
            minDiff = diff
            minAt = (i, j)
        }
    }

    /// The largest `|F₁ - F₂|`, exactly (as a multiple of 1/(n1·n2)) and as scipy's float.
    var gap: (numerator: Int, value: Double) {
        func floatGap(_ at: (Int, Int)) -> Double { Double(at.0) / Double(n1) - Double(at.1) / Double(n2) }
        let maxS = floatGap(maxAt)
        let minS = min(1, max(0, -floatGap(minAt)))
        return minS > maxS ? (-minDiff, minS) : (maxDiff, maxS)
    }
}
