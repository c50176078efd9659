import Foundation

/// The one-sided Kolmogorov-Smirnov distribution `D_n⁺`, as scipy's `special.smirnov`.
///
/// The two-sided KS p-value for large statistics is twice this survival function, so its
/// accuracy bounds the accuracy of `ks` p-values from the asymptotic branch.
enum SmirnovDistribution {
    /// `P(D_n⁺ ≥ x)` for a sample of `n`.
    ///
    /// Uses the Birnbaum-Tingey sum of positive terms, evaluated in logarithms so that neither
    /// the binomial coefficients nor the powers over- or underflow (scipy keeps a separate
    /// exponent in double-double arithmetic for the same reason).
    static func survival(n: Int, x: Double) -> Double {
        guard n > 0, x >= 0, x <= 1 else { return .nan }
        if n == 1 { return 1 - x }
        if x == 0 { return 1 }
        if x == 1 { return 0 }
        let nd = Double(n)
        let (nxFloor, alpha) = floorAndFraction(n: n, x: x)
        var lastTerm = n - nxFloor - (alpha == 0 ? 0 : 1)
        if alpha == 0 { lastTerm -= 1 }

        // x ≤ 1/n: closed form.
        if nxFloor == 0 || (nxFloor == 1 && alpha == 0) {
            return 1 - x * pow(1 + x, nd - 1)
        }
        // exp(-2nx²) underflows a double.
        if -2 * nd * x * x < minimumLog { return 0 }
        // x ≥ 1 - 1/n: closed form.
        if nxFloor >= n - 1 { return pow(1 - x, nd) }
        // Too many terms: scipy's approximation p ≈ exp(-(6nx+1)²/18n).
        if n > 1_000_000 {
            let logP = -pow(6 * nd * x + 1, 2) / 18 / nd
            return logP < -M_LN2 ? exp(logP) : 1 + expm1(logP)
        }

        // sf = x · Σ_{v=0}^{lastTerm} C(n,v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v)
        let nx = nd * x
        let nxLow = fma(nd, x, -nx)
        var logBinomial = 0.0
        var logBinomialError = 0.0
        var runningMax = -Double.infinity
        var scaledSum = 0.0
        let termCount = lastTerm + 1
        for v in 0..<termCount {
            let vd = Double(v)
            let logTerm: Double
            if v == 0 {
                logTerm = nd * log1p(-x) - log(x)
            } else {
                // x + v/n and 1 - x - v/n, with n·x carried exactly as high + low parts.
                let low = (vd + nx + nxLow) / nd
                let logHigh = low < 0.5 ? log1p(-low) : log(((nd - vd) - nx - nxLow) / nd)
                logTerm = (logBinomial + (vd - 1) * log(low) + (nd - vd) * logHigh) + logBinomialError
            }
            if logTerm > runningMax {
                scaledSum = scaledSum * exp(runningMax - logTerm) + 1
                runningMax = logTerm
            } else {
                scaledSum += exp(logTerm - runningMax)
            }
            // Stop once the remaining terms cannot change the sum in the last bit.
            let remaining = log(4 * Double(termCount - v)) + logTerm
            if v != termCount - 1,
                remaining < log(Double.ulpOfOne) + runningMax + log(scaledSum)
            {
                break
            }
            // log C(n, v+1), summed with Neumaier's compensation: the running sum grows into
            // the thousands and would otherwise lose ~1e-9 over many terms.
            let step = log(nd - vd) - log(vd + 1)
            let sum = logBinomial + step
            logBinomialError +=
                abs(logBinomial) >= abs(step)
                ? (logBinomial - sum) + step : (step - sum) + logBinomial
            logBinomial = sum
        }
        let logSF = log(x) + runningMax + log(scaledSum)
        return min(1, max(0, exp(logSF)))
    }

    /// Below this, `exp` returns zero (cephes' `MINLOG`).
    static let minimumLog = -7.08396418532264106224e2

    /// `floor(n·x)` and the remainder, computed exactly with a fused multiply-add.
    static func floorAndFraction(n: Int, x: Double) -> (Int, Double) {
        let nd = Double(n)
        let high = nd * x
        let low = fma(nd, x, -high)
        var whole = high.rounded(.down)
        var fraction = (high - whole) + low
        if fraction < 0 {
            whole -= 1
            fraction += 1
        }
        if fraction >= 1 {
            whole += 1
            fraction -= 1
        }
        return (Int(whole), fraction)
    }
}
