import Foundation

/// McNemar's exact test on the discordant pairs of a paired comparison, as statsmodels'
/// `mcnemar(table, exact=True)`.
///
/// Under the null hypothesis that both models are equally often right, each of the b + c rows
/// that only one of them gets right is equally likely to favour either, so min(b, c) follows
/// a binomial distribution with b + c trials and probability ½. The two-sided p-value is twice
/// its lower tail, capped at 1.
enum McNemarExactTest {
    /// The two-sided p-value for `b` rows only the first model gets right and `c` only the
    /// second; 1 when there are no such rows.
    static func pValue(b: Int, c: Int) -> Double {
        precondition(b >= 0 && c >= 0, "discordant counts cannot be negative")
        let trials = b + c
        guard trials > 0 else { return 1 }
        return min(1, 2 * halfBinomialLowerTail(atMost: min(b, c), of: trials))
    }

    /// P(X ≤ `k`) for X ~ Binomial(`n`, ½) and k ≤ n / 2, summed term by term.
    ///
    /// The largest term, C(n, k) / 2ⁿ, is built as a product of ratios with a separate binary
    /// exponent, so neither 2ⁿ nor C(n, k) overflows for thousands of trials; the smaller terms
    /// follow from it by the ratio of neighbours, C(n, j − 1) / C(n, j) = j / (n − j + 1),
    /// which falls at least geometrically below the middle. Each step rounds once or twice,
    /// so the relative error stays near k · 2⁻⁵³, far below what a p-value needs.
    static func halfBinomialLowerTail(atMost k: Int, of n: Int) -> Double {
        precondition(k >= 0 && 2 * k <= n, "the tail must stop at or below the middle")
        // C(n, k) = ∏_{j=1…k} (n − k + j) / j, carried as `largest` · 2^`exponent`.
        var largest = 1.0
        var exponent = -n
        for j in stride(from: 1, through: k, by: 1) {
            largest = largest * Double(n - k + j) / Double(j)
            if largest > 0x1p512 {
                largest *= 0x1p-512
                exponent += 512
            }
        }
        // Σ_{j=0…k} C(n, j) / C(n, k), from the largest term down.
        var ratio = 1.0
        var sum = 1.0
        var j = k
        while j > 0 {
            ratio *= Double(j) / Double(n - j + 1)
            sum += ratio
            if ratio < sum * 0x1p-60 { break }
            j -= 1
        }
        return scalbn(largest * sum, exponent)
    }
}
