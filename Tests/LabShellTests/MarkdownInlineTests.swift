import Testing

@testable import LabShell

/// Inline Markdown as CommonMark reads it: which text is strong, emphasised, code or a link.
@Suite struct MarkdownInlineTests {
    static let none: InlineStyle = []
    static let both: InlineStyle = [.bold, .italic]

    @Test(arguments: [
        ("**bold**,", [InlineRun(text: "bold", style: .bold), InlineRun(text: ",", style: none)]),
        (
            "*a **b** c*",
            [
                InlineRun(text: "a ", style: .italic), InlineRun(text: "b", style: both),
                InlineRun(text: " c", style: .italic),
            ]
        ),
        ("***x***", [InlineRun(text: "x", style: both)]),
        (
            "_under_ and __strong__",
            [
                InlineRun(text: "under", style: .italic), InlineRun(text: " and ", style: none),
                InlineRun(text: "strong", style: .bold),
            ]
        ),
        (
            "foo*bar*baz",
            [
                InlineRun(text: "foo", style: none), InlineRun(text: "bar", style: .italic),
                InlineRun(text: "baz", style: none),
            ]
        ),
        (
            "***a** b",
            [
                InlineRun(text: "*", style: none), InlineRun(text: "a", style: .bold),
                InlineRun(text: " b", style: none),
            ]
        ),
    ])
    func emphasisNestsAsCommonMarkSays(markdown: String, runs: [InlineRun]) {
        #expect(MarkdownInline.parse(markdown) == runs)
    }

    @Test(arguments: [
        "snake_case_names stay",
        "2 * 3 * 4 = 24",
        "**unclosed strong",
        "a_b_ and * alone",
    ])
    func delimitersThatCannotPairStayLiteral(markdown: String) {
        #expect(MarkdownInline.parse(markdown) == [InlineRun(text: markdown, style: [])])
    }

    @Test func escapesAreLiteral() {
        #expect(MarkdownInline.parse("\\*not\\* \\_this\\_") == [InlineRun(text: "*not* _this_", style: [])])
    }

    @Test(arguments: [
        ("`dvc repro`", "dvc repro"),
        ("`` a ` b ``", "a ` b"),
        ("`*not emphasis*`", "*not emphasis*"),
        ("`two\nlines`", "two lines"),
    ])
    func codeSpansKeepTheirTextVerbatim(markdown: String, code: String) {
        #expect(MarkdownInline.parse(markdown) == [InlineRun(text: code, style: .code)])
    }

    @Test func anUnmatchedBacktickIsLiteral() {
        #expect(MarkdownInline.parse("a ` b") == [InlineRun(text: "a ` b", style: [])])
    }

    @Test func linksShowTheirTextAndAddress() {
        #expect(
            MarkdownInline.parse("See [the **DVC** docs](https://dvc.org \"DVC\").") == [
                InlineRun(text: "See ", style: []),
                InlineRun(text: "the ", style: .link),
                InlineRun(text: "DVC", style: [.link, .bold]),
                InlineRun(text: " docs", style: .link),
                InlineRun(text: " (https://dvc.org)", style: .dim),
                InlineRun(text: ".", style: []),
            ])
        #expect(MarkdownInline.parse("<https://mlflow.org>") == [InlineRun(text: "https://mlflow.org", style: .link)])
        #expect(
            MarkdownInline.parse("[not a link] and <not one>")
                == [InlineRun(text: "[not a link] and <not one>", style: [])])
    }
}
