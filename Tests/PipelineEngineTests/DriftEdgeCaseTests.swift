import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// Columns that are constant, empty, all null, single-category, mistyped or new-valued get a
/// clear verdict with a reason: never NaN, never a crash.
@Suite struct DriftEdgeCaseTests {
    func compare(_ ref: DataTable, _ cur: DataTable, _ method: DriftMethod = .auto) throws -> DriftReport {
        let report = try DriftDetector.compare(reference: ref, current: cur, options: .init(method: method))
        // Every report must encode: JSON has no NaN or infinity.
        _ = try JSONEncoder().encode(report)
        return report
    }

    @Test(arguments: [DriftMethod.ks, .wasserstein, .psi, .jensenshannon, .chisquare, .ztest])
    func sameConstantOnBothSidesIsNoDrift(_ method: DriftMethod) throws {
        let report = try compare(
            DriftTestData.numbers("x", Array(repeating: 3, count: 40)),
            DriftTestData.numbers("x", Array(repeating: 3, count: 30)), method)
        let result = try #require(DriftTestData.result(report, "x"))
        #expect(result.verdict == .noDrift)
        #expect(result.statistic == 0)
        #expect(result.reason?.hasPrefix("constant on both sides (3)") == true, "\(result.reason ?? "")")
        #expect(result.pValue == (method.isTest ? 1 : nil))
    }

    @Test(arguments: [DriftMethod.ks, .wasserstein, .psi, .jensenshannon, .chisquare, .ztest])
    func differentConstantsDrift(_ method: DriftMethod) throws {
        let report = try compare(
            DriftTestData.numbers("x", Array(repeating: 3, count: 40)),
            DriftTestData.numbers("x", Array(repeating: 5, count: 30)), method)
        let result = try #require(DriftTestData.result(report, "x"))
        #expect(result.verdict == .drift, "\(method): \(result.statistic ?? .nan) p \(result.pValue ?? .nan)")
        #expect(
            result.reason?.hasPrefix("constant on each side: 3 in the reference, 5 now") == true,
            "\(result.reason ?? "")")
    }

    @Test func differentConstantsByKolmogorovSmirnov() throws {
        // scipy: ks_2samp([3]*40, [5]*30) -> statistic 1.0, pvalue 3.6135170070159586e-20 (exact)
        let report = try compare(
            DriftTestData.numbers("x", Array(repeating: 3, count: 40)),
            DriftTestData.numbers("x", Array(repeating: 5, count: 30)), .ks)
        let result = try #require(DriftTestData.result(report, "x"))
        #expect(result.statistic == 1)
        #expect(DriftTestData.close(result.pValue, 3.6135170070159586e-20, relative: 1e-9))
    }

    @Test func allNullCurrentIsSkipped() throws {
        let ref = DriftTestData.table(DriftTestData.doubleColumn("x", [1, 2, 3]))
        let cur = DriftTestData.table(DriftTestData.doubleColumn("x", [nil, nil]))
        let result = try #require(DriftTestData.result(try compare(ref, cur), "x"))
        #expect(result.verdict == .skipped)
        #expect(result.reason == "no non-null values in the current data: cannot test")
        #expect(result.statistic == nil && result.method == nil)
    }

    @Test func emptyReferenceIsSkipped() throws {
        let report = try compare(DriftTestData.strings("plan", []), DriftTestData.strings("plan", ["a", "b"]))
        let result = try #require(DriftTestData.result(report, "plan"))
        #expect(result.reason == "no non-null values in the reference: cannot test")
        #expect(report.testedColumns == 0 && report.shareDrifted == 0 && !report.datasetDrift)
    }

    @Test func nanAndInfinityCountAsMissing() throws {
        let ref = DriftTestData.numbers("x", [.nan, .infinity, -.infinity])
        let result = try #require(DriftTestData.result(try compare(ref, DriftTestData.numbers("x", [1, 2])), "x"))
        #expect(result.reason == "no non-null values in the reference: cannot test")
    }

    @Test func oneCategoryOnBothSides() throws {
        for method in [DriftMethod.auto, .chisquare, .ztest, .jensenshannon, .psi] {
            let report = try compare(
                DriftTestData.strings("plan", ["pro", "pro"]),
                DriftTestData.strings("plan", ["pro", "pro", "pro"]), method)
            let result = try #require(DriftTestData.result(report, "plan"))
            #expect(result.verdict == .noDrift, "\(method)")
            #expect(result.statistic == 0, "\(method)")
            #expect(result.reason == "one category on both sides ('pro')", "\(method)")
        }
    }

    @Test func oneDifferentCategoryOnEachSide() throws {
        let report = try compare(
            DriftTestData.strings("plan", Array(repeating: "basic", count: 20)),
            DriftTestData.strings("plan", Array(repeating: "pro", count: 20)), .chisquare)
        let result = try #require(DriftTestData.result(report, "plan"))
        #expect(result.verdict == .drift && result.statistic == .infinity && result.pValue == 0)
        #expect(result.reason == "one category on each side: 'basic' in the reference, 'pro' now")
        #expect(result.effectSize == EffectSize(kind: .totalVariation, value: 1))
    }

    @Test func newCategoriesAreNamed() throws {
        let ref = DriftTestData.strings(
            "plan", Array(repeating: "basic", count: 1500) + Array(repeating: "pro", count: 500))
        let cur = DriftTestData.strings("plan", Array(repeating: "basic", count: 1500) + ["max", "mini"])
        let result = try #require(DriftTestData.result(try compare(ref, cur), "plan"))
        #expect(result.method == .jensenshannon)
        #expect(result.reason == "new in the current data: 'max', 'mini'")
    }

    @Test func methodThatDoesNotFitTheColumnIsSkipped() throws {
        let cats = DriftTestData.strings("plan", ["a", "b", "c", "a", "b", "c"])
        let ks = try #require(DriftTestData.result(try compare(cats, cats, .ks), "plan"))
        #expect(ks.verdict == .skipped)
        #expect(ks.reason == "ks compares numbers; 'plan' holds categories (try chisquare, jensenshannon or psi)")
        let z = try #require(DriftTestData.result(try compare(cats, cats, .ztest), "plan"))
        #expect(z.reason == "ztest needs two values; 'plan' has 3 (try chisquare)")
        let numbers = DriftTestData.numbers("x", [1, 2, 3, 4])
        let zn = try #require(DriftTestData.result(try compare(numbers, numbers, .ztest), "x"))
        #expect(zn.reason == "ztest needs two values; 'x' has 4 (try chisquare or ks)")
    }

    @Test func missingAndMistypedColumnsAreSkipped() throws {
        let ref = DriftTestData.table(
            DriftTestData.doubleColumn("x", [1, 2]), DriftTestData.doubleColumn("y", [1, 2]))
        let cur = DriftTestData.table(DriftTestData.stringColumn("x", ["a", "b"]))
        let report = try compare(ref, cur)
        #expect(
            DriftTestData.result(report, "x")?.reason
                == "holds double values in the reference but string values in the current data")
        #expect(DriftTestData.result(report, "y")?.reason == "missing in the current data")
    }

    @Test func unknownColumnNamesTheColumnsThereAre() {
        let table = DriftTestData.table(DriftTestData.doubleColumn("tenure", [1]))
        #expect(throws: LabError("data.unknown_column", "no column 'tenur' in test. Did you mean 'tenure'?")) {
            try DriftDetector.compare(reference: table, current: table, options: .init(columns: ["tenur"]))
        }
    }

    @Test func unknownMethodSuggestsOne() {
        #expect(
            throws: LabError(
                "drift.unknown_method",
                "unknown drift method 'kss'. Did you mean 'ks'? (methods: auto, psi, ks, wasserstein, jensenshannon, chisquare, ztest)"
            )
        ) {
            try DriftMethod.parse("kss")
        }
    }

    @Test func datasetDriftsWhenHalfTheTestedColumnsDo() throws {
        let shifted = DriftTestData.normal(seed: 1, count: 200, mean: 2)
        let same = DriftTestData.normal(seed: 2, count: 200)
        let ref = DriftTestData.table(
            DriftTestData.doubleColumn("a", same), DriftTestData.doubleColumn("b", same),
            DriftTestData.doubleColumn("c", [nil]))
        let cur = DriftTestData.table(
            DriftTestData.doubleColumn("a", shifted), DriftTestData.doubleColumn("b", same),
            DriftTestData.doubleColumn("c", [nil]))
        let report = try compare(ref, cur)
        #expect(report.driftedColumns == 1 && report.testedColumns == 2 && report.shareDrifted == 0.5)
        #expect(report.datasetDrift)
    }
}
