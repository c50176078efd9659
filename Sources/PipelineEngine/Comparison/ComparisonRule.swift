import Foundation
import LabSupport

/// When a challenger counts as better: significant at ``alpha`` and ahead by at least
/// ``minImprovement``.
package struct ComparisonRule: Sendable, Equatable {
    /// The significance level: a difference counts when its two-sided p-value is below it.
    package private(set) var alpha: Double
    /// The smallest lead, in the metric's units, worth a change (0: any significant lead).
    package private(set) var minImprovement: Double

    /// A rule, or an error when `alpha` is not between 0 and 1 or `minImprovement` is negative.
    package init(alpha: Double = 0.05, minImprovement: Double = 0) throws {
        guard alpha > 0, alpha < 1 else {
            throw LabError(
                .compareBadAlpha, "alpha must be between 0 and 1 (exclusive), got \(String(format: "%g", alpha))")
        }
        guard minImprovement >= 0, minImprovement.isFinite else {
            throw LabError(
                .compareBadMinImprovement,
                "the minimum improvement must be 0 or more, in the metric's units (0.01 is one point of accuracy), got \(String(format: "%g", minImprovement))"
            )
        }
        self.alpha = alpha
        self.minImprovement = minImprovement
    }

    /// The decision for a challenger `difference` ahead (negative: behind) with this p-value.
    ///
    /// Better when significant, ahead and by at least the minimum improvement; worse when
    /// significant and behind; inconclusive otherwise, including a significant lead smaller than
    /// the minimum (real, perhaps, but not worth a change).
    func decide(difference: Double, pValue: Double) -> ComparisonDecision {
        guard pValue < alpha else { return .inconclusive }
        if difference > 0, difference >= minImprovement { return .better }
        if difference < 0 { return .worse }
        return .inconclusive
    }
}

/// The verdict of a paired comparison, from the challenger's side.
package enum ComparisonDecision: String, Sendable, Codable {
    /// Significantly ahead, by at least the minimum improvement.
    case better
    /// Significantly behind.
    case worse
    /// Neither: the data cannot tell the two apart, or the lead is smaller than required.
    case inconclusive
}
