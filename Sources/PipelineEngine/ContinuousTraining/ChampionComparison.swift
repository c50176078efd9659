import Foundation

/// A candidate against the champion on the production requests whose labels are back: the
/// comparison continuous training makes before it deploys anything.
///
/// Both models answer the same rows, the last week of production up to today with labels
/// that have come back, so the comparison is about the world as it is now, not about the
/// test set each was trained with.
package struct ChampionComparison: Sendable, Equatable, Codable {
    package var candidate: Int
    package var champion: Int
    /// `accuracy` (higher is better), or `rmse` for regression (lower is better).
    package var metric: String
    package var candidateValue: Double?
    package var championValue: Double?
    /// Labelled production rows both were scored on.
    package var rows: Int

    /// Whether the candidate is strictly better; false when there was nothing to compare on.
    package var candidateIsBetter: Bool {
        guard rows > 0, let mine = candidateValue, let theirs = championValue else { return false }
        return metric == "rmse" ? mine < theirs : mine > theirs
    }

    /// The comparison in words: "accuracy 0.803 against champion v1's 0.776 on 1,204 labelled
    /// production requests".
    package var sentence: String {
        guard rows > 0, let mine = candidateValue, let theirs = championValue else {
            return "no production labels have come back yet to compare v\(candidate) with champion v\(champion) on"
        }
        return
            "\(metric) \(f3(mine)) against champion v\(champion)'s \(f3(theirs)) on \(rows) labelled production requests"
    }

    private func f3(_ value: Double) -> String { String(format: "%.3f", value) }

    enum CodingKeys: String, CodingKey {
        case candidate, champion, metric, rows
        case candidateValue = "candidate_value"
        case championValue = "champion_value"
    }

    /// Scores `candidate` and `champion` on the labelled production rows of the week up to now.
    static func measure(candidate: Int, champion: Int, workspace: Workspace) throws -> ChampionComparison {
        let production = try ProductionView(workspace: workspace)
        let all = ProductionRows.from(production.stream, days: max(0, production.today - 6)...production.today)
        let registry = ModelRegistry(workspace: workspace)
        var models = [
            try ServedModel(version: candidate, registry: registry, rows: all.table),
            try ServedModel(version: champion, registry: registry, rows: all.table),
        ]
        let regression = models[0].model.task == .regression
        var sums = [0.0, 0.0]
        var rows = 0
        for row in 0..<all.count {
            guard let label = all.label(row, knownBy: production.today) else { continue }
            rows += 1
            for m in models.indices {
                let answer = models[m].answer(row, meter: .untimed).answer
                if regression {
                    let error = (answer.flatMap(Double.init) ?? .nan) - (Double(label) ?? .nan)
                    sums[m] += error * error
                } else if answer == label {
                    sums[m] += 1
                }
            }
        }
        let values = sums.map { sum -> Double? in
            guard rows > 0 else { return nil }
            return regression ? (sum / Double(rows)).squareRoot() : sum / Double(rows)
        }
        return ChampionComparison(
            candidate: candidate, champion: champion, metric: regression ? "rmse" : "accuracy",
            candidateValue: values[0], championValue: values[1], rows: rows)
    }
}

extension LatencyMeter {
    /// No timing, for scoring where latency does not matter.
    static let untimed = LatencyMeter { _, predict in (predict(), 0) }
}
