import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// Messages that say what actually happened (issue #18, item 24).
@Suite struct ClearMessageTests {
    @Test func aColumnEmptyOnlyInTheCurrentDataIsNotATypeChange() throws {
        let reference = DriftTestData.table(DriftTestData.integerColumn("x", [1, 2, 3]))
        // An all-empty column reads as text, whatever the reference held.
        let current = DriftTestData.table(DriftTestData.stringColumn("x", [nil, nil]))
        let report = try DriftDetector.compare(reference: reference, current: current)
        let result = try #require(DriftTestData.result(report, "x"))
        #expect(result.verdict == .skipped)
        #expect(result.kind == .numeric)
        #expect(result.reason == "no non-null values in the current data: cannot test")
        let emptyReference = try DriftDetector.compare(reference: current, current: reference)
        #expect(
            DriftTestData.result(emptyReference, "x")?.reason == "no non-null values in the reference: cannot test")
    }

    @Test func aTextValueInANumericFeatureIsCitedWithItsLine() throws {
        var train = "engine,mpg\n"
        for i in 0..<20 { train += "\([4, 6, 8][i % 3]),\(i % 2)\n" }
        var request = TrainingRequest(train: TestTables.csv(train, source: "train.csv"), target: "mpg", dataHash: "")
        request.test = TestTables.csv(train, source: "train.csv")
        let model = try Trainer.train(request).model
        let test = TestTables.csv("engine,mpg\n6,1\n8,0\nrotary,1\n6,0\n", source: "test.csv")
        let error = #expect(throws: LabError.self) { try model.predict(test) }
        #expect(
            error?.message
                == "feature 'engine' was numeric when the model was trained but holds text in test.csv: 'rotary' on line 4 is not a number"
        )
    }

    /// Two samples with the same mean whose shapes differ: KS finds it, the effect size (the
    /// mean shift) is 0.
    func sameMeanOtherShape(count: Int) throws -> DriftColumnResult {
        let reference = (0..<count).map { -3 + 6 * Double($0) / Double(count - 1) }
        let current = (0..<count).map { i in (i % 2 == 0 ? -1.0 : 1.0) * (2 + Double(i / 2) / Double(count)) }
        let report = try DriftDetector.compare(
            reference: DriftTestData.numbers("x", reference), current: DriftTestData.numbers("x", current),
            options: .init(method: .ks))
        return try #require(DriftTestData.result(report, "x"))
    }

    @Test func onlyLargeSamplesAreBlamedForASignificantNegligibleShift() throws {
        let small = try sameMeanOtherShape(count: 61)
        #expect(small.verdict == .drift)
        #expect(small.effectSize?.magnitude == .negligible)
        #expect(small.reason == "significant, but the effect size is negligible")
        let large = try sameMeanOtherShape(count: 1000)
        #expect(large.verdict == .drift)
        #expect(large.effectSize?.magnitude == .negligible)
        #expect(large.reason == "significant, but the effect is negligible: large samples make tiny shifts significant")
    }

    @Test func columnsLeftOutAsIdentifiersAreNamedWhenNothingIsLeft() throws {
        let csv = "customer,churned\nc-1,0\nc-2,1\nc-3,0\nc-4,1\n"
        let request = TrainingRequest(train: TestTables.csv(csv, source: "train.csv"), target: "churned", dataHash: "")
        let error = #expect(throws: LabError.self) { try Trainer.train(request) }
        #expect(error?.code == "train.no_features")
        #expect(
            error?.message
                == "'train.csv' has no columns to learn from besides the target 'churned': 'customer' was left out as an identifier (every value distinct, none with a space); name it with --features to learn from it anyway"
        )
    }

    @Test func anInfiniteChiSquareIsTheStringInfInJSON() throws {
        let report = try DriftDetector.compare(
            reference: DriftTestData.strings("plan", ["a", "a", "b"]),
            current: DriftTestData.strings("plan", ["a", "c", "a", "a"]), options: .init(method: .chisquare))
        let json = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
        let plan = try #require((json["columns"] as? [[String: Any]])?.first)
        #expect(plan["statistic"] as? String == "inf")
        #expect(plan["reason"] as? String == "'c' never seen in the reference: chi-square is infinite, p = 0")
    }
}
