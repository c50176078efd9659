import Foundation

/// The regularized incomplete beta function, for Student's t distribution.
enum IncompleteBeta {
    /// `I_x(a, b)`, with `y = 1 − x` given separately so that a caller who knows it more
    /// precisely than `1 − x` (a tail near 1) keeps that precision.
    ///
    /// The continued fraction (Numerical Recipes' `betacf`, modified Lentz) converges fast for
    /// `x < (a + 1) / (a + b + 2)`; above that, `I_x(a, b) = 1 − I_y(b, a)`.
    static func regularized(x: Double, y: Double, a: Double, b: Double) -> Double {
        guard a > 0, b > 0, x >= 0, y >= 0, !x.isNaN, !y.isNaN else { return .nan }
        if x == 0 { return 0 }
        if y == 0 { return 1 }
        if x < (a + 1) / (a + b + 2) {
            return front(x: x, y: y, a: a, b: b) * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - front(x: y, y: x, a: b, b: a) * continuedFraction(x: y, a: b, b: a) / b
    }

    /// `xᵃ yᵇ / B(a, b)`, in logarithms.
    private static func front(x: Double, y: Double, a: Double, b: Double) -> Double {
        exp(a * log(x) + b * log(y) - logBeta(a, b))
    }

    /// `log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b)`.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        lgamma(a) + lgamma(b) - lgamma(a + b)
    }

    /// The continued fraction of `I_x(a, b)`, without its front factor.
    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let sum = a + b
        var c = 1.0
        var d = 1 - sum * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1..<100_000 {
            let m = Double(m)
            // The even step.
            var numerator = m * (b - m) * x / ((a - 1 + 2 * m) * (a + 2 * m))
            d = 1 + numerator * d
            if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            // The odd step.
            numerator = -(a + m) * (sum + m) * x / ((a + 2 * m) * (a + 1 + 2 * m))
            d = 1 + numerator * d
            if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }
}
