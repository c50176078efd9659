extension PairedComparison: Encodable {
    /// Keys as the lab's JSON encoder turns them to snake_case (`championValue` →
    /// `champion_value`).
    enum CodingKeys: String, CodingKey {
        case metric, test, rows, championValue, challengerValue, difference, interval, pValue
        case alpha, minImprovement, decision, reason
        case championRight, challengerRight, bothRight, onlyChampionRight, onlyChallengerRight, neitherRight
        case tStatistic, degreesOfFreedom
    }

    /// Every figure at one level: the counts of a McNemar test, or the t statistic and degrees
    /// of freedom of a paired t-test (`test` says which).
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metric, forKey: .metric)
        try container.encode(rows, forKey: .rows)
        try container.encode(championValue, forKey: .championValue)
        try container.encode(challengerValue, forKey: .challengerValue)
        try container.encode(difference, forKey: .difference)
        try container.encode(interval, forKey: .interval)
        try container.encode(pValue, forKey: .pValue)
        try container.encode(rule.alpha, forKey: .alpha)
        try container.encode(rule.minImprovement, forKey: .minImprovement)
        try container.encode(decision, forKey: .decision)
        try container.encode(reason, forKey: .reason)
        switch evidence {
        case .mcnemar(let counts):
            try container.encode("mcnemar_exact", forKey: .test)
            try container.encode(counts.championRight, forKey: .championRight)
            try container.encode(counts.challengerRight, forKey: .challengerRight)
            try container.encode(counts.bothRight, forKey: .bothRight)
            try container.encode(counts.onlyChampionRight, forKey: .onlyChampionRight)
            try container.encode(counts.onlyChallengerRight, forKey: .onlyChallengerRight)
            try container.encode(counts.neitherRight, forKey: .neitherRight)
        case .pairedT(let test):
            try container.encode("paired_t", forKey: .test)
            // Null when every paired difference is the same and t has no value.
            try container.encode(test.statistic, forKey: .tStatistic)
            try container.encode(test.degreesOfFreedom, forKey: .degreesOfFreedom)
        }
    }
}

extension ComparisonReport: Encodable {
    enum CodingKeys: String, CodingKey {
        case champion, challenger, data, skippedRows
    }

    /// The two models and the data file, with the comparison's figures beside them.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(champion, forKey: .champion)
        try container.encode(challenger, forKey: .challenger)
        try container.encode(data, forKey: .data)
        try container.encode(skippedRows, forKey: .skippedRows)
        try comparison.encode(to: encoder)
    }
}
