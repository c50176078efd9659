import Course
import Testing

@testable import LabShell

/// Lists and quotes nest at most `MarkdownNesting.limit` deep on a page; deeper items are
/// drawn flat, so a page nested thousands deep is drawn in time linear in its length.
@Suite struct MarkdownNestingTests {
    /// `count` bullets, each nested two columns under the one before.
    static func staircase(_ count: Int) -> String {
        (0..<count).map { String(repeating: " ", count: 2 * $0) + "- item \($0)" }.joined(separator: "\n")
    }

    /// How many lists deep `blocks` go.
    static func depth(_ blocks: [MarkdownBlock]) -> Int {
        var deepest = 0
        var level: [(blocks: [MarkdownBlock], depth: Int)] = [(blocks, 0)]
        while let (blocks, depth) = level.popLast() {
            deepest = max(deepest, depth)
            for case .list(let list) in blocks { level += list.items.map { ($0, depth + 1) } }
        }
        return deepest
    }

    @Test func itemsPastTheLimitAreReadAsOneFlatList() throws {
        let blocks = MarkdownBlockParser.parse(Self.staircase(20))
        #expect(Self.depth(blocks) == MarkdownNesting.limit + 1)
        var innermost = blocks
        for _ in 0..<MarkdownNesting.limit {
            guard case .list(let list) = innermost.last else {
                Issue.record("a level is missing")
                return
            }
            innermost = try #require(list.items.last)
        }
        let flat = (MarkdownNesting.limit..<20).map { [MarkdownBlock.paragraph("item \($0)")] }
        #expect(
            innermost == [
                .paragraph("item \(MarkdownNesting.limit - 1)"),
                .list(MarkdownList(ordered: false, start: 1, items: flat, loose: false)),
            ])
    }

    @Test func quotesPastTheLimitLoseTheirMarks() {
        let blocks = MarkdownBlockParser.parse(String(repeating: "> ", count: 3_000) + "deep")
        var innermost = blocks
        var quotes = 0
        while case .quote(let inner) = innermost.first {
            innermost = inner
            quotes += 1
        }
        #expect(quotes == MarkdownNesting.limit)
        #expect(innermost == [.paragraph("deep")])
    }

    @Test func aStaircase3000DeepIsDrawnWithEveryItem() {
        let lines = MarkdownRenderer(style: TerminalStyle(color: false, width: 80)).render(Self.staircase(3_000))
            .split(separator: "\n")
        #expect(lines.count == 3_000)
        #expect(lines[7] == "                ◦ item 7")
        #expect(lines[8] == "                  ▪ item 8")
        #expect(lines[2_999] == "                  ▪ item 2999")
    }

    @Test func lintFindsTheFirstLineNestedPastTheLimit() {
        let lines = ["## Page", ""] + Self.staircase(12).split(separator: "\n").map(String.init)
        #expect(
            MarkdownNesting.firstTooDeep(lines)! == (
                line: 2 + MarkdownNesting.limit + 1, depth: MarkdownNesting.limit + 1
            ))
        #expect(MarkdownNesting.firstTooDeep(Array(lines.prefix(2 + MarkdownNesting.limit))) == nil)
        // Siblings, prose after a list and fenced code do not nest.
        let flat = [
            "- a", "- b", "", "text", "```", String(repeating: "  ", count: 20) + "- code", "```", "> - quoted",
        ]
        #expect(MarkdownNesting.firstTooDeep(flat) == nil)
        #expect(MarkdownNesting.firstTooDeep([String(repeating: "> ", count: 9) + "deep"])! == (line: 1, depth: 9))
    }
}
