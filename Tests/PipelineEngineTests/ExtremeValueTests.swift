import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// Values near ±1.8e308: sums, squares and differences that overflow a double give finite
/// figures computed on scaled values, or say why a figure cannot be computed; never NaN
/// (issue #18, item 7).
@Suite struct ExtremeValueTests {
    static let reference = Array(repeating: [1e308, -1e308, 5e307, -3e307, 1e307], count: 5).flatMap { $0 }
    static let current = Array(repeating: [1e308, -1e308, 2e307], count: 4).flatMap { $0 }

    func result(_ method: DriftMethod) throws -> DriftColumnResult {
        let report = try DriftDetector.compare(
            reference: DriftTestData.numbers("x", Self.reference), current: DriftTestData.numbers("x", Self.current),
            options: .init(method: method))
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(!json.lowercased().contains("nan"))
        return try #require(DriftTestData.result(report, "x"))
    }

    @Test(arguments: [DriftMethod.ks, .wasserstein, .psi, .jensenshannon, .chisquare])
    func theEffectSizeIsFiniteWhenTheSumsOverflow(method: DriftMethod) throws {
        // Exact rationals (Python's fractions) and numpy on the values / 1e300:
        // (mean(cur) - mean(ref)) / np.std(ref) = 0.009761790210957052.
        let effect = try #require(try result(method).effectSize)
        #expect(DriftTestData.close(effect.value, 0.009761790210957052, relative: 1e-12))
    }

    @Test func wassersteinIsMeasuredWhenTheRangeOverflows() throws {
        // scipy 1.16: wasserstein_distance(ref / 1e300, cur / 1e300) / np.std(ref / 1e300).
        let result = try result(.wasserstein)
        #expect(DriftTestData.close(result.statistic, 0.34166265738349666, relative: 1e-12))
        #expect(result.verdict == .drift)
    }

    @Test func anEffectBeyondADoubleIsNotComputedAndSaysWhy() throws {
        let report = try DriftDetector.compare(
            reference: DriftTestData.numbers("x", [1e308, 1e308, 1e308]),
            current: DriftTestData.numbers("x", [-1e308, -1e308]), options: .init(method: .ks))
        let result = try #require(DriftTestData.result(report, "x"))
        #expect(result.effectSize == nil)
        #expect(
            result.reason
                == "constant on each side: 1e+308 in the reference, -1e+308 now; effect size not computed: the shift of the mean, in reference standard deviations, overflows a double"
        )
    }

    @Test func dataDiffShiftIsFiniteOrSaysWhy() throws {
        let diff = DataDiff(
            reference: DriftTestData.numbers("x", Self.reference), current: DriftTestData.numbers("x", Self.current))
        let column = try #require(diff.columns.first { $0.column == "x" })
        // Exact rationals: (mean(cur) - mean(ref)) / std(ref, ddof=1) = 0.0095645619971762,
        // std(ref, ddof=1) = 6.970174555442162e+307, std(cur, ddof=1) = 8.584693919818557e+307.
        #expect(DriftTestData.close(column.meanShift, 0.0095645619971762, relative: 1e-12))
        #expect(DriftTestData.close(column.std?.reference ?? nil, 6.970174555442162e+307, relative: 1e-12))
        #expect(DriftTestData.close(column.std?.current ?? nil, 8.584693919818557e+307, relative: 1e-12))
        let apart = DataDiff(
            reference: DriftTestData.numbers("x", [0, 1e-150]),
            current: DriftTestData.numbers("x", [1e308, 1e308]))
        let far = try #require(apart.columns.first { $0.column == "x" })
        #expect(far.meanShift == nil)
        #expect(
            far.meanShiftNote
                == "not computed: the shift of the mean, in reference standard deviations, overflows a double")
    }

    @Test func trainingOnValuesWhoseSquaresOverflowIsRefusedNamingTheColumn() throws {
        var rows = "x,y\n"
        for i in 0..<40 { rows += "\(i),\([1e308, -1e308, 5e307][i % 3])\n" }
        var request = TrainingRequest(train: TestTables.csv(rows, source: "big.csv"), target: "y", dataHash: "")
        request.model = .linear
        let error = #expect(throws: LabError.self) { try Trainer.train(request) }
        #expect(error?.code == "train.overflow")
        #expect(error?.kind == .badInput)
        #expect(
            error?.message
                == "training on 'big.csv' produced weights that are not finite numbers: 'y' holds values as large as 1e+308 (beyond about 1.3e154, squares overflow a double); rescale it (for example to thousands or millions)"
        )
    }

    @Test func aFeatureNear1e308IsStandardisedWithoutOverflow() throws {
        var rows = "x,label\n"
        for i in 0..<40 { rows += "\([1e308, -1e308, 5e307, -2e307][i % 4]),\(i % 2)\n" }
        let request = TrainingRequest(train: TestTables.csv(rows, source: "big.csv"), target: "label", dataHash: "")
        let model = try Trainer.train(request).model
        guard case .numeric(let scaling) = model.preprocessing.transforms[0] else {
            Issue.record("x is not numeric")
            return
        }
        #expect(scaling.mean.isFinite && scaling.scale.isFinite)
        _ = try JSONEncoder().encode(model)
    }
}
