import Foundation
import LabSupport
import PipelineEngine

/// Where a command's output goes: standard output and error, or buffers in tests.
final class Console {
    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void

    init(out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        writeOut = out
        writeErr = err
    }

    /// The process's own standard output and standard error.
    static func standard() -> Console {
        let console = Console(
            out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            err: { text in FileHandle.standardError.write(Data(text.utf8)) })
        console.writesToTerminal = isatty(STDOUT_FILENO) == 1
        return console
    }

    /// Whether output goes to the process's standard output and that is a terminal: only
    /// then is long output paged (a buffer, as in `lint --play` or a test, never is).
    private(set) var writesToTerminal = false

    /// Whether colour and emphasis sequences may reach the terminal; the session sets it from
    /// its style.
    ///
    /// Every other control character in a line is escaped.
    var allowsStyle: () -> Bool = { true }
    /// While true, standard output is dropped (errors still show): commands the lab runs on
    /// the learner's behalf, such as a lesson's start, keep quiet.
    var isMuted = false
    /// The width lines are fitted to (see ``LineFitter``), or nil to write them as they are:
    /// the session sets it when standard output is a terminal or `COLUMNS` is set.
    var fitWidth: () -> Int? = { nil }
    /// Standard output kept back while a pageable command runs (see ``capturing(_:)``).
    private var captured: String?

    /// Writes `text` and a newline to standard output.
    ///
    /// Lines carry what files and users supplied (CSV values, lesson text, typed answers), so
    /// control characters are escaped: a value cannot clear the screen or retitle the terminal.
    func line(_ text: String = "") {
        if !isMuted { emit(fitted(text.terminalSafe(keepingStyle: allowsStyle())) + "\n") }
    }
    /// Writes `text` as is to standard output (live progress that redraws its line).
    func write(_ text: String) {
        if !isMuted { emit(text) }
    }

    /// Runs `body` with standard output kept back, and returns how it ended and what it wrote
    /// (also when it threw), to be paged.
    func capturing<T>(_ body: () throws -> T) -> (Result<T, any Error>, String) {
        let outer = captured
        captured = ""
        defer { captured = outer }
        let result = Result { try body() }
        return (result, captured ?? "")
    }

    /// Writes `text` to standard output, or keeps it while output is captured.
    private func emit(_ text: String) {
        if captured != nil { captured?.append(text) } else { writeOut(text) }
    }
    /// Writes `text` and a newline to standard error, escaped as ``line(_:)`` is.
    func error(_ text: String) { writeErr(fitted(text.terminalSafe(keepingStyle: allowsStyle())) + "\n") }

    /// `text` fitted to ``fitWidth``, when there is one.
    private func fitted(_ text: String) -> String {
        guard let width = fitWidth() else { return text }
        return LineFitter(width: width).fit(text)
    }

    /// Writes `value` as pretty, key-sorted JSON to standard output.
    ///
    /// Keys are snake_case, the convention of every `--json` contract, whether a type spells
    /// them in its CodingKeys or leaves them camelCase.
    func json<T: Encodable>(_ value: T) throws {
        let data = try JSONEncoder.labOutput().encode(value)
        if isMuted { return }
        emit(String(decoding: data, as: UTF8.self) + "\n")
    }
}
