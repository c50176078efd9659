/// How large a shift is, whatever the sample size: what a p-value cannot say.
///
/// - Numeric values (and text lengths): the standardised mean difference
///   `(mean_current - mean_reference) / sd_reference` (population sd, at least 0.001), a
///   Cohen's d measured in reference units. Magnitude: below 0.2 negligible, then small,
///   medium from 0.5, large from 0.8 (Cohen's conventions).
/// - Categories (and tokens): the total variation distance `½ Σ |p - q|`, the share of rows
///   that would have to change category. Magnitude: below 0.05 negligible, then small,
///   medium from 0.1, large from 0.2 (our convention, matching PSI's 0.1 and 0.2 marks in spirit).
package struct EffectSize: Sendable, Equatable {
    /// What `value` measures.
    package enum Kind: String, Sendable, Encodable {
        case standardizedMeanDifference = "standardized_mean_difference"
        case totalVariation = "total_variation"
    }

    /// In words, how big the shift is.
    package enum Magnitude: String, Sendable, Encodable {
        case negligible, small, medium, large
    }

    package var kind: Kind
    package var value: Double

    package var magnitude: Magnitude {
        let size = abs(value)
        let marks: (Double, Double, Double) = kind == .standardizedMeanDifference ? (0.2, 0.5, 0.8) : (0.05, 0.1, 0.2)
        if size < marks.0 { return .negligible }
        if size < marks.1 { return .small }
        if size < marks.2 { return .medium }
        return .large
    }

    /// Why ``meanShift(reference:current:)`` has no value, for the report's notes.
    static let meanShiftOverflow =
        "effect size not computed: the shift of the mean, in reference standard deviations, overflows a double"

    /// The standardised mean difference of two samples, or nil when it is beyond a double
    /// (a shift near 1e308 over a spread of 0.001, say).
    static func meanShift(reference: NumericSample, current: NumericSample) -> EffectSize? {
        let sd = max(reference.standardDeviation, 0.001)
        return ExtremeValues.scaledDifference(current.mean, reference.mean, over: sd).map {
            EffectSize(kind: .standardizedMeanDifference, value: $0)
        }
    }

    /// The total variation distance between two share vectors over the same buckets.
    static func totalVariation(_ reference: [Double], _ current: [Double]) -> EffectSize {
        EffectSize(kind: .totalVariation, value: Divergence.totalVariation(reference, current))
    }
}

extension DriftColumnResult {
    /// The smaller side's count from which samples count as large for ``smallEffectNote``.
    ///
    /// A two-sided test at α = 0.05 has 80% power to detect a standardised difference d with
    /// n = 2·(z₀.₉₇₅ + z₀.₈)² / d² = 2·(1.96 + 0.84)² / d² rows per side; at d = 0.2, the top of
    /// "negligible", that is 392. From about 400 rows a side, a test flags shifts too small to
    /// matter more often than not, which is when blaming the sample size is fair; below that a
    /// significant but negligible result says the distributions differ in another way.
    static let largeSample = 400

    /// A warning for a test that calls a shift significant although the shift is negligible.
    var smallEffectNote: String? {
        guard verdict == .drift, method?.isTest == true, let effect = effectSize, effect.magnitude == .negligible
        else { return nil }
        if min(referenceCount, currentCount) >= Self.largeSample {
            return "significant, but the effect is negligible: large samples make tiny shifts significant"
        }
        return "significant, but the effect size is negligible"
    }
}
