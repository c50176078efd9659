import Testing

@testable import LabShell

/// GitHub pipe tables: aligned through ``TextTable``, the alignment row honoured, cells wrapped
/// when the table would be wider than the terminal.
@Suite struct MarkdownTableTests {
    func plain(_ markdown: String, width: Int) -> String {
        MarkdownRenderer(style: TerminalStyle(color: false, width: width)).render(markdown)
    }

    static let aligned = """
        | Model | Accuracy | Notes |
        |:------|---------:|:-----:|
        | logistic | 0.912 | the `champion` |
        | knn | 0.874 | slower |
        """

    @Test(arguments: [80, 40])
    func columnsFollowTheAlignmentRow(width: Int) {
        #expect(
            plain(Self.aligned, width: width) == """
                  Model     Accuracy      Notes
                  ────────  ────────  ──────────────
                  logistic     0.912  the `champion`
                  knn          0.874      slower
                """)
    }

    static let wrapping = """
        | Check | What it catches |
        |---|---|
        | `schema` | required columns missing, nulls in required fields, labels outside the set |
        | `drift` | a feature's distribution moving away from the reference |
        """

    @Test(arguments: [
        (
            80,
            """
              Check     What it catches
              ────────  ────────────────────────────────────────────────────────────────────
              `schema`  required columns missing, nulls in required fields, labels outside
                        the set
              `drift`   a feature's distribution moving away from the reference
            """
        ),
        (
            40,
            """
              Check     What it catches
              ────────  ────────────────────────────
              `schema`  required columns missing,
                        nulls in required fields,
                        labels outside the set
              `drift`   a feature's distribution
                        moving away from the
                        reference
            """
        ),
    ])
    func wideCellsWrapWithinTheirColumn(width: Int, expected: String) {
        #expect(plain(Self.wrapping, width: width) == expected)
    }

    @Test func escapedAndCodePipesStayInTheirCellAndShortRowsArePadded() {
        let markdown = "| a | b |\n| - | - |\n| `x|y` | p\\|q |\n| only |"
        #expect(
            plain(markdown, width: 80) == """
                  a      b
                  ─────  ───
                  `x|y`  p|q
                  only
                """)
    }

    @Test func aRowOfPipesWithoutADelimiterRowIsProse() {
        #expect(plain("a | b\nc | d", width: 80) == "a | b c | d")
    }

    @Test func textTableCentresColumns() {
        var table = TextTable(headers: ["A", "MID", "Z"], centered: [1])
        table.append(["x", "m", "last"])
        #expect(table.render(.plain) == "A  MID  Z\nx   m   last")
    }
}
