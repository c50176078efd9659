import Foundation

/// The reason for a comparison's decision, in words with its numbers.
///
/// "inconclusive: the challenger is 0.001 ahead, but p = 1 ≥ 0.05; the 95 % interval -0.017 to
/// 0.019 includes 0". Figures get enough decimals to show the interval's ends to two
/// significant digits, and never fewer than three.
struct ComparisonReason {
    var metric: ComparisonMetric
    var difference: Double
    var interval: ConfidenceInterval
    var pValue: Double
    var rule: ComparisonRule

    func text(for decision: ComparisonDecision) -> String {
        let significant = pValue < rule.alpha
        let p = "\(pText) \(significant ? "<" : "≥") \(number(rule.alpha))"
        let range =
            "the 95 % interval \(figure(interval.low)) to \(figure(interval.high)) "
            + (interval.contains(0) ? "includes 0" : "excludes 0")
        let required = "the \(number(rule.minImprovement)) required"
        switch decision {
        case .better:
            let minimum = rule.minImprovement > 0 ? ", at least \(required)" : ""
            return "better: \(lead)\(minimum), \(p); \(range)"
        case .worse:
            return "worse: \(lead), \(p); \(range)"
        case .inconclusive where significant && difference > 0:
            return "inconclusive: \(lead) with \(p), but less than \(required); \(range)"
        case .inconclusive where difference == 0:
            return "inconclusive: \(lead), \(p); \(range)"
        case .inconclusive:
            return "inconclusive: \(lead), but \(p); \(range)"
        }
    }

    /// How far the challenger is ahead or behind, in the metric's words.
    var lead: String {
        if difference == 0 { return "the two models are level" }
        let size = figure(abs(difference))
        switch metric {
        case .accuracy: return "the challenger is \(size) \(difference > 0 ? "ahead" : "behind")"
        case .mae: return "the challenger's errors are \(size) \(difference > 0 ? "smaller" : "larger") on average"
        }
    }

    /// "p = 0.021", two significant digits; "p < 1e-300" for a tail that underflows.
    var pText: String {
        pValue < 1e-300 ? "p < 1e-300" : "p = " + String(format: "%.2g", pValue)
    }

    /// Decimals that show the interval's ends to two significant digits, at least three.
    var decimals: Int {
        let largest = [interval.low, interval.high, difference].map(abs).filter(\.isFinite).max() ?? 0
        guard largest > 0 else { return 3 }
        return min(12, max(3, 1 - Int(log10(largest).rounded(.down))))
    }

    func figure(_ value: Double) -> String {
        guard value.isFinite else { return number(value) }
        let text = String(format: "%.\(decimals)f", value)
        // A value that rounds to zero is shown as 0.000 when it is zero, and with two
        // significant digits when it is not: an interval end of 5e-06 excludes 0, and says so.
        guard Double(text) == 0 else { return text }
        return value == 0 ? String(format: "%.\(decimals)f", 0.0) : String(format: "%.2g", value)
    }

    /// The shortest text of a setting as given: 0.05, 0.01.
    func number(_ value: Double) -> String { String(format: "%g", value) }
}

extension ComparisonReason {
    init(_ comparison: PairedComparison) {
        self.init(
            metric: comparison.metric, difference: comparison.difference, interval: comparison.interval,
            pValue: comparison.pValue, rule: comparison.rule)
    }
}

extension PairedComparison {
    /// A difference or an interval end as the reason shows it: to two significant digits of
    /// the interval's ends, at least three decimals.
    package func figure(_ value: Double) -> String { ComparisonReason(self).figure(value) }
}
