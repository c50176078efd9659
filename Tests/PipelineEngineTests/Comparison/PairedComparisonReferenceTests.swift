import LabSupport
import Testing

@testable import PipelineEngine

/// The paired tests against statsmodels and scipy (`References/paired_comparison_references.py`,
/// run with `/tmp/wtb-venv/bin/python Tests/PipelineEngineTests/References/paired_comparison_references.py`).
@Suite struct PairedComparisonReferenceTests {
    /// (a, b, c, d): both right, only the champion right, only the challenger right, neither;
    /// then statsmodels' `mcnemar([[a, b], [c, d]], exact=True)` statistic and p-value, and the
    /// difference (c − b)/n with the ends of diff ± 1.96·√((b + c) − (c − b)²/n)/n.
    static let tables: [(Int, Int, Int, Int, Double, Double, Double, Double, Double)] = [
        (12, 0, 0, 8, 0.0, 1.0, 0.0, 0.0, 0.0),
        (7, 1, 5, 2, 1.0, 0.21875, 0.26666666666666666, -0.023558482204062703, 0.5568918155373961),
        (11, 2, 9, 3, 2.0, 0.0654296875, 0.28, 0.04427791278711285, 0.5157220872128871),
        (760, 40, 41, 159, 40.0, 1.0, 0.001, -0.016639891110775032, 0.018639891110775034),
        (740, 20, 60, 180, 20.0, 8.580559867049611e-06, 0.04, 0.022645420200995938, 0.05735457979900406),
        (3300, 610, 520, 570, 520.0, 0.008078618794506427, -0.018, -0.03116781623201053, -0.0048321837679894675),
        (1100, 1400, 1350, 150, 1350.0, 0.3501028933757038, -0.0125, -0.03819289663506238, 0.01319289663506238),
        (400, 0, 30, 70, 0.0, 1.862645149230957e-09, 0.06, 0.039183360501752446, 0.08081663949824755),
        (10, 9, 1, 0, 1.0, 0.021484375, -0.4, -0.6555527342839438, -0.1444472657160562),
        (100, 300, 700, 900, 300.0, 1.7665678007949568e-37, 0.2, 0.17027512825931793, 0.2297248717406821),
        (336, 67, 31, 66, 31.0, 0.00035453385598683347, -0.072, -0.11028939136627794, -0.03371060863372206),
        (366, 37, 22, 75, 22.0, 0.06744461190078899, -0.03, -0.05999504492412038, -4.955075879616022e-06),
    ]

    /// Labels for a 2 × 2 table, rows interleaved so the counts cannot come from positions:
    /// the truth cycles through three classes, and a wrong answer is another class.
    static func labels(a: Int, b: Int, c: Int, d: Int) -> (truth: [String], champion: [String], challenger: [String]) {
        var kinds: [(Bool, Bool)] = []
        for (count, kind) in [(a, (true, true)), (b, (true, false)), (c, (false, true)), (d, (false, false))] {
            kinds += Array(repeating: kind, count: count)
        }
        var generator = SeededRandom(seed: 21)
        kinds.shuffle(using: &generator)
        let classes = ["stay", "leave", "pause"]
        var truth: [String] = []
        var champion: [String] = []
        var challenger: [String] = []
        for (row, (first, second)) in kinds.enumerated() {
            truth.append(classes[row % 3])
            champion.append(first ? classes[row % 3] : classes[(row + 1) % 3])
            challenger.append(second ? classes[row % 3] : classes[(row + 2) % 3])
        }
        return (truth, champion, challenger)
    }

    @Test(arguments: tables)
    func mcnemarAndTheIntervalMatchStatsmodelsAndTheFormula(
        _ table: (Int, Int, Int, Int, Double, Double, Double, Double, Double)
    ) throws {
        let (a, b, c, d, statistic, pValue, difference, low, high) = table
        let rows = Self.labels(a: a, b: b, c: c, d: d)
        let comparison = try PairedComparison.classification(
            truth: rows.truth, champion: rows.champion, challenger: rows.challenger, rule: ComparisonRule())
        let counts = PairedCounts(bothRight: a, onlyChampionRight: b, onlyChallengerRight: c, neitherRight: d)
        #expect(comparison.evidence == .mcnemar(counts))
        #expect(Double(min(b, c)) == statistic)
        #expect(comparison.rows == a + b + c + d)
        #expect(comparison.championValue == Double(a + b) / Double(a + b + c + d))
        #expect(comparison.challengerValue == Double(a + c) / Double(a + b + c + d))
        #expect(abs(comparison.pValue - pValue) <= 1e-12)
        #expect(abs(comparison.pValue - pValue) <= 1e-12 * pValue)
        #expect(abs(comparison.difference - difference) <= 1e-15)
        #expect(abs(comparison.interval.low - low) <= 1e-15)
        #expect(abs(comparison.interval.high - high) <= 1e-15)
    }

    /// (k, n, P(X ≤ k)) for X ~ Binomial(n, ½), exact in rational arithmetic, rounded once.
    static let tails: [(Int, Int, Double)] = [
        (0, 1, 0.5),
        (3, 10, 0.171875),
        (575, 1200, 0.07859196071865751),
        (1350, 2750, 0.17505144668785222),
        (1000, 3000, 5.0450743139706706e-76),
        (1500, 3000, 0.5072830492578979),
        (5, 1000, 7.738505306294352e-289),
    ]

    @Test(arguments: tails)
    func theBinomialTailIsExactToTheLastFewDigits(_ tail: (Int, Int, Double)) {
        let (k, n, exact) = tail
        #expect(abs(McNemarExactTest.halfBinomialLowerTail(atMost: k, of: n) - exact) <= 1e-13 * exact)
    }

    /// Truth, the champion's predictions and the challenger's, then scipy's
    /// `ttest_rel(|champion − truth|, |challenger − truth|)`: t, df, two-sided p, the mean
    /// difference and `confidence_interval(0.95)`.
    static let regressions: [([Double], [Double], [Double], Double, Int, Double, Double, Double, Double)] = [
        (
            [3.1, 4.7, 2.2, 8.9, 5.5, 6.0, 7.3, 1.8],
            [2.6, 5.9, 2.0, 7.1, 6.4, 5.2, 8.8, 2.9],
            [3.0, 5.1, 2.5, 8.2, 5.1, 6.3, 7.9, 2.2],
            4.631069909927761, 7, 0.0023946641077128086, 0.6000000000000001, 0.2936400057545662, 0.9063599942454339
        ),
        (
            [10.0, 12.5, 9.8, 14.1, 11.7, 13.3, 10.9, 12.0, 15.2, 9.1, 11.1, 13.8],
            [10.4, 12.1, 10.5, 13.2, 11.9, 13.0, 11.8, 11.5, 14.1, 9.9, 10.6, 14.3],
            [10.9, 12.8, 9.2, 13.0, 12.6, 13.9, 10.1, 12.9, 14.6, 9.7, 11.8, 13.1],
            -1.2883942558670902, 11, 0.2240488267211511, -0.12500000000000014, -0.33853956194588686,
            0.08853956194588661
        ),
        (
            [0.5, 1.5, 2.5, 3.5, 4.5, 5.5],
            [0.9, 1.2, 2.9, 3.0, 4.9, 5.0],
            [0.7, 1.9, 2.8, 3.9, 4.1, 5.9],
            1.58113883008419, 5, 0.1746878142641194, 0.06666666666666667, -0.0417185801662312, 0.17505191349956453
        ),
        (
            [20.0, 35.0, 41.0, 18.0, 27.0, 33.0, 29.0, 45.0, 38.0, 22.0],
            [26.0, 29.0, 48.0, 12.0, 33.0, 26.0, 36.0, 39.0, 31.0, 28.0],
            [21.5, 33.8, 42.9, 19.1, 25.6, 34.2, 27.7, 46.3, 36.5, 23.4],
            32.89495773328814, 9, 1.0914153049695202e-10, 5.02, 4.674779037890198, 5.3652209621098015
        ),
    ]

    @Test(arguments: regressions)
    func thePairedTTestMatchesScipy(
        _ data: ([Double], [Double], [Double], Double, Int, Double, Double, Double, Double)
    ) throws {
        let (truth, champion, challenger, t, df, pValue, mean, low, high) = data
        let comparison = try PairedComparison.regression(
            truth: truth, champion: champion, challenger: challenger, rule: ComparisonRule())
        guard case .pairedT(let test) = comparison.evidence else {
            Issue.record("a regression is compared with the paired t-test")
            return
        }
        let statistic = try #require(test.statistic)
        #expect(abs(statistic - t) <= 1e-10 * abs(t))
        #expect(test.degreesOfFreedom == df)
        #expect(abs(comparison.pValue - pValue) <= 1e-10)
        #expect(abs(comparison.pValue - pValue) <= 1e-10 * pValue)
        #expect(abs(comparison.difference - mean) <= 1e-12)
        #expect(abs(comparison.interval.low - low) <= 1e-10)
        #expect(abs(comparison.interval.high - high) <= 1e-10)
        let mae = { (predicted: [Double]) in
            zip(predicted, truth).map { abs($0 - $1) }.reduce(0, +) / Double(truth.count)
        }
        #expect(abs(comparison.championValue - mae(champion)) <= 1e-12)
        #expect(abs(comparison.challengerValue - mae(challenger)) <= 1e-12)
    }

    @Test func equalErrorsOnEveryRowLeaveTNoValueAndPOne() throws {
        let truth = [1.0, 2.0, 3.0, 4.0]
        let comparison = try PairedComparison.regression(
            truth: truth, champion: [1.5, 2.5, 3.5, 4.5], challenger: [0.5, 1.5, 2.5, 3.5], rule: ComparisonRule())
        #expect(comparison.evidence == .pairedT(PairedTTest([0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5])))
        guard case .pairedT(let test) = comparison.evidence else { return }
        #expect(test.statistic == nil)
        #expect(comparison.pValue == 1)
        #expect(comparison.interval == ConfidenceInterval(low: 0, high: 0))
        #expect(comparison.decision == .inconclusive)
    }

    @Test func aConstantLeadOnEveryRowLeavesNoDoubt() throws {
        let comparison = try PairedComparison.regression(
            truth: [1, 2, 3, 4], champion: [2, 3, 4, 5], challenger: [1.5, 2.5, 3.5, 4.5], rule: ComparisonRule())
        #expect(comparison.difference == 0.5)
        #expect(comparison.pValue == 0)
        #expect(comparison.interval == ConfidenceInterval(low: 0.5, high: 0.5))
        #expect(comparison.decision == .better)
    }

    @Test func aPredictionThatIsNotANumberDecidesNothing() throws {
        let comparison = try PairedComparison.regression(
            truth: [1, 2, 3], champion: [1.5, .nan, 3.5], challenger: [1, 2, 3], rule: ComparisonRule())
        #expect(comparison.pValue.isNaN)
        #expect(comparison.decision == .inconclusive)
    }

    /// `scipy.stats.t.ppf(0.975, df)` for df = 1, 2, 10, 100, 1000.
    @Test func theIntervalMultiplierIsStudentsQuantile() {
        let quantiles: [(Double, Double)] = [
            (1, 12.706204736174694), (2, 4.302652729749462), (10, 2.228138851986274),
            (100, 1.9839715185235518), (1000, 1.9623390808264083),
        ]
        for (df, quantile) in quantiles {
            let critical = StudentT.twoSidedCritical(tail: 0.05, degreesOfFreedom: df)
            #expect(abs(critical - quantile) <= 1e-11 * quantile, "df \(df)")
        }
    }

    /// `2 · scipy.stats.t.sf(|t|, df)`, from a t near 0 to far tails, and df up to a week of
    /// production labels.
    static let studentTails: [(Double, Double, Double)] = [
        (0.001, 1, 0.9993633804398159),
        (0.5, 3, 0.651447964848151),
        (2.0, 30, 0.054625044962983094),
        (-1.7, 999, 0.08944219821993142),
        (3.3, 999, 0.001001031263055914),
        (1.96, 5000, 0.050051252291819504),
        (8.0, 5000, 1.5339871886915484e-15),
        (40.0, 12, 3.851229580772032e-14),
    ]

    @Test(arguments: studentTails)
    func studentsTailMatchesScipy(_ tail: (Double, Double, Double)) {
        let (t, df, expected) = tail
        #expect(abs(StudentT.twoSidedTail(t, degreesOfFreedom: df) - expected) <= 1e-11 * expected)
    }
}
