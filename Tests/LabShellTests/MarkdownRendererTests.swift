import Testing

@testable import LabShell

/// The Markdown subset as a learner sees it without colour, at 80 and 40 columns.
@Suite struct MarkdownRendererTests {
    func plain(_ markdown: String, width: Int) -> String {
        MarkdownRenderer(style: TerminalStyle(color: false, width: width)).render(markdown)
    }

    static let headings = "# Continuous training, delivery and monitoring\n\n## Three artifacts\n\n### Deep dive"

    @Test(arguments: [
        (
            80,
            """
            Continuous training, delivery and monitoring
            ════════════════════════════════════════════

            Three artifacts
            ───────────────

            Deep dive
            """
        ),
        (
            40,
            """
            Continuous training, delivery and
            monitoring
            ═════════════════════════════════

            Three artifacts
            ───────────────

            Deep dive
            """
        ),
    ])
    func headingsAreRuledAndWrapped(width: Int, expected: String) {
        #expect(plain(Self.headings, width: width) == expected)
    }

    static let paragraph = """
        A model is **code plus data**. When the data changes, the model changes *even if
        no line of code did*, so CI must test `data/churn.csv` as well as `train.py`.
        """

    @Test(arguments: [
        (
            80,
            """
            A model is code plus data. When the data changes, the model changes even if no
            line of code did, so CI must test `data/churn.csv` as well as `train.py`.
            """
        ),
        (
            40,
            """
            A model is code plus data. When the data
            changes, the model changes even if no
            line of code did, so CI must test
            `data/churn.csv` as well as `train.py`.
            """
        ),
    ])
    func paragraphsAreReflowedWithEmphasisDroppedAndCodeKept(width: Int, expected: String) {
        #expect(plain(Self.paragraph, width: width) == expected)
    }

    @Test func twoTrailingSpacesOrABackslashBreakTheLine() {
        #expect(
            plain("Line one  \nline two\\\nline three\nand on", width: 80)
                == "Line one\nline two\nline three and on")
    }

    static let wide = """
        Run `cicdlab pipeline run --force --stage train` now, then see
        https://example.org/a/very/long/path/that/does/not/fit/in/forty/columns today.
        """

    @Test(arguments: [
        (
            80,
            """
            Run `cicdlab pipeline run --force --stage train` now, then see
            https://example.org/a/very/long/path/that/does/not/fit/in/forty/columns today.
            """
        ),
        (
            40,
            """
            Run
            `cicdlab pipeline run --force --stage train`
            now, then see
            https://example.org/a/very/long/path/that/does/not/fit/in/forty/columns
            today.
            """
        ),
    ])
    func inlineCodeAndLongWordsAreNeverBroken(width: Int, expected: String) {
        #expect(plain(Self.wide, width: width) == expected)
    }

    static let code =
        "```python\nimport pandas as pd\n\ndf = pd.read_csv(\"data/churn.csv\")  # a comment longer than forty\n```\n\n~~~\n\tindented by a tab\n~~~"

    @Test(arguments: [80, 40])
    func codeBlocksAreIndentedAndNotWrappedAndLoseTheirLanguage(width: Int) {
        #expect(
            plain(Self.code, width: width) == """
                    import pandas as pd

                    df = pd.read_csv("data/churn.csv")  # a comment longer than forty

                        indented by a tab
                """)
    }

    static let bullets = """
        - Code: tested with **unit tests** and `pytest`.
        - Data: validated with expectations such as `between` and `not_null`.
          - nested: drift checks
          - nested: schema checks
        - Model: evaluated against a *threshold*.
        """

    @Test(arguments: [
        (
            80,
            """
              • Code: tested with unit tests and `pytest`.
              • Data: validated with expectations such as `between` and `not_null`.
                ◦ nested: drift checks
                ◦ nested: schema checks
              • Model: evaluated against a threshold.
            """
        ),
        (
            40,
            """
              • Code: tested with unit tests and
                `pytest`.
              • Data: validated with expectations
                such as `between` and `not_null`.
                ◦ nested: drift checks
                ◦ nested: schema checks
              • Model: evaluated against a
                threshold.
            """
        ),
    ])
    func bulletedListsHangAndNest(width: Int, expected: String) {
        #expect(plain(Self.bullets, width: width) == expected)
    }

    static let numbered = """
        1. Run `cicdlab pipeline run`.
        2. Read the report and compare the metrics with the champion's.
        3. Promote.

        Then, in a second list:

        9. Nine
        10. Ten
        """

    @Test(arguments: [
        (
            80,
            """
              1. Run `cicdlab pipeline run`.
              2. Read the report and compare the metrics with the champion's.
              3. Promote.

            Then, in a second list:

               9. Nine
              10. Ten
            """
        ),
        (
            40,
            """
              1. Run `cicdlab pipeline run`.
              2. Read the report and compare the
                 metrics with the champion's.
              3. Promote.

            Then, in a second list:

               9. Nine
              10. Ten
            """
        ),
    ])
    func numberedListsAlignTheirNumbers(width: Int, expected: String) {
        #expect(plain(Self.numbered, width: width) == expected)
    }

    @Test func aLooseListKeepsItsItemsApartAndAnItemMayHoldCode() {
        let markdown = "- one\n\n- two, with code:\n\n  ```\n  dvc repro\n  ```\n"
        #expect(
            plain(markdown, width: 40) == """
                  • one

                  • two, with code:

                        dvc repro
                """)
    }

    static let quote =
        "> Models decay: a model trained on last year's data\n> degrades as the world changes.\n>\n> Retrain."

    @Test(arguments: [
        (
            80,
            """
            │ Models decay: a model trained on last year's data degrades as the world
            │ changes.
            │
            │ Retrain.
            """
        ),
        (
            40,
            """
            │ Models decay: a model trained on last
            │ year's data degrades as the world
            │ changes.
            │
            │ Retrain.
            """
        ),
    ])
    func blockQuotesCarryABar(width: Int, expected: String) {
        #expect(plain(Self.quote, width: width) == expected)
    }

    @Test(arguments: [80, 40])
    func aHorizontalRuleSpansTheWidth(width: Int) {
        #expect(
            plain("above\n\n---\n\nbelow", width: width)
                == "above\n\n" + String(repeating: "─", count: width) + "\n\nbelow")
    }

    @Test func proseThatOnlyLooksLikeOtherBlocksStaysProse() {
        // A numbered line not starting at 1 does not interrupt a paragraph; `#tag` is no heading.
        #expect(
            plain("It shipped in\n1999. Then #tags and a | b\ncame.", width: 80)
                == "It shipped in 1999. Then #tags and a | b came.")
    }

    @Test(arguments: [1, 5, 12])
    func aNarrowTerminalNeverCrashesAndKeepsWordsWhole(width: Int) {
        let everything = [
            Self.headings, Self.paragraph, Self.wide, Self.code, Self.bullets, Self.numbered,
            Self.quote, "---", MarkdownTableTests.wrapping,
        ].joined(separator: "\n\n")
        let output = plain(everything, width: width)
        #expect(output.contains("https://example.org/a/very/long/path/that/does/not/fit/in/forty/columns"))
        #expect(output.contains("`cicdlab pipeline run --force --stage train`"))
    }

    @Test func withColourEmphasisIsDrawnAndMarkersAreGone() {
        let color = MarkdownRenderer(style: TerminalStyle(color: true, width: 80))
        let esc = "\u{1B}["
        #expect(
            color.render("Some **bold**, *it* and `code`.")
                == "Some \(esc)1mbold\(esc)0m, \(esc)3mit\(esc)0m and \(esc)36mcode\(esc)0m.")
        #expect(color.render("## Head") == "\(esc)1mHead\(esc)0m\n\(esc)2m────\(esc)0m")
        #expect(color.render("### Deep") == "\(esc)4m\(esc)1mDeep\(esc)0m\(esc)0m")
        #expect(color.render("```\nmake\n```") == "    \(esc)36mmake\(esc)0m")
        #expect(color.render("> q") == "\(esc)2m│\(esc)0m q")
    }
}
