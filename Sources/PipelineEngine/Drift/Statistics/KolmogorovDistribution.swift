import Foundation

/// The two-sided one-sample Kolmogorov-Smirnov distribution `D_n`, as scipy's `stats.kstwo`.
///
/// `ks_2samp` uses it for the asymptotic p-value of two large samples, with `n` the rounded
/// effective size `n₁n₂/(n₁+n₂)`. Which algorithm runs for which `(n, x)` follows Simard and
/// L'Ecuyer (2011) with scipy's cut-offs, so that p-values agree with scipy's to about 1e-9.
enum KolmogorovDistribution {
    /// `P(D_n ≥ x)`.
    static func survival(n: Int, x: Double) -> Double {
        probabilities(n: n, x: x).sf
    }

    /// `P(D_n ≤ x)`.
    static func cdf(n: Int, x: Double) -> Double {
        probabilities(n: n, x: x).cdf
    }

    /// The CDF and survival function together, each clipped to [0, 1].
    static func probabilities(n: Int, x: Double) -> (cdf: Double, sf: Double) {
        guard n > 0, !x.isNaN else { return (.nan, .nan) }
        if x >= 1 { return (1, 0) }
        if x <= 0 { return (0, 1) }
        let nd = Double(n)
        let t = nd * x
        if t <= 1 {
            // Ruben-Gambino: 1/2n ≤ x ≤ 1/n.
            if t <= 0.5 { return (0, 1) }
            let prob: Double
            if n <= 140 {
                var product = 1.0
                for i in 1...n { product *= Double(i) * (1.0 / nd) * (2 * t - 1) }
                prob = product
            } else {
                prob = exp(logFactorialOverPower(n) + nd * log(2 * t - 1))
            }
            return clipped(cdf: prob, sf: 1 - prob)
        }
        if t >= nd - 1 {
            // Ruben-Gambino: x ≥ 1 - 1/n.
            let prob = 2 * pow(1 - x, nd)
            return clipped(cdf: 1 - prob, sf: prob)
        }
        if x >= 0.5 {
            // Exactly twice the one-sided tail.
            let prob = 2 * SmirnovDistribution.survival(n: n, x: x)
            return clipped(cdf: 1 - prob, sf: prob)
        }
        let nxSquared = t * x
        if n <= 140 {
            if nxSquared <= 0.754693 {
                let prob = durbinMatrix(n: n, d: x)
                return clipped(cdf: prob, sf: 1 - prob)
            }
            if nxSquared <= 4 {
                let prob = pomeranz(n: n, x: x)
                return clipped(cdf: prob, sf: 1 - prob)
            }
            let prob = 2 * SmirnovDistribution.survival(n: n, x: x)
            return clipped(cdf: 1 - prob, sf: prob)
        }
        // For large n the survival function has its own, earlier switch to 2·smirnov.
        var sfOverride: Double?
        if nxSquared >= 370 {
            sfOverride = 0
        } else if nxSquared >= 2.2 {
            sfOverride = min(1, max(0, 2 * SmirnovDistribution.survival(n: n, x: x)))
        }
        let cdfProb: Double
        if nxSquared >= 18 {
            cdfProb = 1
        } else if n <= 100_000 && nd * pow(x, 1.5) <= 1.4 {
            cdfProb = durbinMatrix(n: n, d: x)
        } else {
            cdfProb = pelzGood(n: n, x: x)
        }
        let result = clipped(cdf: cdfProb, sf: 1 - cdfProb)
        return (result.cdf, sfOverride ?? result.sf)
    }

    static func clipped(cdf: Double, sf: Double) -> (cdf: Double, sf: Double) {
        (min(1, max(0, cdf)), min(1, max(0, sf)))
    }

    static let stirlingCoefficients: [Double] = [
        -2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4,
        -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ]

    /// `log(n! / nⁿ)` by Stirling's series, with `n·log(n)` cancelled up front.
    static func logFactorialOverPower(_ n: Int) -> Double {
        let nd = Double(n)
        let rn = 1.0 / nd
        let z = rn / nd
        var poly = 0.0
        for c in stirlingCoefficients { poly = poly * z + c }
        return log(nd) / 2 - nd + log(2 * Double.pi) / 2 + rn * poly
    }

    /// Pelz and Good's (1976) approximation to `P(D_n ≤ x)`, for large `n`.
    static func pelzGood(n: Int, x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let pi2 = Double.pi * Double.pi
        let pi4 = pi2 * pi2
        let pi6 = pi4 * pi2
        let z = sqrt(Double(n)) * x
        let z2 = z * z
        let z3 = z2 * z
        let z4 = z2 * z2
        let z6 = z4 * z2
        let qlog = -pi2 / 8 / z2
        if qlog < -708 { return 0 }
        let q = exp(qlog)

        let k1a = -z2
        let k1b = pi2 / 4
        let k2a = 6 * z6 + 2 * z4
        let k2b = (2 * z4 - 5 * z2) * pi2 / 4
        let k2c = pi4 * (1 - 2 * z2) / 16
        let k3d = pi6 * (5 - 30 * z2) / 64
        let k3c = pi4 * (-60 * z2 + 212 * z4) / 16
        let k3b = pi2 * (135 * z4 - 96 * z6) / 4
        let k3a = -30 * z6 - 90 * pow(z, 8)

        var k = [0.0, 0.0, 0.0, 0.0]
        let maxK = Int((16 * z / Double.pi).rounded(.up))
        // Horner's scheme over odd integers m = 2k-1 for Σ c_m q^(m²).
        for kk in stride(from: maxK, through: 1, by: -1) {
            let m = Double(2 * kk - 1)
            let m2 = m * m
            let m4 = m2 * m2
            let m6 = m4 * m2
            let qPower = pow(q, Double(8 * kk))
            let coefficients = [
                1.0,
                k1a + k1b * m2,
                k2a + k2b * m2 + k2c * m4,
                k3a + k3b * m2 + k3c * m4 + k3d * m6,
            ]
            for i in 0..<4 { k[i] = k[i] * qPower + coefficients[i] }
        }
        let sqrt2Pi = sqrt(2 * Double.pi)
        let divisors = [z, 6 * z4, 72 * pow(z, 7), 6480 * pow(z, 10)]
        for i in 0..<4 { k[i] = k[i] * q * sqrt2Pi / divisors[i] }

        // The remaining sums over all integers k, without much cancellation.
        let q2 = exp(-pi2 / 2 / z2)
        let sqrt3z = 3.0.squareRoot() * z
        var k2extra = 0.0
        var k3extra = 0.0
        for kk in stride(from: maxK, through: 1, by: -1) {
            let kd = Double(kk)
            let ks = kd * kd
            let qp = pow(q2, ks)
            k2extra += ks * qp
            let kspi = Double.pi * kd
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ks * qp
        }
        k[2] += k2extra * pi2 * sqrt2Pi / (-36 * z3)
        k[3] += k3extra * pi2 * sqrt2Pi / (216 * z6)
        let nd = Double(n)
        return k[0] + k[1] / pow(nd, 0.5) + k[2] / nd + k[3] / pow(nd, 1.5)
    }
}
