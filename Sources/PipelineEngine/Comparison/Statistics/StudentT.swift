import Foundation

/// Student's t distribution: two-sided tail probabilities and the quantiles of intervals.
enum StudentT {
    /// P(|T| ≥ |`t`|) for T with `degreesOfFreedom` degrees of freedom, as
    /// `2 · scipy.stats.t.sf(|t|, df)`.
    ///
    /// It is `I_x(ν/2, ½)` with `x = ν / (ν + t²)`; `1 − x` is passed as `t² / (ν + t²)` so a
    /// small |t| keeps its digits.
    static func twoSidedTail(_ t: Double, degreesOfFreedom: Double) -> Double {
        guard degreesOfFreedom > 0, !t.isNaN else { return .nan }
        if t.isInfinite { return 0 }
        let square = t * t
        let x = degreesOfFreedom / (degreesOfFreedom + square)
        let y = square / (degreesOfFreedom + square)
        return min(1, max(0, IncompleteBeta.regularized(x: x, y: y, a: degreesOfFreedom / 2, b: 0.5)))
    }

    /// The t with `P(|T| ≥ t) = tail`: the multiplier of a two-sided interval at confidence
    /// `1 − tail` (12.706 for ν = 1 and a 95 % interval), as `scipy.stats.t.ppf(1 − tail/2, df)`.
    ///
    /// Found by bisection on the tail, which falls as t grows, until the bracket cannot shrink.
    static func twoSidedCritical(tail: Double, degreesOfFreedom: Double) -> Double {
        precondition(tail > 0 && tail < 1 && degreesOfFreedom > 0, "a tail in (0, 1) and positive degrees of freedom")
        var low = 0.0
        var high = 1.0
        while twoSidedTail(high, degreesOfFreedom: degreesOfFreedom) > tail { high *= 2 }
        while true {
            let middle = (low + high) / 2
            guard middle > low, middle < high else { return middle }
            if twoSidedTail(middle, degreesOfFreedom: degreesOfFreedom) > tail {
                low = middle
            } else {
                high = middle
            }
        }
    }
}
