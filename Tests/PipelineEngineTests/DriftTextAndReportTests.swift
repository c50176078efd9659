import Foundation
import Testing

@testable import PipelineEngine

/// Text columns (lengths and tokens, against scipy on the same texts) and the `drift --json`
/// contract.
@Suite struct DriftTextAndReportTests {
    static let flat = [Double](repeating: 1, count: 60)
    static let skewed = (0..<60).map { Double(60 - $0) }

    // Rows: (name, reference, current, length method, length statistic, length p, tokens JS, tokens TVD).
    typealias TextCase = (
        String, (UInt64, Int, [Double], [Double]), (UInt64, Int, [Double], [Double]),
        DriftMethod, Double, Double?, Double, Double
    )

    static let cases: [TextCase] = [
        (
            "same words, longer texts", (71, 400, flat, [1, 1, 1, 1, 1, 1]), (72, 300, flat, [0, 0, 1, 1, 2, 2]),
            .ks, 0.335, 1.5816930726872568e-17, 0.0756374516666421, 0.089563635319889
        ),
        (
            "other words", (73, 1500, flat, [1, 1, 1, 1, 1, 1]), (74, 1200, skewed, [1, 1, 1, 1, 1, 1]),
            .wasserstein, 0.13088377512188185, nil, 0.2021764055938263, 0.20822995175526357
        ),
    ]

    @Test(arguments: cases)
    func textDriftsOnLengthsAndTokens(_ c: TextCase) throws {
        let ref = DriftTestData.texts(seed: c.1.0, count: c.1.1, wordWeights: c.1.2, lengthWeights: c.1.3)
        let cur = DriftTestData.texts(seed: c.2.0, count: c.2.1, wordWeights: c.2.2, lengthWeights: c.2.3)
        let report = try DriftDetector.compare(
            reference: DriftTestData.strings("review", ref),
            current: DriftTestData.strings("review", cur))
        let length = try #require(DriftTestData.result(report, "review", aspect: "length"))
        let tokens = try #require(DriftTestData.result(report, "review", aspect: "tokens"))
        #expect(length.kind == .text && length.method == c.3)
        #expect(DriftTestData.close(length.statistic, c.4), "\(c.0) length \(length.statistic ?? .nan) vs \(c.4)")
        if let p = c.5 { #expect(DriftTestData.close(length.pValue, p), "\(c.0) p \(length.pValue ?? .nan) vs \(p)") }
        #expect(tokens.method == .jensenshannon)
        #expect(DriftTestData.close(tokens.statistic, c.6), "\(c.0) tokens \(tokens.statistic ?? .nan) vs \(c.6)")
        #expect(DriftTestData.close(tokens.effectSize?.value, c.7, relative: 1e-12))
        // One text column, counted once however many of its aspects drift.
        #expect(report.testedColumns == 1 && report.driftedColumns == 1)
    }

    /// Evidently 0.7's `infer_column_type` (src/evidently/core/datasets.py), on the current data.
    @Test func columnKindsFollowEvidentlysInference() {
        // Text when more than half the non-null values are distinct, else categories.
        #expect(DriftColumnKind.of(current: DriftTestData.stringColumn("n", ["a", "b", "c", nil])) == .text)
        #expect(DriftColumnKind.of(current: DriftTestData.stringColumn("n", ["a", "b", "a", "b"])) == .categorical)
        // Integers without nulls: categorical up to 10 distinct values (INTEGER_CARDINALITY_LIMIT).
        #expect(
            DriftColumnKind.of(current: DriftTestData.integerColumn("n", (1...10).map { Int64($0) })) == .categorical)
        #expect(DriftColumnKind.of(current: DriftTestData.integerColumn("n", (1...11).map { Int64($0) })) == .numeric)
        // pandas reads an integer column with a missing value as float: numeric.
        #expect(DriftColumnKind.of(current: DriftTestData.integerColumn("n", [1, 2, nil])) == .numeric)
        #expect(DriftColumnKind.of(current: DriftTestData.doubleColumn("n", [1, 2, 1])) == .numeric)
        #expect(DriftColumnKind.of(current: DriftTestData.booleanColumn("n", [true, false])) == .categorical)
    }

    @Test func jsonFollowsTheDesignContract() throws {
        let ref = DriftTestData.table(
            DriftTestData.doubleColumn("x", [1, 2, 3, 4, 5, 6, 7]),
            DriftTestData.stringColumn("plan", ["a", "a"]))
        let cur = DriftTestData.table(
            DriftTestData.doubleColumn("x", [1, 2, 3, 4, 5, 6, 7]),
            DriftTestData.stringColumn("plan", ["a", "b", "a", "a"]))
        let report = try DriftDetector.compare(reference: ref, current: cur, options: .init(method: .chisquare))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        let object = try #require(json)
        #expect(object["drifted_columns"] as? Int == 1)
        #expect(object["share_drifted"] as? Double == 0.5)
        #expect(object["dataset_drift"] as? Bool == true)
        let columns = try #require(object["columns"] as? [[String: Any]])
        let plan = try #require(columns.first { $0["column"] as? String == "plan" })
        // The infinite chi-square statistic is the string "inf" in JSON; the reason says why.
        #expect(plan["statistic"] as? String == "inf")
        #expect(plan["p_value"] as? Double == 0)
        #expect(plan["threshold"] as? Double == 0.05)
        #expect(plan["drifted"] as? Bool == true)
        #expect(plan["method"] as? String == "chisquare")
        #expect(plan["effect_size_kind"] as? String == "total_variation")
        #expect(plan["reason"] as? String == "'b' never seen in the reference: chi-square is infinite, p = 0")
        let x = try #require(columns.first { $0["column"] as? String == "x" })
        for key in ["column", "method", "statistic", "p_value", "threshold", "drifted", "effect_size", "reason"] {
            #expect(x.keys.contains(key), "missing \(key)")
        }
    }

    @Test func distancesHaveNoPValueInJSON() throws {
        let ref = DriftTestData.numbers("x", DriftTestData.normal(seed: 3, count: 50))
        let report = try DriftDetector.compare(reference: ref, current: ref, options: .init(method: .psi))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        let column = try #require((json?["columns"] as? [[String: Any]])?.first)
        #expect(column["p_value"] is NSNull)
        #expect(column["statistic"] as? Double == 0)
    }
}
