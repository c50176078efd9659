import Foundation
import PipelineEngine
import Testing

@testable import LabShell
@testable import LabSupport

/// What reaches the terminal: control characters from files and typed input are escaped,
/// colour survives only where the style put it, and a pasted megabyte is not echoed back.
@Suite struct TerminalSafetyTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("\u{1B}[2Jclear", "\\u{1B}[2Jclear"),
        ("\u{1B}]0;title\u{07}", "\\u{1B}]0;title\\u{7}"),
        ("nul\u{0}cr\r del\u{7F} c1\u{9B}", "nul\\u{0}cr\\u{D} del\\u{7F} c1\\u{9B}"),
    ])
    func controlCharactersAreWrittenAsEscapes(text: String, safe: String) {
        #expect(text.terminalSafe == safe)
    }

    @Test func styleSequencesStayOnlyWhenKept() {
        let styled = "\u{1B}[1;31mred\u{1B}[0m \u{1B}[2J"
        #expect(styled.terminalSafe(keepingStyle: true) == "\u{1B}[1;31mred\u{1B}[0m \\u{1B}[2J")
        #expect(styled.terminalSafe(keepingStyle: false) == "\\u{1B}[1;31mred\\u{1B}[0m \\u{1B}[2J")
    }

    @Test func longTextIsQuotedAsAnExcerpt() {
        #expect("short".excerpt() == "short")
        let long = String(repeating: "a", count: 50) + String(repeating: "b", count: 50)
        #expect(long.excerpt(limit: 21) == "aaaaaaaaaa…bbbbbbbbbb (100 characters)")
    }

    @Test func anOverlongArgumentIsRefusedBeforeItIsParsedOrEchoed() throws {
        let lab = try CapturedSession()
        #expect(lab.run("lesson " + String(repeating: "y", count: 5_000)) == 2)
        #expect(
            lab.err
                == "error: an argument is too long: '\(String(repeating: "y", count: 29))…\(String(repeating: "y", count: 29)) (5000 characters)'; the lab takes at most 4096 characters per argument\n"
        )
    }

    @Test func anUnknownCommandWithControlCharactersIsEscapedInTheError() throws {
        let lab = try CapturedSession()
        #expect(lab.run("\u{1B}]0;pwned\u{07}") == 2)
        #expect(lab.err == "error: Unknown command '\\u{1B}]0;pwned\\u{7}'. Type `help` to see the commands.\n")
    }

    @Test func aPastedMegabyteGetsAQuickSuggestionlessAnswer() {
        // The distance is never computed for words far longer than any candidate.
        #expect(closestMatch(to: String(repeating: "x", count: 1 << 20), among: ["lessons", "quiz"]) == nil)
        #expect(closestMatch(to: "qiuz", among: ["lessons", "quiz"]) == "quiz")
    }
}
