import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// "café" written precomposed (NFC, U+00E9) and decomposed (NFD, e + U+0301) are two values
/// everywhere, as pandas, scipy and Great Expectations compare code points; Swift's `String`
/// equality alone would make them one in some places and two in others.
@Suite struct CodePointComparisonTests {
    static let nfc = "caf\u{E9}"
    static let nfd = "cafe\u{301}"

    /// Two rows of each form, plus one `tea`.
    static let table = try! CSVReader.parse(
        "drink,n\n\(nfc),1\n\(nfd),2\n\(nfc),3\n\(nfd),4\ntea,5\n", source: "t.csv")

    func validate(_ expectation: String) throws -> ExpectationResult {
        let suite = try ExpectationSuite.parse(yaml: "expectations:\n  - " + expectation + "\n", source: "s.yaml")
        return try #require(suite.validate(Self.table).results.first)
    }

    @Test func theTwoFormsAreTwoValuesToSwiftsStringOnlyByCodePoints() {
        #expect(Self.nfc == Self.nfd, "Swift's String equality: canonical equivalence")
        #expect(CodePoints(Self.nfc) != CodePoints(Self.nfd))
        #expect(Set([CodePoints(Self.nfc), CodePoints(Self.nfd)]).count == 2)
        #expect(CodePoints(Self.nfd) < CodePoints(Self.nfc), "e (U+0065) sorts before é (U+00E9)")
    }

    @Test func inSetAcceptsOnlyTheListedForm() throws {
        let result = try validate("{expect: in_set, column: drink, values: ['\(Self.nfc)', tea]}")
        #expect(!result.success)
        #expect(result.unexpectedCount == 2)
        #expect(
            result.observedValue == ObservedValue.list([.object(["value": .text(Self.nfd), "count": .integer(2)])]))
    }

    @Test func uniqueAndTheProfileCountTwoValues() throws {
        #expect(try validate("{expect: unique, column: drink}").unexpectedCount == 4)
        let profile = DataProfile(Self.table)
        #expect(profile.columns[0].distinct == 3)
        #expect(
            profile.columns[0].topValues == [
                ValueCount(value: Self.nfc, count: 2), ValueCount(value: Self.nfd, count: 2),
                ValueCount(value: "tea", count: 1),
            ])
    }

    @Test func driftCountsEachFormAsItsOwnCategory() throws {
        let counts = DriftSample.categoryCounts(try #require(Self.table.column("drink")))
        #expect(counts == [CodePoints(Self.nfc): 2, CodePoints(Self.nfd): 2, CodePoints("tea"): 1])
        let current = try CSVReader.parse(
            "drink\n\(Self.nfc)\n\(Self.nfc)\n\(Self.nfc)\n\(Self.nfc)\ntea\n", source: "c.csv")
        let result = DriftDetector.compareColumn(
            try #require(Self.table.column("drink")), try #require(current.column("drink")),
            options: DriftOptions())[0]
        #expect(result.histogram?.labels.sorted() == [Self.nfc, Self.nfd, "tea"].sorted())
    }

    @Test func oneHotAndLabelEncodingKeepTheFormsApart() throws {
        #expect(Preprocessor.categories(of: try #require(Self.table.column("drink"))).count == 3)
        #expect(LabelOrder.sorted([Self.nfc, Self.nfd, "tea", Self.nfc]) == [Self.nfd, Self.nfc, "tea"])
        guard
            case .classes(let labels, let classes) = try TrainingTarget.read(
                try #require(Self.table.column("drink")), for: .logistic, source: "t.csv")
        else {
            Issue.record("not classes")
            return
        }
        #expect(classes == [Self.nfd, Self.nfc, "tea"])
        #expect(labels == [1, 0, 1, 0, 2])
    }

    @Test func dataDiffSeesTheOtherFormAsANewCategory() throws {
        let current = try CSVReader.parse("drink,n\n\(Self.nfd),1\n", source: "c.csv")
        let reference = try CSVReader.parse("drink,n\n\(Self.nfc),1\n", source: "r.csv")
        let diff = DataDiff(reference: reference, current: current)
        let column = try #require(diff.columns.first { $0.column == "drink" })
        #expect(column.newCategories == [ValueCount(value: Self.nfd, count: 1)])
        #expect(column.missingCategories == [ValueCount(value: Self.nfc, count: 1)])
    }
}
