import Foundation

/// Distances between two distributions given as shares over the same buckets.
enum Divergence {
    /// The share an empty bucket gets in PSI, so that its logarithm stays finite.
    static let psiEmptyShare = 0.0001

    /// The population stability index Σ (r - c)·ln(r / c), empty buckets counted at 0.0001.
    static func populationStability(reference: [Double], current: [Double]) -> Double {
        var sum = 0.0
        for (r, c) in zip(reference, current) {
            let r = r == 0 ? psiEmptyShare : r
            let c = c == 0 ? psiEmptyShare : c
            sum += (r - c) * log(r / c)
        }
        return sum
    }

    /// The Jensen-Shannon distance (natural log), as `scipy.spatial.distance.jensenshannon`.
    ///
    /// Both inputs are normalised to sum to 1 first, as scipy does.
    static func jensenShannon(_ p: [Double], _ q: [Double]) -> Double {
        let pTotal = p.reduce(0, +)
        let qTotal = q.reduce(0, +)
        var left = 0.0
        var right = 0.0
        for (pi, qi) in zip(p, q) {
            let a = pi / pTotal
            let b = qi / qTotal
            let m = (a + b) / 2
            if a > 0 { left += a * log(a / m) }
            if b > 0 { right += b * log(b / m) }
        }
        return (max(0, left + right) / 2).squareRoot()
    }

    /// The total variation distance ½ Σ |p - q| between two share vectors.
    static func totalVariation(_ p: [Double], _ q: [Double]) -> Double {
        zip(p, q).reduce(0) { $0 + abs($1.0 - $1.1) } / 2
    }
}
