import Foundation

/// The two-sample, two-sided Kolmogorov-Smirnov test, as scipy's `ks_2samp(method="auto")`.
enum KolmogorovSmirnov {
    /// Samples up to this size get the exact p-value; larger ones the asymptotic one.
    static let exactLimit = 10_000

    struct Result: Equatable {
        /// The largest gap between the two empirical CDFs.
        var statistic: Double
        var pValue: Double
        /// Whether the p-value came from the exact null distribution.
        var exact: Bool
    }

    /// Tests two samples, each sorted ascending, neither empty and free of NaN.
    static func test(sortedReference a: [Double], sortedCurrent b: [Double]) -> Result {
        precondition(!a.isEmpty && !b.isEmpty, "ks needs two non-empty samples")
        return test(gap: largestGap(a, b), n1: a.count, n2: b.count)
    }

    /// Tests two samples of sizes `n1` and `n2` whose largest ECDF gap is `gap` (see
    /// ``largestGap(_:_:)``).
    static func test(gap: (numerator: Int, value: Double), n1: Int, n2: Int) -> Result {
        precondition(n1 > 0 && n2 > 0, "ks needs two non-empty samples")
        let g = gcd(n1, n2)
        if max(n1, n2) <= exactLimit {
            // h·g is the largest gap in units of 1/(n1·n2); lcm(n1, n2) = n1/g·n2.
            let h = gap.numerator / g
            let lcm = Double((n1 / g) * n2)
            let d = Double(h) / lcm
            if h == 0 { return Result(statistic: d, pValue: 1, exact: true) }
            let prob =
                n1 == n2
                ? probabilityOutsideSquare(n: n1, h: h)
                : probabilityOutsideInside(m: n1, n: n2, g: g, h: h)
            if prob.isFinite && prob >= 0 && prob <= 1 {
                return Result(statistic: d, pValue: prob, exact: true)
            }
        }
        let (m, n) = (Double(max(n1, n2)), Double(min(n1, n2)))
        let effective = (m * n / (m + n)).rounded(.toNearestOrEven)
        let p = KolmogorovDistribution.survival(n: Int(effective), x: gap.value)
        return Result(statistic: gap.value, pValue: min(1, max(0, p)), exact: false)
    }

    /// The largest `|F₁ - F₂|`, exactly (as a multiple of 1/(n1·n2)) and as scipy's float.
    static func largestGap(_ a: [Double], _ b: [Double]) -> (numerator: Int, value: Double) {
        var record = ECDFGapRecord(n1: a.count, n2: b.count)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                mergeRuns(a, b, after: (0, 0), into: &record)
            }
        }
        return record.gap
    }

    /// Records the ECDF difference at every run end of two sorted stretches merged.
    ///
    /// `after` counts each sample's values below the stretches; every value after them (in
    /// either sample) is larger than all of theirs, so their last value ends a run.
    @inline(__always)
    static func mergeRuns(
        _ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, after: (Int, Int),
        into record: inout ECDFGapRecord
    ) {
        let n1 = a.count
        let n2 = b.count
        var i = 0
        var j = 0
        // The ECDF gap counts only where a run of equal values ends: at a value below the
        // next one in merged order.
        while i < n1 && j < n2 {
            let x = a[i]
            let y = b[j]
            // Take from `a` when x ≤ y: the sign bit of y - x, so no unpredictable branch.
            let takeA = 1 &- Int(truncatingIfNeeded: (y - x).bitPattern >> 63)
            let value = min(x, y)
            i &+= takeA
            j &+= 1 &- takeA
            let next = min(i < n1 ? a[i] : .infinity, j < n2 ? b[j] : .infinity)
            if next != value { record.record(after.0 &+ i, after.1 &+ j) }
        }
        // One side is used up: the other's remaining values, run by run.
        while i < n1 {
            i += 1
            if i == n1 || a[i] != a[i - 1] { record.record(after.0 &+ i, after.1 &+ j) }
        }
        while j < n2 {
            j += 1
            if j == n2 || b[j] != b[j - 1] { record.record(after.0 &+ i, after.1 &+ j) }
        }
    }

    /// `P(D ≥ h/n)` for two samples of the same size `n`, by Hodges' alternating sum in Horner form.
    static func probabilityOutsideSquare(n: Int, h: Int) -> Double {
        var p = 0.0
        var k = n / h
        let nd = Double(n)
        while k >= 0 {
            var term = 1.0
            for j in 0..<h {
                let kh = Double(k * h)
                let jd = Double(j)
                term = (nd - kh - jd) * term / (nd + kh + jd + 1)
            }
            p = term * (1.0 - p)
            k -= 1
        }
        return 2 * p
    }

    /// `P(D ≥ h/lcm)` for sizes `m` and `n`, counting lattice paths that leave the band
    /// `|x/m - y/n| < h/lcm` (Hodges 1958, with Viehmann's 2021 recursion for 1 - p).
    static func probabilityOutsideInside(m: Int, n: Int, g: Int, h: Int) -> Double {
        let (m, n) = m < n ? (n, m) : (m, n)
        let mg = Double(m / g)
        let ng = Double(n / g)
        let hd = Double(h)
        var minJ = 0
        var maxJ = min(Int((hd / mg).rounded(.up)), n + 1)
        var currentLength = maxJ - minJ
        let length = min(2 * maxJ + 2, n + 1)
        var column = [Double](repeating: 1, count: length)
        for j in minJ..<min(maxJ, length) { column[j] = 0 }
        for i in 1...m {
            let lastMinJ = minJ
            let lastLength = currentLength
            let id = Double(i)
            minJ = min(max(Int(((ng * id - hd) / mg).rounded(.down)) + 1, 0), n)
            maxJ = min(Int(((ng * id + hd) / mg).rounded(.up)), n + 1)
            if maxJ <= minJ { return 1.0 }
            var value = minJ == 0 ? 0.0 : 1.0
            for jj in 0..<(maxJ - minJ) {
                let j = Double(jj + minJ)
                value = (column[jj + minJ - lastMinJ] * id + value * j) / (id + j)
                column[jj] = value
            }
            currentLength = maxJ - minJ
            if lastLength > currentLength {
                for index in currentLength..<min(length, currentLength + lastLength - currentLength) {
                    column[index] = 1
                }
            }
        }
        return column[maxJ - minJ - 1]
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
