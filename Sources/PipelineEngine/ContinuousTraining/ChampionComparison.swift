import Foundation

/// A candidate against the champion on the production requests whose labels are back: the
/// paired comparison every promotion makes before it deploys anything.
///
/// Both models answer the same rows, the last week of production up to today with labels
/// that have come back, so the comparison is about the world as it is now, not about the
/// test set each was trained with. The rows are paired, so a classifier's accuracy is judged
/// with McNemar's exact test on the rows only one of the two gets right and a regressor's
/// mean absolute error with the paired t-test, as `compare` does; the ``policy`` says which
/// decision allows the promotion.
package struct ChampionComparison: Sendable, Equatable {
    package var candidate: Int
    package var champion: Int
    package var policy: PromotionPolicy
    /// The comparison; nil when too few labelled rows came back to test anything on.
    package var paired: PairedComparison?

    /// Whether the policy lets the candidate replace the champion; never without evidence.
    package var allowsPromotion: Bool {
        paired.map { policy.allows($0.decision) } ?? false
    }

    /// The comparison in words, with its counts, interval, p-value and decision: "accuracy
    /// 0.731 against champion v1's 0.730 on 1004 labelled production requests (only v1 right
    /// 41, only v2 right 42); inconclusive: the challenger is 0.001 ahead, but p = 0.91 ≥ 0.05;
    /// the 95 % interval -0.012 to 0.014 includes 0".
    package var sentence: String {
        guard let paired else {
            return "no production labels have come back yet to compare v\(candidate) with champion v\(champion) on"
        }
        let figures =
            "\(paired.metric.rawValue) \(f3(paired.challengerValue)) against champion v\(champion)'s \(f3(paired.championValue)) on \(paired.rows) labelled production requests"
        let evidence: String
        switch paired.evidence {
        case .mcnemar(let counts):
            evidence =
                " (only v\(champion) right \(counts.onlyChampionRight), only v\(candidate) right \(counts.onlyChallengerRight))"
        case .pairedT:
            evidence = " (paired t-test on the absolute errors)"
        }
        var text = figures + evidence + "; " + paired.reason
        if policy.requirement == .notWorse { text += "; promote_when: not_worse" }
        return text
    }

    /// The stage metrics it leaves: both live values, the difference and the p-value.
    var metrics: [String: Double] {
        guard let paired else { return [:] }
        let name = paired.metric.rawValue
        return [
            "live_\(name)": paired.challengerValue, "champion_live_\(name)": paired.championValue,
            "live_difference": paired.difference, "live_p_value": paired.pValue,
        ]
    }

    private func f3(_ value: Double) -> String { String(format: "%.3f", value) }

    /// Compares `candidate` with `champion` on the labelled production rows of the week up to now.
    package static func measure(
        candidate: Int, champion: Int, policy: PromotionPolicy, workspace: Workspace
    ) throws -> ChampionComparison {
        let production = try ProductionView(workspace: workspace)
        let all = ProductionRows.from(production.stream, days: max(0, production.today - 6)...production.today)
        let registry = ModelRegistry(workspace: workspace)
        var models = [
            try ServedModel(version: champion, registry: registry, rows: all.table),
            try ServedModel(version: candidate, registry: registry, rows: all.table),
        ]
        var truth: [String] = []
        var answers: [[String?]] = [[], []]
        for row in 0..<all.count {
            guard let label = all.label(row, knownBy: production.today) else { continue }
            truth.append(label)
            for m in models.indices { answers[m].append(models[m].answer(row, meter: .untimed).answer) }
        }
        var result = ChampionComparison(candidate: candidate, champion: champion, policy: policy, paired: nil)
        if models[0].model.task == .regression {
            // A row counts when its label and both answers are numbers.
            let rows = truth.indices.compactMap { row -> (Double, Double, Double)? in
                guard let label = Double(truth[row]), let first = answers[0][row].flatMap(Double.init),
                    let second = answers[1][row].flatMap(Double.init)
                else { return nil }
                return (label, first, second)
            }
            guard rows.count >= 2 else { return result }
            result.paired = try PairedComparison.regression(
                truth: rows.map(\.0), champion: rows.map(\.1), challenger: rows.map(\.2), rule: policy.rule)
        } else {
            guard !truth.isEmpty else { return result }
            result.paired = try PairedComparison.classification(
                truth: truth.map { Optional($0) }, champion: answers[0], challenger: answers[1], rule: policy.rule)
        }
        return result
    }
}

extension LatencyMeter {
    /// No timing, for scoring where latency does not matter.
    static let untimed = LatencyMeter { _, predict in (predict(), 0) }
}
