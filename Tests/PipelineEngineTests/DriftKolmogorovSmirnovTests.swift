import Testing

@testable import PipelineEngine

/// `ks` against scipy 1.17 (`ks_2samp`, `kstwo.sf`, `special.smirnov`); see References/drift_references.py.
@Suite struct DriftKolmogorovSmirnovTests {
    typealias Case = (String, DriftTestData.Spec, DriftTestData.Spec, Double, Double)

    static let twoSampleCases: [Case] = [
        (
            "exact, unequal sizes", (1, 100, 0.0, 1.0, 1024.0), (2, 120, 0.3, 1.0, 1024.0), 0.11833333333333333,
            0.39761041026477384
        ),
        ("exact, equal sizes", (3, 200, 0.0, 1.0, 1024.0), (4, 200, 0.2, 1.0, 1024.0), 0.105, 0.220541217580421),
        ("exact, heavy ties", (5, 300, 0.0, 1.0, 2.0), (6, 250, 0.1, 1.0, 2.0), 0.044, 0.9431964370837577),
        (
            "exact at the limit", (7, 10000, 0.0, 1.0, 1024.0), (8, 9000, 0.03, 1.0, 1024.0), 0.0257,
            0.003754516823078646
        ),
        (
            "asymptotic past the limit", (7, 10001, 0.0, 1.0, 1024.0), (8, 9000, 0.03, 1.0, 1024.0),
            0.02573702629737029, 0.003697237649464314
        ),
        (
            "asymptotic, small effective n", (9, 20000, 0.0, 1.0, 1024.0), (10, 60, 0.4, 1.0, 1024.0),
            0.15499999999999997, 0.10039496176316631
        ),
        (
            "asymptotic, large shift", (11, 15000, 0.0, 1.0, 1024.0), (12, 12000, 0.15, 1.0, 1024.0),
            0.06053333333333333, 1.115420519008442e-21
        ),
        (
            "asymptotic, no shift", (13, 12000, 0.0, 1.0, 1024.0), (14, 11000, 0.0, 1.0, 1024.0), 0.018393939393939407,
            0.04065234874905621
        ),
    ]

    @Test(arguments: twoSampleCases)
    func twoSampleMatchesScipy(_ c: Case) {
        let a = DriftTestData.normal(c.1).sorted()
        let b = DriftTestData.normal(c.2).sorted()
        let result = KolmogorovSmirnov.test(sortedReference: a, sortedCurrent: b)
        #expect(
            DriftTestData.close(result.statistic, c.3, relative: 1e-12), "\(c.0): D \(result.statistic) vs scipy \(c.3)"
        )
        #expect(DriftTestData.close(result.pValue, c.4), "\(c.0): p \(result.pValue) vs scipy \(c.4)")
        #expect(result.exact == (max(c.1.1, c.2.1) <= 10_000), "\(c.0): exact \(result.exact)")
    }

    @Test func switchesFromExactToAsymptoticAbove10000() {
        let b = DriftTestData.normal(seed: 8, count: 9000, mean: 0.03)
        let atLimit = KolmogorovSmirnov.test(
            sortedReference: DriftTestData.normal(seed: 7, count: 10000).sorted(),
            sortedCurrent: b.sorted())
        let past = KolmogorovSmirnov.test(
            sortedReference: DriftTestData.normal(seed: 7, count: 10001).sorted(),
            sortedCurrent: b.sorted())
        #expect(atLimit.exact && !past.exact)
    }

    @Test func identicalSamplesHaveNoGap() {
        let a = DriftTestData.normal(seed: 21, count: 50).sorted()
        #expect(
            KolmogorovSmirnov.test(sortedReference: a, sortedCurrent: a) == .init(statistic: 0, pValue: 1, exact: true))
    }

    @Test func disjointSamplesHaveTheLargestGap() {
        // scipy: ks_2samp([1, 2, 3], [4, 5]) -> statistic 1.0, pvalue 0.2
        let result = KolmogorovSmirnov.test(sortedReference: [1, 2, 3], sortedCurrent: [4, 5])
        #expect(result.statistic == 1)
        #expect(DriftTestData.close(result.pValue, 0.2, relative: 1e-12))
    }

    static let kstwoCases: [(Int, Double, Double)] = [
        (10, 0.05, 1.0),
        (10, 0.3, 0.27053557479999946),
        (10, 0.6, 0.0005681672000000003),
        (50, 0.1, 0.6623112704658186),
        (50, 0.2, 0.03143877776953241),
        (50, 0.35, 5.573523514803185e-06),
        (100, 0.3, 1.7719869892662917e-08),
        (140, 0.07, 0.4776228287946577),
        (141, 0.07, 0.47315284500403054),
        (1000, 0.02, 0.8108971656895577),
        (1000, 0.06, 0.001428597887952891),
        (5000, 0.012, 0.4639912166690192),
        (25000, 0.005, 0.5578336507542061),
        (25000, 0.02, 4.061196710119753e-09),
        (100000, 0.0025, 0.5586954140357887),
        (150000, 0.002, 0.5852546878861703),
        (500000, 0.001, 0.6989801443663661),
        (500000, 0.003, 0.00024632301239186754),
        (2_000_000, 0.001, 0.03660662431970485),
        (2_000_000, 0.0015, 0.00024657290508461606),
        (1000, 0.0125, 0.9971528020597908),
        (300, 0.02, 0.9995956727697175),
        (80, 0.0124, 1.0),
    ]

    @Test(arguments: kstwoCases)
    func kolmogorovSurvivalMatchesScipy(_ c: (Int, Double, Double)) {
        let sf = KolmogorovDistribution.survival(n: c.0, x: c.1)
        #expect(DriftTestData.close(sf, c.2), "kstwo.sf(\(c.1), \(c.0)) = \(sf), scipy \(c.2)")
    }

    static let smirnovCases: [(Int, Double, Double)] = [
        (5, 0.3, 0.34282),
        (20, 0.1, 0.6290710188849629),
        (20, 0.5, 1.893797620269516e-05),
        (100, 0.2, 0.0002775963664037337),
        (1000, 0.05, 0.006506037390545166),
        (500000, 0.003, 0.00012316150619593377),
        (10, 0.95, 9.765625000000086e-14),
        (2_000_000, 0.001, 0.018303432023617325),
    ]

    @Test(arguments: smirnovCases)
    func smirnovSurvivalMatchesScipy(_ c: (Int, Double, Double)) {
        let sf = SmirnovDistribution.survival(n: c.0, x: c.1)
        #expect(DriftTestData.close(sf, c.2), "smirnov(\(c.0), \(c.1)) = \(sf), scipy \(c.2)")
    }
}
