import Foundation
import PipelineEngine
import Testing

@testable import LabShell
@testable import LabSupport

/// Only the lab's own styling reaches the terminal: any other SGR (conceal, background), OSC
/// 52 clipboard writes and bidirectional controls from content are escaped visibly, wherever
/// content is shown (lines, Tab completion, the live progress line) or exported (CSV).
@Suite struct ControlCodeOutputTests {
    @Test(arguments: [
        ("\u{1B}[8mhidden", "\\u{1B}[8mhidden"),
        ("\u{1B}[41mred background\u{1B}[0m", "\\u{1B}[41mred background\u{1B}[0m"),
        ("\u{1B}[1;8mbold and concealed", "\\u{1B}[1;8mbold and concealed"),
        ("\u{1B}[31mred, never reset", "\u{1B}[31mred, never reset\u{1B}[0m"),
        ("\u{1B}[1;31mred\u{1B}[0m after", "\u{1B}[1;31mred\u{1B}[0m after"),
        ("\u{1B}[mreset", "\u{1B}[mreset"),
        ("\u{1B}[2mdim\u{1B}[0;36mcyan", "\u{1B}[2mdim\u{1B}[0;36mcyan\u{1B}[0m"),
        ("\u{1B}]52;c;aGVsbG8=\u{07}", "\\u{1B}]52;c;aGVsbG8=\\u{7}"),
        ("abc\u{202E}fed", "abc\\u{202E}fed"),
        ("\u{2066}x\u{2069} \u{200F}\u{200E}\u{061C}", "\\u{2066}x\\u{2069} \\u{200F}\\u{200E}\\u{61C}"),
        ("c1 \u{9B}31m \u{85}", "c1 \\u{9B}31m \\u{85}"),
    ])
    func onlyTheLabsOwnStylingIsKept(text: String, safe: String) {
        #expect(text.terminalSafe(keepingStyle: true) == safe)
    }

    @Test func everyStyleTheLabWritesIsKept() {
        let style = TerminalStyle(color: true, width: 80)
        let all = [
            style.bold("b"), style.dim("d"), style.italic("i"), style.underline("u"), style.red("r"),
            style.green("g"), style.yellow("y"), style.blue("b"), style.cyan("c"),
        ].joined()
        #expect(all.terminalSafe(keepingStyle: true) == all)
    }

    @Test func tabCompletionListsFileNamesEscaped() {
        #expect(
            LineEditor.listing(["data/\u{1B}]52;c;cHduZWQ=\u{07}.csv", "data/b.csv"])
                == "\ndata/\\u{1B}]52;c;cHduZWQ=\\u{7}.csv  data/b.csv\n")
    }

    @Test func theLiveProgressLineEscapesTheDataPath() {
        #expect(
            PipelineCommand.Run.progressLine("train", nameWidth: 5, fraction: nil, note: "data/\u{1B}[8m\u{202E}.csv")
                == "\r\u{1B}[2K  … train  \(String(repeating: " ", count: 25)) data/\\u{1B}[8m\\u{202E}.csv")
    }

    @Test func theLiveProgressLineIsCutToStayOnOneRow() {
        let line = PipelineCommand.Run.progressLine(
            "train", nameWidth: 5, fraction: 0.5, note: "reading data/customers-of-the-whole-year.csv", columns: 60)
        #expect(line == "\r\u{1B}[2K  … train  ██████████  50%           reading data/customer…")
        #expect(displayWidth(String(line.dropFirst(5))) == 59)
    }

    @Test func progressCSVCellsAreInertText() {
        let cell = ExportCommand.Progress.textCell
        #expect(cell("q\u{1B}]52;c;eA==\u{07}") == "q\\u{1B}]52;c;eA==\\u{7}")
        #expect(cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")")
        #expect(cell("+1") == "'+1")
        #expect(cell("-2") == "'-2")
        #expect(cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(cell("\tx\ny") == "\\u{9}x\\u{A}y")
        #expect(cell("lesson-01") == "lesson-01")
    }
}
