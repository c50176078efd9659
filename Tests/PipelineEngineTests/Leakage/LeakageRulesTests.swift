import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// The rules of `LeakageReport` on small tables whose answers are worked out by hand:
/// category purity at its bounds, time order across offsets and numbers, and every error.
@Suite struct LeakageRulesTests {
    /// A table with a text feature `c`, a number `x` that is always 1 and a target `y`, from
    /// (category, label, rows) groups; a nil category or label writes an empty field.
    static func purityTable(_ groups: [(String?, String?, Int)]) throws -> DataTable {
        var text = "c,x,y\n"
        for (category, label, rows) in groups {
            for _ in 0..<rows { text += "\(category ?? ""),1,\(label ?? "")\n" }
        }
        return try CSVReader.parse(Array(text.utf8), source: "train.csv")
    }

    static func purity(_ groups: [(String?, String?, Int)]) throws -> FeatureLeakage {
        let table = try purityTable(groups)
        let report = try LeakageReport(train: table, test: table, target: "y")
        return try #require(report.features.first { $0.feature == "c" })
    }

    /// 99 of 100 rows in pure categories is exactly the threshold; rows without a target do
    /// not count.
    @Test func purityAtTheThresholdIsFlagged() throws {
        let c = try Self.purity([("a", "1", 60), ("b", "0", 39), ("c", "0", 1), ("a", nil, 5)])
        #expect(c.rows == 100 && c.pureShare == 0.99 && c.pureCategories == 2 && c.categories == 3)
        #expect(c.flagged)
    }

    /// Nine rows of one label are too few to count, null being a category like any other.
    @Test func smallPureCategoryDoesNotCount() throws {
        let c = try Self.purity([("a", "1", 60), ("b", "0", 31), (nil, "0", 9)])
        #expect(c.rows == 100 && c.pureShare == 0.91 && c.pureCategories == 2 && c.categories == 3)
        #expect(!c.flagged)
    }

    @Test func nullCategoryOfTenRowsCounts() throws {
        let c = try Self.purity([("a", "1", 60), ("b", "0", 30), (nil, "0", 10)])
        #expect(c.pureShare == 1 && c.pureCategories == 3 && c.flagged)
    }

    /// One row of the other label makes a category of sixty impure.
    @Test func oneMixedRowSpoilsACategory() throws {
        let c = try Self.purity([("a", "1", 59), ("a", "0", 1), ("b", "0", 40)])
        #expect(c.pureShare == 0.4 && c.pureCategories == 1 && !c.flagged)
    }

    /// A constant number separates nothing: every pair is a tie, AUC one half.
    @Test func constantFeatureHasAUCOneHalf() throws {
        let table = try Self.purityTable([("a", "1", 3), ("b", "0", 2)])
        let x = try #require(
            try LeakageReport(train: table, test: table, target: "y").features.first { $0.feature == "x" })
        #expect(x.auc == 0.5 && x.separation == 0.5 && !x.flagged)
    }

    /// With three classes the AUC check is skipped with a note; categories are still measured.
    @Test func multiclassTargetSkipsTheAUCCheck() throws {
        let table = try Self.purityTable([("a", "p", 10), ("b", "q", 10), ("c", "r", 10)])
        let report = try LeakageReport(train: table, test: table, target: "y")
        #expect(report.classes == ["p", "q", "r"] && report.positiveClass == nil)
        #expect(report.aucNote == "the target has 3 classes; the AUC check needs two and was skipped")
        #expect(report.features.map(\.feature) == ["c"])
        #expect(report.flaggedFeatures == ["c"])
    }

    static func table(_ text: String, _ source: String) throws -> DataTable {
        try CSVReader.parse(Array(text.utf8), source: source)
    }

    /// Offsets move a date-time to UTC, a date is midnight UTC, and only strictly earlier test
    /// rows count: 00:00Z equals 02:00+02:00, 23:59:59.5Z is before it.
    @Test func timeOrderAcrossOffsets() throws {
        let train = try Self.table("x,y,t\n1,0,2024-05-01T02:00:00+02:00\n2,1,2024-04-30 23:00\n", "train.csv")
        let test = try Self.table(
            "x,y,t\n3,0,2024-05-01T00:00:00Z\n4,1,2024-04-30T23:59:59.5Z\n5,0,2024-05-01\n", "test.csv")
        let order = try #require(try LeakageReport(train: train, test: test, target: "y", time: "t").timeOrder)
        #expect(order.testRowsBeforeLatestTrain == 1)
        #expect(order.latestTrainTime == "2024-05-01T02:00:00+02:00" && order.latestTrainLine == 2)
        #expect(order.earliestTestTime == "2024-04-30T23:59:59.5Z" && order.earliestTestLine == 3)
    }

    @Test func timeOrderOfNumbers() throws {
        let train = try Self.table("x,y,t\n1,0,1\n2,1,5\n3,0,3\n", "train.csv")
        let test = try Self.table("x,y,t\n4,0,6\n5,1,4\n6,1,5.5\n", "test.csv")
        let order = try #require(try LeakageReport(train: train, test: test, target: "y", time: "t").timeOrder)
        #expect(order.testRowsBeforeLatestTrain == 1)
        #expect(order.latestTrainTime == "5" && order.latestTrainLine == 3)
        #expect(order.earliestTestTime == "4" && order.earliestTestLine == 3)
    }

    @Test(arguments: [
        ("2024-05-01", true), ("2024-02-29T12:00", true), ("2023-02-29", false), ("2024-13-01", false),
        ("2024-05-01T24:00", false), ("2024-05-01T09:30:00+0530", true), ("2024-05-01T09:30:00+05", true),
        ("2024-5-1", false), ("2024-05-01T09:30:00.123456789123Z", true), ("2024-05-01T09:30:00.Z", false),
        ("yesterday", false), ("2024-05-01T09:30:00 UTC", false),
    ])
    func isoTimes(text: String, readable: Bool) {
        #expect((TimePoint.instant(iso: text) != nil) == readable)
    }

    @Test func offsetsAndFractionsCompareAsInstants() throws {
        let points = ["2024-05-01T09:30:00+05:30", "2024-05-01T04:00Z", "2024-05-01T04:00:00.000000001Z"].map {
            TimePoint.instant(iso: $0)
        }
        #expect(points[0] == points[1])
        #expect(try #require(points[1]) < #require(points[2]))
        #expect(TimePoint.instant(iso: "1970-01-02") == .instant(seconds: 86_400, nanoseconds: 0))
        #expect(TimePoint.instant(iso: "1969-12-31T23:59:59.25Z") == .instant(seconds: -1, nanoseconds: 250_000_000))
    }

    static let train = "x,y,t\n1,0,2024-05-01\n2,1,2024-05-02\n"

    @Test func unreadableTimeNamesFileLineAndValue() throws {
        let test = try Self.table("x,y,t\n1,0,2024-05-03\n2,1,yesterday\n", "test.csv")
        #expect(
            throws: LabError(
                "leakage.bad_time",
                "time 'yesterday' in column 't' is not a date, a date-time or a number; "
                    + "expected ISO 8601 such as 2024-05-01 or 2024-05-01T09:30:00Z",
                file: "test.csv", line: 3)
        ) { try LeakageReport(train: Self.table(Self.train, "train.csv"), test: test, target: "y", time: "t") }
    }

    @Test func emptyTimeIsAnError() throws {
        let train = try Self.table("x,y,t\n1,0,2024-05-01\n2,1,\n", "train.csv")
        #expect(
            throws: LabError(
                "leakage.bad_time",
                "empty time in column 't'; expected a date, a date-time or a number on every row",
                file: "train.csv", line: 3)
        ) { try LeakageReport(train: train, test: train, target: "y", time: "t") }
    }

    @Test func numbersAgainstDatesIsAnError() throws {
        let test = try Self.table("x,y,t\n1,0,5\n2,1,6\n", "test.csv")
        #expect(
            throws: LabError(
                "leakage.bad_time",
                "the time column 't' holds dates in train.csv but numbers in test.csv; expected the same kind in both")
        ) { try LeakageReport(train: Self.table(Self.train, "train.csv"), test: test, target: "y", time: "t") }
    }

    @Test func differentColumnsAreAnError() throws {
        let test = try Self.table("x,y,t,extra\n1,0,2024-05-03,a\n", "test.csv")
        #expect(
            throws: LabError(
                "leakage.column_mismatch",
                "test.csv has a column 'extra' that train.csv does not; expected the same columns in both to compare "
                    + "their rows")
        ) { try LeakageReport(train: Self.table(Self.train, "train.csv"), test: test, target: "y") }
    }

    @Test func missingTargetIsAnError() throws {
        let train = try Self.table(Self.train, "train.csv")
        #expect(throws: LabError("data.unknown_column", "no column 'label' in train.csv (columns: x, y, t)")) {
            try LeakageReport(train: train, test: train, target: "label")
        }
    }

    @Test func oneClassTargetIsAnError() throws {
        let train = try Self.table("x,y\n1,1\n2,1\n3,\n", "train.csv")
        #expect(
            throws: LabError(
                "leakage.target_not_binary",
                "the target 'y' has one class ('1') in train.csv; expected two classes to look for leakage")
        ) { try LeakageReport(train: train, test: train, target: "y") }
    }
}
