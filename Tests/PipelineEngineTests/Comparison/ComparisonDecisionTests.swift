import LabSupport
import Testing

@testable import PipelineEngine

/// When the challenger is better, worse or neither, and the reason given in words.
@Suite struct ComparisonDecisionTests {
    func compare(_ a: Int, _ b: Int, _ c: Int, _ d: Int, alpha: Double = 0.05, minImprovement: Double = 0) throws
        -> PairedComparison
    {
        try PairedComparison.classification(
            PairedCounts(bothRight: a, onlyChampionRight: b, onlyChallengerRight: c, neitherRight: d),
            rule: ComparisonRule(alpha: alpha, minImprovement: minImprovement))
    }

    @Test func aSignificantLeadIsBetter() throws {
        let result = try compare(740, 20, 60, 180)
        #expect(result.decision == .better)
        #expect(
            result.reason
                == "better: the challenger is 0.040 ahead, p = 8.6e-06 < 0.05; the 95 % interval 0.023 to 0.057 excludes 0"
        )
    }

    @Test func aLeadOfOneRowInAThousandIsInconclusive() throws {
        let result = try compare(760, 40, 41, 159)
        #expect(result.decision == .inconclusive)
        #expect(
            result.reason
                == "inconclusive: the challenger is 0.001 ahead, but p = 1 ≥ 0.05; the 95 % interval -0.017 to 0.019 includes 0"
        )
    }

    @Test func aSignificantDeficitIsWorse() throws {
        let result = try compare(3300, 610, 520, 570)
        #expect(result.decision == .worse)
        #expect(
            result.reason
                == "worse: the challenger is 0.018 behind, p = 0.0081 < 0.05; the 95 % interval -0.031 to -0.005 excludes 0"
        )
    }

    @Test func aDeficitThatIsNotSignificantIsInconclusive() throws {
        let result = try compare(1100, 1400, 1350, 150)
        #expect(result.decision == .inconclusive)
        #expect(result.reason.hasPrefix("inconclusive: the challenger is 0.013 behind, but p = 0.35 ≥ 0.05;"))
    }

    @Test func modelsRightOnTheSameRowsAreLevel() throws {
        let result = try compare(12, 0, 0, 8)
        #expect(result.decision == .inconclusive)
        #expect(
            result.reason
                == "inconclusive: the two models are level, p = 1 ≥ 0.05; the 95 % interval 0.000 to 0.000 includes 0")
    }

    @Test func theMinimumImprovementHoldsBackASmallerSignificantLead() throws {
        let short = try compare(740, 20, 60, 180, minImprovement: 0.05)
        #expect(short.decision == .inconclusive)
        #expect(
            short.reason
                == "inconclusive: the challenger is 0.040 ahead with p = 8.6e-06 < 0.05, but less than the 0.05 required; the 95 % interval 0.023 to 0.057 excludes 0"
        )
        let enough = try compare(740, 20, 60, 180, minImprovement: 0.04)
        #expect(enough.decision == .better)
        #expect(
            enough.reason.hasPrefix("better: the challenger is 0.040 ahead, at least the 0.04 required, p = 8.6e-06"))
    }

    @Test func theMinimumImprovementDoesNotSoftenAWorseVerdict() throws {
        #expect(try compare(3300, 610, 520, 570, minImprovement: 0.05).decision == .worse)
    }

    @Test func alphaDecidesWhatCountsAsSignificant() throws {
        // p = 0.0654 (statsmodels): not significant at 0.05, significant at 0.1.
        #expect(try compare(11, 2, 9, 3).decision == .inconclusive)
        #expect(try compare(11, 2, 9, 3, alpha: 0.1).decision == .better)
        // p = 0.0215: worse at 0.05, inconclusive at 0.01.
        #expect(try compare(10, 9, 1, 0).decision == .worse)
        #expect(try compare(10, 9, 1, 0, alpha: 0.01).decision == .inconclusive)
    }

    @Test func aRegressorWithSmallerErrorsIsBetterInItsOwnWords() throws {
        let result = try PairedComparison.regression(
            truth: [20, 35, 41, 18, 27, 33, 29, 45, 38, 22],
            champion: [26, 29, 48, 12, 33, 26, 36, 39, 31, 28],
            challenger: [21.5, 33.8, 42.9, 19.1, 25.6, 34.2, 27.7, 46.3, 36.5, 23.4], rule: ComparisonRule())
        #expect(result.metric == .mae)
        #expect(result.decision == .better)
        #expect(
            result.reason
                == "better: the challenger's errors are 5.020 smaller on average, p = 1.1e-10 < 0.05; the 95 % interval 4.675 to 5.365 excludes 0"
        )
    }

    @Test func anIntervalEndThatRoundsToZeroKeepsItsDigits() throws {
        // 37 rows only the champion gets right, 22 only the challenger, of 500: the Wald
        // interval's upper end is -5e-06, which excludes 0 although McNemar's p is 0.067.
        let result = try compare(366, 37, 22, 75)
        #expect(
            result.reason
                == "inconclusive: the challenger is 0.030 behind, but p = 0.067 ≥ 0.05; the 95 % interval -0.060 to -5e-06 excludes 0"
        )
    }

    @Test func settingsOutOfRangeAreRefused() {
        for alpha in [0, 1, -0.1, 1.5, Double.nan] {
            #expect(throws: LabError.self) { try ComparisonRule(alpha: alpha) }
        }
        #expect(
            throws: LabError(.compareBadAlpha, "alpha must be between 0 and 1 (exclusive), got 1.5"),
            performing: { try ComparisonRule(alpha: 1.5) })
        #expect(
            throws: LabError(
                .compareBadMinImprovement,
                "the minimum improvement must be 0 or more, in the metric's units (0.01 is one point of accuracy), got -0.01"
            ), performing: { try ComparisonRule(minImprovement: -0.01) })
    }

    @Test func thereMustBeRowsToCompare() {
        #expect(
            throws: LabError(.compareNoRows, "there are no labelled rows to compare the two models on"),
            performing: { try compare(0, 0, 0, 0) })
        #expect(
            throws: LabError(
                .compareNoRows,
                "the paired t-test needs at least 2 labelled rows to compare the two models on, found 1"),
            performing: {
                try PairedComparison.regression(truth: [1], champion: [2], challenger: [3], rule: ComparisonRule())
            })
    }

    @Test func unknownMetricsAreNamedWithAGuess() {
        #expect(
            throws: LabError(
                .compareUnknownMetric,
                "unknown metric 'acuracy'. Did you mean 'accuracy'? (compare classifiers on accuracy, regressors on mae)"
            ),
            performing: { try ComparisonMetric.named("acuracy") })
        #expect(throws: Never.self) { try ComparisonMetric.named("mae") }
    }
}
