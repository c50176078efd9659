import Foundation
import Testing

@testable import PipelineEngine

/// `LeakageReport` against pandas and scikit-learn: every figure below is printed by
/// `/tmp/wtb-venv/bin/python Tests/PipelineEngineTests/References/leakage_reference.py`, which
/// also writes the generated fixtures under `Fixtures/leakage/`.
@Suite struct LeakageReportTests {
    /// The hand-built pair, copied verbatim from the reference script.
    static let handTrain = """
        id,age,plan,score,y
        1,30,basic,2.5,0
        2,41,pro,,1
        3,30,basic,2.5,0
        4,55,,7.25,1
        5,23,basic,1.0,0
        6,62,pro,9.0,1
        7,35,basic,3.0,1
        8,47,pro,6.5,0

        """
    static let handTest = """
        id,age,plan,score,y
        9,30,basic,2.50,0
        2,41,pro,,1
        10,55,,7.25,1
        11,30,basic,2.5,0
        12,38,pro,4.0,0
        13,30,basic,2.5,1

        """

    static func table(_ text: String, _ source: String) throws -> DataTable {
        try CSVReader.parse(Array(text.utf8), source: source)
    }

    static func fixture(_ name: String) throws -> DataTable {
        try CSVReader.read(file: TestTables.fixturePath("leakage/\(name)"), named: name)
    }

    static func feature(_ report: LeakageReport, _ name: String) throws -> FeatureLeakage {
        try #require(report.features.first { $0.feature == name })
    }

    /// `2.50` equals `2.5`, a null equals a null, and the id is not compared; a row whose
    /// target differs is not shared.
    @Test func handBuiltPairMatchesPandas() throws {
        let report = try LeakageReport(
            train: Self.table(Self.handTrain, "train.csv"), test: Self.table(Self.handTest, "test.csv"), target: "y",
            id: "id")
        #expect(report.sharedRows.columns == ["age", "plan", "score", "y"])
        #expect(report.sharedRows.testRowsInTrain == 4)
        #expect(report.sharedRows.distinctSharedRows == 3)
        #expect(
            report.sharedRows.examples == [
                .init(trainLine: 2, testLine: 2), .init(trainLine: 3, testLine: 3), .init(trainLine: 5, testLine: 4),
            ])
        let ids = try #require(report.sharedIDs)
        #expect(ids.distinctSharedIDs == 1)
        #expect(ids.testRowsWithTrainID == 1)
        #expect(ids.examples == [.init(id: "2", trainLine: 3, testLine: 3)])
        #expect(report.classes == ["0", "1"])
        #expect(report.positiveClass == "1")
        let age = try Self.feature(report, "age")
        #expect(age.rows == 8 && age.auc == 0.875 && age.separation == 0.875 && !age.flagged)
        let score = try Self.feature(report, "score")
        #expect(score.rows == 7 && !score.flagged)
        #expect(abs((score.auc ?? 0) - 0.9166666666666666) < 1e-12)
        let plan = try Self.feature(report, "plan")
        #expect(plan.kind == .categorical && plan.rows == 8 && plan.pureShare == 0)
        #expect(plan.pureCategories == 0 && plan.categories == 3 && !plan.flagged)
        #expect(report.timeOrder == nil)
        #expect(report.leakageFound)
    }

    /// Copied rows under new ids, ids shared by other rows, a feature equal to the target, a
    /// noisy copy of it, a text column that names the outcome, and copied rows from the past.
    @Test func generatedLeaksMatchPandasAndScikitLearn() throws {
        let report = try LeakageReport(
            train: Self.fixture("leak-train.csv"), test: Self.fixture("leak-test.csv"), target: "churned", id: "id",
            time: "day")
        #expect(report.sharedRows.testRowsInTrain == 15)
        #expect(report.sharedRows.distinctSharedRows == 14)
        #expect(
            report.sharedRows.examples.map { [$0.trainLine, $0.testLine] } == [
                [403, 5], [101, 15], [335, 37], [153, 68], [19, 93],
            ])
        let ids = try #require(report.sharedIDs)
        #expect(ids.distinctSharedIDs == 21 && ids.testRowsWithTrainID == 21)
        #expect(
            ids.examples == [
                .init(id: "483", trainLine: 484, testLine: 19), .init(id: "494", trainLine: 495, testLine: 22),
                .init(id: "492", trainLine: 493, testLine: 24), .init(id: "486", trainLine: 487, testLine: 25),
                .init(id: "484", trainLine: 485, testLine: 38),
            ])
        try Self.expectGeneratedFeatures(report)
        let order = try #require(report.timeOrder)
        #expect(order.testRowsBeforeLatestTrain == 14)
        #expect(order.latestTrainTime == "2024-04-09" && order.latestTrainLine == 497)
        #expect(order.earliestTestTime == "2024-01-01" && order.earliestTestLine == 128)
        #expect(report.flaggedFeatures == ["refund", "almost", "reason"])
        #expect(report.leakageFound)
    }

    /// The feature figures of `leak-train.csv`, the same whichever test file it is paired with.
    static func expectGeneratedFeatures(_ report: LeakageReport) throws {
        let numeric: [(String, Int, Double, Bool)] = [
            ("tenure", 500, 0.19709068756585882, false), ("charges", 464, 0.7338106800757127, false),
            ("refund", 500, 1.0, true), ("almost", 500, 0.9990450474183351, true),
        ]
        for (name, rows, auc, flagged) in numeric {
            let feature = try feature(report, name)
            #expect(feature.kind == .numeric && feature.rows == rows && feature.flagged == flagged, "\(name)")
            #expect(abs((feature.auc ?? -1) - auc) < 1e-12, "\(name)")
            #expect(abs((feature.separation ?? -1) - max(auc, 1 - auc)) < 1e-12, "\(name)")
        }
        let categorical: [(String, Double, Int, Int, Bool)] = [
            ("plan", 0, 0, 3, false), ("reason", 0.996, 4, 5, true), ("region", 0, 0, 9, false),
        ]
        for (name, share, pure, categories, flagged) in categorical {
            let feature = try feature(report, name)
            #expect(feature.kind == .categorical && feature.rows == 500 && feature.flagged == flagged, "\(name)")
            #expect(feature.pureShare == share && feature.pureCategories == pure, "\(name)")
            #expect(feature.categories == categories, "\(name)")
        }
        #expect(
            report.features.map(\.feature) == ["tenure", "charges", "plan", "refund", "almost", "reason", "region"])
    }

    /// A file against itself: every row and id shared, every test row but the last day's
    /// earlier than the latest training row.
    @Test func everyTestRowInTrain() throws {
        let report = try LeakageReport(
            train: Self.fixture("leak-train.csv"), test: Self.fixture("leak-train.csv"), target: "churned", id: "id",
            time: "day")
        #expect(report.sharedRows.testRowsInTrain == 500 && report.sharedRows.distinctSharedRows == 500)
        #expect(report.sharedRows.examples.map(\.testLine) == [2, 3, 4, 5, 6])
        #expect(report.sharedRows.examples.map(\.trainLine) == [2, 3, 4, 5, 6])
        #expect(report.sharedIDs?.distinctSharedIDs == 500 && report.sharedIDs?.testRowsWithTrainID == 500)
        #expect(report.sharedIDs?.examples.map(\.id) == ["1", "2", "3", "4", "5"])
        try Self.expectGeneratedFeatures(report)
        #expect(report.timeOrder?.testRowsBeforeLatestTrain == 495)
        #expect(report.timeOrder?.earliestTestLine == 2)
        #expect(report.leakageFound)
    }

    @Test func cleanPairHasNoLeakage() throws {
        let report = try LeakageReport(
            train: Self.fixture("clean-train.csv"), test: Self.fixture("clean-test.csv"), target: "churned", id: "id",
            time: "day")
        #expect(report.sharedRows.testRowsInTrain == 0 && report.sharedRows.distinctSharedRows == 0)
        #expect(report.sharedRows.examples.isEmpty)
        #expect(report.sharedIDs?.distinctSharedIDs == 0 && report.sharedIDs?.testRowsWithTrainID == 0)
        let tenure = try Self.feature(report, "tenure")
        #expect(tenure.rows == 400 && abs((tenure.auc ?? -1) - 0.275707702435813) < 1e-12 && !tenure.flagged)
        let charges = try Self.feature(report, "charges")
        #expect(charges.rows == 382 && abs((charges.auc ?? -1) - 0.7198275862068965) < 1e-12 && !charges.flagged)
        let plan = try Self.feature(report, "plan")
        #expect(plan.pureShare == 0 && plan.categories == 3 && !plan.flagged)
        let order = try #require(report.timeOrder)
        #expect(order.testRowsBeforeLatestTrain == 0)
        #expect(order.latestTrainTime == "2024-03-20" && order.latestTrainLine == 397)
        #expect(order.earliestTestTime == "2024-03-21" && order.earliestTestLine == 2)
        #expect(report.flaggedFeatures.isEmpty)
        #expect(!report.leakageFound)
    }
}
