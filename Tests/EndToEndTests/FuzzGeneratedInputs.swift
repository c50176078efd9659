import Foundation

/// Hostile inputs too large to commit, made the same way on every run, by corpus kind.
enum GeneratedInput {
    static func names(_ kind: String) -> [String] {
        (makers[kind] ?? [:]).keys.sorted()
    }

    static func bytes(_ kind: String, _ name: String) -> Data? {
        makers[kind]?[name]?()
    }

    private static let megabyte = 1 << 20

    private static let makers: [String: [String: @Sendable () -> Data]] = [
        "csv": [
            "ok-generated-5mb-field.csv": {
                text("a,b\n1,\"" + String(repeating: "x,\"\"\n", count: megabyte) + "\"\n")
            },
            "ok-generated-10000-columns.csv": {
                let header = (0..<10_000).map { "c\($0)" }.joined(separator: ",")
                let row = (0..<10_000).map { "\($0)" }.joined(separator: ",")
                return text("a," + header + "\n1," + row + "\n")
            },
            // `data diff` and `drift` looked each column up by a linear search: quadratic.
            "ok-generated-50000-columns-2-rows.csv": {
                let columns = 0..<50_000
                return text(
                    columns.map { "c\($0)" }.joined(separator: ",") + "\n"
                        + columns.map { "\($0)" }.joined(separator: ",") + "\n"
                        + columns.map { "\($0 + 1)" }.joined(separator: ",") + "\n")
            },
            "ok-generated-1mb-header-name.csv": { text("a," + String(repeating: "h", count: megabyte) + "\n1,2\n") },
            "ok-generated-200000-rows.csv": {
                text(
                    "a,b\n" + (0..<200_000).map { "\($0),\($0 % 7 == 0 ? "" : "v\($0 % 13)")" }.joined(separator: "\n"))
            },
            "generated-ragged-after-many-rows.csv": {
                text("a,b\n" + String(repeating: "1,2\n", count: 100_000) + "1,2,3\n")
            },
            "generated-nul-in-1mb.csv": {
                var data = text("a,b\n" + String(repeating: "1,2\n", count: 250_000))
                data[data.count / 2] = 0
                return data
            },
            "generated-invalid-utf8-deep.csv": {
                var data = text("a,b\n" + String(repeating: "1,x\n", count: 250_000))
                data.append(contentsOf: [0x31, 0x2C, 0xC0, 0xAF, 0x0A])
                return data
            },
            "generated-unclosed-quote-1mb.csv": { text("a,b\n1,\"" + String(repeating: "y", count: megabyte)) },
        ],
        "lesson": [
            "ok-generated-huge-page.md": {
                text(
                    frontMatter + "## Page\n" + String(repeating: "word ", count: 200_000) + "\n"
                        + (0..<20_000).map { "- item \($0)" }.joined(separator: "\n") + "\n")
            },
            "ok-generated-5000-pages.md": { text(frontMatter + (0..<5_000).map { "## Page \($0)\ntext\n" }.joined()) },
            "ok-generated-2000-column-table.md": {
                let cells = (0..<2_000)
                return text(
                    frontMatter + "## Table\n|" + cells.map { "c\($0)" }.joined(separator: "|") + "|\n|"
                        + cells.map { _ in "-" }.joined(separator: "|") + "|\n|"
                        + cells.map { _ in String(repeating: "x", count: 50) }.joined(separator: "|") + "|\n")
            },
            "ok-generated-300k-word.md": {
                text(frontMatter + "## Page\n" + String(repeating: "x", count: 300_000) + "\n")
            },
            // Each nested level was laid out inside the one around it: 800 deep took 6 s, 3,000
            // never finished. Past `MarkdownNesting.limit` the page is drawn flat; lint refuses it.
            "generated-800-deep-list.md": { text(frontMatter + "## Page\n" + staircase(800)) },
            "generated-3000-deep-list.md": { text(frontMatter + "## Page\n" + staircase(3_000)) },
            "generated-3000-deep-quote.md": {
                text(frontMatter + "## Page\n" + String(repeating: "> ", count: 3_000) + "deep\n")
            },
            "ok-generated-control-characters.md": {
                text(frontMatter + "## Page \u{1B}[2J\n\u{1B}]0;pwned\u{07} text \u{00}\u{08}\u{7F} `\u{1B}[31mcode`\n")
            },
        ],
        "pipeline": [
            // More stages than a pipeline may have: refused before the graph is built.
            "generated-60000-stage-chain.yaml": { text(stageChain(60_000, needingTheFirst: false)) },
            // As many as it may have; the first stage fails, so a run ends at once.
            "fails-generated-1000-stage-chain.yaml": { text(stageChain(1_000, needingTheFirst: false)) },
            "fails-generated-1000-stages-all-needing-the-first.yaml": {
                text(stageChain(1_000, needingTheFirst: true))
            },
        ],
        "answers": [
            "generated-1mb-answer.txt": { text(String(repeating: "a", count: megabyte) + "\nskip\n") },
            "generated-1mb-list-answer.txt": { text(String(repeating: "a,", count: megabyte / 2) + "\nskip\n") },
        ],
        "repl": [
            "generated-1mb-line.txt": { text(String(repeating: "x", count: megabyte) + "\nlessons\n") },
            "generated-1mb-argument.txt": { text("lesson " + String(repeating: "y", count: megabyte) + "\nlessons\n") },
            "generated-1mb-unterminated-quote.txt": {
                text("data profile \"" + String(repeating: "z", count: megabyte) + "\nlessons\n")
            },
            "generated-1mb-of-spaces.txt": { text(String(repeating: " ", count: megabyte) + "\nlessons\n") },
            "generated-100000-short-lines.txt": {
                text(String(repeating: "\n", count: 50_000) + String(repeating: "#\n", count: 50_000))
            },
            "generated-no-final-newline.txt": { text("lessons") },
        ],
    ]

    private static func text(_ string: String) -> Data { Data(string.utf8) }

    /// `count` bullets, each nested two columns under the one before.
    static func staircase(_ count: Int) -> String {
        (0..<count).map { String(repeating: " ", count: 2 * $0) + "- item \($0)\n" }.joined()
    }

    /// A pipeline whose stage `sN` needs `sN-1` (and `s0` too when `needingTheFirst`, edges that
    /// skip every layer of the drawing); `s0` trains on a column that does not exist.
    static func stageChain(_ count: Int, needingTheFirst: Bool) -> String {
        var lines = [
            "stages:", "  s0: {kind: train, data: data/train.csv, target: no_such_column, outs: [models/chain.json]}",
        ]
        for index in 1..<count {
            let needs = needingTheFirst && index > 1 ? "s0, s\(index - 1)" : "s\(index - 1)"
            lines.append(
                "  s\(index): {kind: validate, data: data/train.csv, suite: suites/train.yaml, needs: [\(needs)]}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let frontMatter = """
        ---
        id: fuzz-lesson
        title: A lesson for the fuzz corpus
        summary: Test data, not course content.
        minutes: 1
        concepts: [three-artifacts]
        ---

        """

    /// A lesson, steps and quiz that are sound, beside the one hostile file of a case.
    static let soundLesson = frontMatter + "## First\n\nText.\n\n## Second\n\nMore text.\n"

    static let soundSteps = """
        steps:
          - id: make-the-sandbox
            title: Make your sandbox
            instructions: Create your sandbox.
            command: sandbox init
            check:
              file_exists: README.txt
            hints:
              - Type `sandbox init`.

        """

    static let soundQuiz = """
        questions:
          - id: fuzz-question
            type: single
            difficulty: easy
            concepts: [three-artifacts]
            prompt: Which artifacts change independently in an ML system?
            options:
              - Code only
              - Code, data and model
            answer: b
            explanation: Code, data and model each change on their own.
            hint: Think of what changes without a code change.

        """
}
