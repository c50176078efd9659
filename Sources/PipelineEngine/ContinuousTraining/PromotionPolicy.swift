import LabSupport

/// When a candidate may replace the champion: the paired comparison's rule, and which of its
/// decisions allows a promotion.
///
/// `better` (the default) promotes only a candidate the paired test shows ahead at `alpha` by
/// at least `min_improvement`. `not_worse` promotes unless the test shows the candidate behind:
/// for retrains wanted for another reason (fresher data, a cheaper model) that must only not
/// lose accuracy. Neither promotes without evidence: with no labelled production rows there
/// is nothing to decide on.
package struct PromotionPolicy: Sendable, Equatable {
    package var rule: ComparisonRule
    package var requirement: Requirement

    /// Which decision of the paired comparison allows a promotion.
    package enum Requirement: String, Sendable, CaseIterable {
        /// The candidate must be significantly better, by at least the minimum improvement.
        case better
        /// The candidate must not be significantly worse.
        case notWorse = "not_worse"
    }

    package init(rule: ComparisonRule, requirement: Requirement = .better) {
        self.rule = rule
        self.requirement = requirement
    }

    /// The default: better at alpha 0.05 by any margin.
    package static func standard() throws -> PromotionPolicy {
        PromotionPolicy(rule: try ComparisonRule())
    }

    /// The policy a deploy stage sets with `alpha`, `min_improvement` and `promote_when`
    /// (each checked when the pipeline loaded), the defaults for those it leaves out.
    static func of(_ stage: StageDefinition) throws -> PromotionPolicy {
        /// A number as the loader accepted it: `0.01` or `1%`.
        func number(_ key: String) -> Double? {
            guard let text = stage.text(key) else { return nil }
            return text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
        }
        let rule = try ComparisonRule(alpha: number("alpha") ?? 0.05, minImprovement: number("min_improvement") ?? 0)
        let requirement = stage.text("promote_when").flatMap(Requirement.init(rawValue:)) ?? .better
        return PromotionPolicy(rule: rule, requirement: requirement)
    }

    /// Whether a comparison that ended in `decision` allows the promotion.
    package func allows(_ decision: ComparisonDecision) -> Bool {
        switch requirement {
        case .better: decision == .better
        case .notWorse: decision != .worse
        }
    }

    /// What a declined candidate was not: "not shown better than", "worse than".
    package var shortfall: String {
        switch requirement {
        case .better: "not shown better than"
        case .notWorse: "worse than"
        }
    }
}
