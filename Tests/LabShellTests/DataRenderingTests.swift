import Foundation
import PipelineEngine
import Testing

@testable import LabShell

/// The terminal drawings of data reports, in plain style, exactly.
@Suite struct DataRenderingTests {
    let reference = try! CSVReader.parse(
        """
        tenure,plan,paid
        1,basic,true
        30,pro,false
        2,basic,true
        60,,true

        """, source: "ref.csv")

    @Test func profileDrawsNumbersWithHistogramsAndTextWithTopValues() {
        let text = DataProfile(reference).render(.plain)
        #expect(
            text == """
                ref.csv · 4 rows · 3 columns

                COLUMN  TYPE     NULLS  DISTINCT  MIN   MEAN  MAX    STD  HISTOGRAM
                tenure  integer      0         4    1  23.25   60  27.94  █   ▅    ▅

                COLUMN  TYPE       NULLS  DISTINCT  TOP VALUES
                plan    string   1 (25%)         2  basic 66.67% · pro 33.33%
                paid    boolean        0         2  true 75% · false 25%
                """)
    }

    @Test func diffDrawsSchemaAndColumnChanges() throws {
        let current = try CSVReader.parse("tenure,plan\n1.5,gold\n3,basic\n", source: "cur.csv")
        let text = withoutTrailingSpaces(DataDiff(reference: reference, current: current).render(.plain))
        #expect(
            text == """
                ref.csv → cur.csv
                rows    4 → 2 (−50%)
                schema  − paid  ~ tenure: integer → double

                COLUMN  NULLS     DISTINCT  MEAN          STD            SHIFT   CATEGORIES
                tenure  0% → 0%   4 → 2     23.25 → 2.25  27.94 → 1.061  −0.75σ
                plan    25% → 0%  2 → 2                                          new: gold (1) · gone: pro (1)
                """)
    }

    @Test func validationDrawsMarksMessagesAndFailingRows() throws {
        let suite = try ExpectationSuite.parse(
            yaml: """
                expectations:
                  - expect: between
                    column: tenure
                    max: 40
                  - expect: not_null
                    column: plan
                  - expect: row_count_between
                    min_rows: 1
                """, source: "s.yaml")
        let text = suite.validate(reference).render(.plain)
        #expect(
            text == """
                Validating ref.csv (4 rows) against s.yaml

                ✗ between tenure     tenure: 1 of 4 non-null values (25%) above 40
                    observed: min 1, max 60
                    row 4 (line 5) '60'
                ✗ not_null plan      plan: 1 of 4 values (25%) are null
                    row 4 (line 5) (empty)
                ✓ row_count_between  4 rows; expected at least 1

                1 of 3 expectations passed · 2 failed
                """)
    }

    /// `text` with spaces at line ends removed: table padding is not part of what is tested.
    private func withoutTrailingSpaces(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n")
    }
}
