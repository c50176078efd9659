import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// PSI, Jensen-Shannon, chi-square, z-test and Wasserstein against scipy 1.17 and Evidently
/// 0.7.23 (legacy stattests); see References/drift_references.py.
@Suite struct DriftMethodsTests {
    typealias Specs = [DriftTestData.Spec]
    // Rows: (name, reference parts, current parts, psi, jensenshannon, chi-square statistic, chi-square p).
    typealias BinCase = (String, Specs, Specs, Double, Double, Double, Double)

    static let decileCases: [BinCase] = [
        (
            "small shift", [(31, 2000, 0.0, 1.0, 1024.0)], [(32, 1500, 0.25, 1.0, 1024.0)],
            0.06962688871954577, 0.09300639702167321, 105.29341639971642, 1.3312320824071537e-18
        ),
        // Nine of ten current bins are empty: PSI counts each at 0.0001.
        (
            "empty current bins", [(33, 1000, 0.0, 1.0, 1024.0)], [(34, 800, 3.0, 0.3, 1024.0)],
            8.283099365194655, 0.7249809149335342, 7200.0, 0.0
        ),
        // 60% zeros: five deciles fall on 0 and merge into one edge, leaving five bins.
        (
            "ties merge edges", [(35, 600, 0.0, 0.0, 1.0), (37, 400, 0.0, 1.0, 1024.0)],
            [(36, 300, 0.0, 0.0, 1.0), (38, 500, 0.5, 1.0, 1024.0)],
            0.28722387991866627, 0.18602699662082214, 362.14578710403606, 4.181063873890861e-77
        ),
    ]

    static func sample(_ parts: Specs) -> [Double] { parts.flatMap { DriftTestData.normal($0) } }

    @Test(arguments: decileCases)
    func binnedMethodsMatchTheReference(_ c: BinCase) throws {
        let ref = DriftTestData.numbers("x", Self.sample(c.1))
        let cur = DriftTestData.numbers("x", Self.sample(c.2))
        let expected: [(DriftMethod, Double, Double?)] = [
            (.psi, c.3, nil), (.jensenshannon, c.4, nil), (.chisquare, c.5, c.6),
        ]
        for (method, statistic, p) in expected {
            let report = try DriftDetector.compare(reference: ref, current: cur, options: .init(method: method))
            let result = try #require(DriftTestData.result(report, "x"))
            #expect(result.method == method)
            #expect(
                DriftTestData.close(result.statistic, statistic),
                "\(c.0) \(method): \(result.statistic ?? .nan) vs \(statistic)")
            if let p {
                #expect(
                    DriftTestData.close(result.pValue, p, relative: 1e-8),
                    "\(c.0) \(method) p: \(result.pValue ?? .nan) vs \(p)")
            } else {
                #expect(result.pValue == nil)
            }
        }
    }

    @Test func mergedDecileEdgesLeaveFiveBins() {
        let buckets = Buckets.numeric(
            NumericSample(Self.sample(Self.decileCases[2].1)), NumericSample(Self.sample(Self.decileCases[2].2)))
        #expect(buckets.reference == [100, 100, 9, 691, 100])
        #expect(buckets.current == [62, 90, 11, 399, 238])
    }

    @Test func aValueOnAnEdgeFallsInTheBinAbove() {
        // np.searchsorted(edges, x, side="right"): bin i holds edges[i-1] <= x < edges[i].
        #expect(Buckets.binCounts([0, 1, 1, 1.5, 2, 3], [1, 2]) == [1, 3, 2])
        #expect(Buckets.binCounts([-1, 5], [0]) == [1, 1])
    }

    @Test func psiCountsAnEmptyBinAt00001() {
        // One bin empty in the current data: (0.5 - 0.0001)·ln(0.5/0.0001) + (0.5 - 1)·ln(0.5/1).
        let psi = Divergence.populationStability(reference: [0.5, 0.5], current: [0, 1])
        #expect(DriftTestData.close(psi, 0.4999 * log(5000) + 0.5 * log(2), relative: 1e-14))
    }

    typealias Draw = (UInt64, Int, [String], [Double])
    // Rows: (name, reference, current, chi-square statistic, chi-square p, psi, jensenshannon, tvd).
    typealias CategoryCase = (String, Draw, Draw, Double, Double, Double, Double, Double)

    static let categoryCases: [CategoryCase] = [
        (
            "same categories", (41, 800, ["a", "b", "c", "d"], [4, 3, 2, 1]),
            (42, 600, ["a", "b", "c", "d"], [3, 3, 2, 2]),
            62.542947982121504, 1.681842115082286e-13, 0.08968471196210659, 0.10535627126871058, 0.11583333333333334
        ),
        (
            "category gone in current", (43, 500, ["a", "b", "c"], [5, 3, 2]), (44, 400, ["a", "b"], [1, 1]),
            114.46540880503144, 1.39364542543797e-25, 1.4478143670417327, 0.2707121886377581, 0.182
        ),
        (
            "category new in current", (45, 500, ["a", "b"], [1, 1]), (46, 400, ["a", "b", "z"], [4, 4, 2]),
            .infinity, 0.0, 1.5253451487696565, 0.2714215844063638, 0.195
        ),
        (
            "many categories", (47, 3000, (0..<12).map { "k\($0)" }, (1...12).map(Double.init)),
            (48, 2500, (0..<12).map { "k\($0)" }, (1...12).reversed().map(Double.init)),
            7697.958675034085, 0.0, 1.5462587884944574, 0.408363816085334, 0.4786666666666667
        ),
    ]

    static func draw(_ d: Draw) -> [String] {
        DriftTestData.categories(seed: d.0, count: d.1, names: d.2, weights: d.3)
    }

    @Test(arguments: categoryCases)
    func categoryMethodsMatchEvidently(_ c: CategoryCase) throws {
        let ref = DriftTestData.strings("plan", Self.draw(c.1))
        let cur = DriftTestData.strings("plan", Self.draw(c.2))
        let chi = try #require(
            DriftTestData.result(
                try DriftDetector.compare(reference: ref, current: cur, options: .init(method: .chisquare)), "plan"))
        if c.3.isInfinite {
            #expect(chi.statistic == .infinity)
            #expect(chi.reason == "'z' never seen in the reference: chi-square is infinite, p = 0")
        } else {
            #expect(DriftTestData.close(chi.statistic, c.3), "\(c.0) chi-square \(chi.statistic ?? .nan) vs \(c.3)")
        }
        #expect(
            DriftTestData.close(chi.pValue, c.4, relative: 1e-8, absolute: 1e-300),
            "\(c.0) p \(chi.pValue ?? .nan) vs \(c.4)")
        #expect(chi.drifted)
        #expect(DriftTestData.close(chi.effectSize?.value, c.7, relative: 1e-12))
        #expect(chi.effectSize?.kind == .totalVariation)
        for (method, expected) in [(DriftMethod.psi, c.5), (.jensenshannon, c.6)] {
            let report = try DriftDetector.compare(reference: ref, current: cur, options: .init(method: method))
            let result = try #require(DriftTestData.result(report, "plan"))
            #expect(
                DriftTestData.close(result.statistic, expected),
                "\(c.0) \(method): \(result.statistic ?? .nan) vs \(expected)")
        }
    }

    // Rows: (name, reference, current, z with "yes" counted, Evidently's p).
    typealias ZCase = (String, Draw, Draw, Double, Double)

    static let zCases: [ZCase] = [
        (
            "balanced shift", (51, 700, ["no", "yes"], [7, 3]), (52, 650, ["no", "yes"], [6, 4]), -3.2243447549611046,
            0.001262612949637587
        ),
        (
            "no shift", (53, 400, ["no", "yes"], [1, 1]), (54, 450, ["no", "yes"], [1, 1]), 0.777927149046434,
            0.4366119620958093
        ),
        (
            "one side constant", (55, 300, ["no", "yes"], [1, 0]), (56, 300, ["no", "yes"], [9, 1]), -5.619514869490164,
            1.9149439811627644e-08
        ),
    ]

    @Test(arguments: zCases)
    func zTestMatchesEvidently(_ c: ZCase) throws {
        let report = try DriftDetector.compare(
            reference: DriftTestData.strings("churn", Self.draw(c.1)),
            current: DriftTestData.strings("churn", Self.draw(c.2)),
            options: .init(method: .ztest))
        let result = try #require(DriftTestData.result(report, "churn"))
        #expect(
            DriftTestData.close(result.statistic, c.3, relative: 1e-12),
            "\(c.0) z \(result.statistic ?? .nan) vs \(c.3)")
        #expect(DriftTestData.close(result.pValue, c.4, relative: 1e-9), "\(c.0) p \(result.pValue ?? .nan) vs \(c.4)")
    }

    // Rows: (name, reference, current, normed Wasserstein, standardised mean difference).
    typealias WassersteinCase = (String, DriftTestData.Spec, DriftTestData.Spec, Double, Double)

    static let wassersteinCases: [WassersteinCase] = [
        (
            "shifted", (61, 3000, 0.0, 1.0, 1024.0), (62, 2000, 0.2, 1.0, 1024.0), 0.16594062475777835,
            0.1654283897501683
        ),
        ("wider", (63, 1500, 5.0, 2.0, 1024.0), (64, 1500, 5.0, 3.0, 1024.0), 0.4421556983425556, 0.054212389816484),
        (
            "constant reference", (65, 50, 2.0, 0.0, 1024.0), (66, 40, 2.0, 0.5, 1024.0), 411.62109374999994,
            -25.683593749999954
        ),
    ]

    @Test(arguments: wassersteinCases)
    func normedWassersteinMatchesScipy(_ c: WassersteinCase) throws {
        let report = try DriftDetector.compare(
            reference: DriftTestData.numbers("x", DriftTestData.normal(c.1)),
            current: DriftTestData.numbers("x", DriftTestData.normal(c.2)),
            options: .init(method: .wasserstein))
        let result = try #require(DriftTestData.result(report, "x"))
        #expect(
            DriftTestData.close(result.statistic, c.3, relative: 1e-10), "\(c.0): \(result.statistic ?? .nan) vs \(c.3)"
        )
        #expect(
            DriftTestData.close(result.effectSize?.value, c.4, relative: 1e-9),
            "\(c.0) d: \(result.effectSize?.value ?? .nan) vs \(c.4)")
        #expect(result.pValue == nil && result.threshold == 0.1)
    }
}

@Suite struct DriftRadixSortTests {
    @Test(arguments: [100, 5000, 70000])
    func sortsLikeTheStandardLibrary(_ count: Int) {
        var rng = SeededRandom(seed: UInt64(count))
        var values = (0..<count).map { _ in (rng.nextGaussian() * 1e3).rounded() / 7 }
        values += [0.0, -0.0, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude]
        #expect(RadixSort.sorted(values) == values.sorted())
    }
}

@Suite struct DriftSelectionTests {
    @Test(arguments: [1, 31, 1000, 20000])
    func selectsTheSameValuesAsSorting(_ count: Int) {
        var rng = SeededRandom(seed: UInt64(count) + 9)
        // Quantised draws, so that ties are common.
        let values = (0..<count).map { _ in (rng.nextGaussian() * 4).rounded() }
        let sorted = values.sorted()
        let ranks = Set([0, count / 10, count / 2, count / 2 + 1, count - 1].filter { $0 < count })
        let selected = Selection.values(atRanks: Array(ranks), of: values)
        for rank in ranks { #expect(selected[rank] == sorted[rank], "rank \(rank)") }
    }
}

/// Chi-square tail probabilities against scipy's `stats.chi2.sf(x, k)`.
@Suite struct DriftChiSquareDistributionTests {
    static let cases: [(Double, Int, Double)] = [
        (0.5, 1, 0.47950012218695337),
        (3.2, 2, 0.2018965179946554),
        (12.0, 5, 0.03478778050624185),
        (250.0, 200, 0.009379131668826098),
        (180.0, 200, 0.84177901081357),
        (1500.0, 999, 8.513135655488133e-23),
        (90.0, 3, 2.190570119285308e-19),
        (0.001, 4, 0.9999998750416589),
    ]

    @Test(arguments: cases)
    func upperTailMatchesScipy(_ c: (Double, Int, Double)) {
        let p = IncompleteGamma.upper(Double(c.1) / 2, c.0 / 2)
        #expect(DriftTestData.close(p, c.2, relative: 1e-10), "chi2.sf(\(c.0), \(c.1)) = \(p), scipy \(c.2)")
    }
}
