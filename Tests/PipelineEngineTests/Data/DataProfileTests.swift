import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// Reference data shared by the profile and diff tests; the numbers come from
/// References/data_profile.py (pandas and NumPy).
enum ProfileFixtures {
    static let reference = """
        tenure,charges,plan,paperless
        1,29.85,basic,true
        34,56.95,pro,false
        2,53.85,basic,true
        45,42.30,pro,false
        2,70.70,basic,true
        8,,premium,true
        22,89.10,basic,
        10,29.75,pro,false
        28,104.80,premium,true
        62,56.15,basic,false
        13,49.95,basic,true
        16,18.95,pro,false

        """

    static let current = """
        tenure,charges,plan,region
        1,39.85,basic,north
        ,66.95,pro,south
        2,63.85,enterprise,north
        45,,pro,east
        2,80.70,basic,north
        8,61.20,enterprise,south
        22,99.10,basic,west
        10,39.75,pro,north

        """
}

/// Whether `a` and `b` agree to about twelve significant digits.
func close(_ a: Double?, _ b: Double, relative: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= relative * max(1, abs(b))
}

@Suite struct DataProfileTests {
    let profile: DataProfile

    init() throws {
        profile = DataProfile(try CSVReader.parse(ProfileFixtures.reference, source: "ref.csv"))
    }

    @Test func numericColumnsMatchPandas() throws {
        let tenure = try #require(profile.columns.first { $0.name == "tenure" })
        #expect(tenure.type == .integer)
        let n = try #require(tenure.numbers)
        #expect(n.min == 1 && n.max == 62)
        #expect(close(n.mean, 20.25))
        #expect(close(n.std, 18.998205656898712))
        #expect(close(n.p25, 6.5) && close(n.median, 14.5) && close(n.p75, 29.5))
        #expect(tenure.distinct == 11)
        #expect(n.histogram.counts == [3, 3, 1, 1, 1, 1, 0, 1, 0, 1])
        let edges = [
            1.0, 7.1, 13.2, 19.299999999999997, 25.4, 31.5, 37.599999999999994, 43.699999999999996, 49.8,
            55.9, 62.0,
        ]
        #expect(n.histogram.edges == edges)

        let charges = try #require(profile.columns.first { $0.name == "charges" })
        let c = try #require(charges.numbers)
        #expect(charges.nulls == 1 && charges.count == 11)
        #expect(close(charges.nullPercent, 100.0 / 12))
        #expect(close(c.mean, 54.75909090909092))
        #expect(close(c.std, 25.79075239481991))
        #expect(close(c.p25, 36.075) && close(c.median, 53.85) && close(c.p75, 63.825))
        #expect(c.histogram.counts == [1, 2, 1, 1, 3, 0, 1, 0, 1, 1])
        #expect(charges.distinct == 11)
    }

    @Test func textAndBooleanColumnsListTopValues() throws {
        let plan = try #require(profile.columns.first { $0.name == "plan" })
        #expect(plan.type == .string && plan.distinct == 3)
        #expect(
            plan.topValues == [
                ValueCount(value: "basic", count: 6), ValueCount(value: "pro", count: 4),
                ValueCount(value: "premium", count: 2),
            ])
        let paperless = try #require(profile.columns.first { $0.name == "paperless" })
        #expect(paperless.type == .boolean && paperless.nulls == 1 && paperless.distinct == 2)
        #expect(paperless.topValues == [ValueCount(value: "true", count: 6), ValueCount(value: "false", count: 5)])
        #expect(paperless.numbers == nil)
    }

    @Test func equalValuesGetNumpysUnitWideHistogram() {
        let histogram = Histogram(sorted: [3, 3, 3], bins: 10)
        #expect(histogram.edges.first == 2.5 && histogram.edges.last == 3.5)
        #expect(histogram.counts == [0, 0, 0, 0, 0, 3, 0, 0, 0, 0])
    }

    /// A constant beyond 2^53 (a 19-digit timestamp) has no room for ±0.5, and a range from
    /// -1e308 to 1e308 overflows a plain subtraction: both once trapped in `Int(0/0)`.
    @Test func extremeValuesAreBinnedWithoutTrapping() {
        let constant = Histogram(sorted: [1_733_300_000_000_000_000], bins: 10)
        #expect(constant.counts.reduce(0, +) == 1)
        #expect(constant.counts == [0, 0, 0, 0, 0, 0, 1, 0, 0, 0])
        let wide = Histogram(sorted: [-1e308, 1e308], bins: 10)
        #expect(wide.counts == [1, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(wide.edges.allSatisfy { $0.isFinite })
        #expect(wide.edges[5] == 0)
    }

    @Test func encodesSnakeCaseKeysByColumnType() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try #require(String(data: try encoder.encode(profile), encoding: .utf8))
        #expect(json.contains("\"null_percent\":0"))
        #expect(json.contains("\"top_values\":[{\"count\":6,\"value\":\"basic\"}"))
        #expect(json.contains("\"histogram\":{\"counts\":[3,3,1,1,1,1,0,1,0,1]"))
        #expect(json.hasPrefix("{\"columns\":[{\"count\":12,\"distinct\":11,\"histogram\""))
    }

    @Test func anEmptyTableProfilesWithoutNumbers() throws {
        let empty = DataProfile(try CSVReader.parse("a:integer,b\n", source: "e.csv"))
        #expect(empty.rows == 0)
        #expect(empty.columns.map(\.nullPercent) == [0, 0])
        #expect(empty.columns[0].numbers == nil)
        #expect(empty.columns[1].topValues == [])
    }
}

@Suite struct DataDiffTests {
    let diff: DataDiff

    init() throws {
        diff = DataDiff(
            reference: try CSVReader.parse(ProfileFixtures.reference, source: "ref.csv"),
            current: try CSVReader.parse(ProfileFixtures.current, source: "cur.csv"))
    }

    @Test func schemaChanges() {
        #expect(diff.rows == Pair(reference: 12, current: 8))
        #expect(diff.addedColumns == ["region"])
        #expect(diff.removedColumns == ["paperless"])
        #expect(diff.typeChanges.isEmpty)
        #expect(diff.schemaChanged)
        #expect(diff.columns.map(\.column) == ["tenure", "charges", "plan"])
    }

    @Test func numericStatisticsMatchPandas() throws {
        let tenure = diff.columns[0]
        #expect(tenure.nullPercent == Pair(reference: 0, current: 12.5))
        #expect(close(tenure.mean?.current ?? nil, 12.857142857142858))
        #expect(close(tenure.std?.current ?? nil, 15.941858647687763))
        #expect(close(tenure.meanShift, -0.3891344938764054))
        #expect(tenure.distinct == Pair(reference: 11, current: 6))
        let charges = diff.columns[1]
        #expect(close(charges.nullPercent.reference, 8.333333333333332))
        #expect(close(charges.mean?.reference ?? nil, 54.75909090909092))
        #expect(close(charges.mean?.current ?? nil, 64.48571428571428))
        #expect(close(charges.std?.current ?? nil, 21.201802484020753))
        #expect(close(charges.meanShift, 0.37713608458266445))
        #expect(charges.distinct == Pair(reference: 11, current: 7))
    }

    @Test func categoriesNewAndMissing() {
        let plan = diff.columns[2]
        #expect(plan.newCategories == [ValueCount(value: "enterprise", count: 2)])
        #expect(plan.missingCategories == [ValueCount(value: "premium", count: 2)])
        #expect(plan.mean == nil)
    }

    @Test func typeChangesAreListed() throws {
        let a = try CSVReader.parse("x,y\n1,a\n", source: "a.csv")
        let b = try CSVReader.parse("x,y\n1.5,a\n", source: "b.csv")
        let diff = DataDiff(reference: a, current: b)
        #expect(diff.typeChanges == [TypeChange(column: "x", reference: .integer, current: .double)])
        #expect(diff.columns[0].mean == Pair(reference: 1, current: 1.5))
        #expect(diff.columns[0].meanShift == nil)
    }
}

@Suite struct DistinctCounterTests {
    @Test func countsLikeASet() {
        var random = SeededRandom(seed: 3)
        let values = (0..<50_000).map { _ in (random.nextUnit() * 1000).rounded() / 10 } + [0.0, -0.0]
        #expect(DistinctCounter.count(values) == Set(values).count)
        #expect(DistinctCounter.count([]) == 0)
    }
}

/// Wide tables: `data diff` and `drift` pair every column by name, whichever order the two
/// files list them in (a lookup per column by linear search made 100,000 columns quadratic).
@Suite struct WideTableTests {
    static let count = 20_000

    /// One row of `c0 … c(count-1)`, in reverse order when `reversed`, plus a column `extra`.
    static func table(reversed: Bool, extra: String, offset: Int) throws -> DataTable {
        let indices = reversed ? Array((0..<count).reversed()) : Array(0..<count)
        let header = indices.map { "c\($0)" } + [extra]
        let row = indices.map { "\($0 + offset)" } + ["x"]
        return try CSVReader.parse(
            header.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n", source: extra + ".csv")
    }

    @Test func dataDiffPairsEveryColumnByName() throws {
        let diff = DataDiff(
            reference: try Self.table(reversed: false, extra: "old", offset: 0),
            current: try Self.table(reversed: true, extra: "new", offset: 1))
        #expect(diff.addedColumns == ["new"])
        #expect(diff.removedColumns == ["old"])
        #expect(diff.typeChanges.isEmpty)
        #expect(diff.columns.count == Self.count)
        #expect(diff.columns.first?.column == "c0")
        #expect(diff.columns.allSatisfy { $0.mean.map { $0.current == $0.reference.map { $0 + 1 } } ?? false })
    }

    @Test func driftComparesEveryColumnByName() throws {
        let report = try DriftDetector.compare(
            reference: try Self.table(reversed: false, extra: "old", offset: 0),
            current: try Self.table(reversed: true, extra: "new", offset: 0))
        #expect(report.columns.count == Self.count + 1)
        #expect(report.testedColumns == Self.count)
        #expect(report.columns.last?.column == "old")
        #expect(report.columns.last?.verdict == .skipped)
    }
}
