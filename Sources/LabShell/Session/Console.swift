import Foundation
import PipelineEngine

/// Where a command's output goes: standard output and error, or buffers in tests.
public final class Console {
    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        writeOut = out
        writeErr = err
    }

    /// The process's own standard output and standard error.
    public static func standard() -> Console {
        Console(
            out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            err: { text in FileHandle.standardError.write(Data(text.utf8)) })
    }

    /// Whether colour and emphasis sequences may reach the terminal; the session sets it from
    /// its style. Every other control character in a line is escaped.
    public var allowsStyle: () -> Bool = { true }
    /// While true, standard output is dropped (errors still show): commands the lab runs on
    /// the learner's behalf, such as a lesson's start, keep quiet.
    public var isMuted = false

    /// Writes `text` and a newline to standard output.
    ///
    /// Lines carry what files and users supplied (CSV values, lesson text, typed answers), so
    /// control characters are escaped: a value cannot clear the screen or retitle the terminal.
    public func line(_ text: String = "") {
        if !isMuted { writeOut(text.terminalSafe(keepingStyle: allowsStyle()) + "\n") }
    }
    /// Writes `text` as is to standard output (live progress that redraws its line).
    public func write(_ text: String) {
        if !isMuted { writeOut(text) }
    }
    /// Writes `text` and a newline to standard error, escaped as ``line(_:)`` is.
    public func error(_ text: String) { writeErr(text.terminalSafe(keepingStyle: allowsStyle()) + "\n") }

    /// Writes `value` as pretty, key-sorted JSON to standard output.
    ///
    /// Keys are snake_case, the convention of every `--json` contract, whether a type spells
    /// them in its CodingKeys or leaves them camelCase.
    public func json<T: Encodable>(_ value: T) throws {
        let data = try JSONEncoder.labOutput().encode(value)
        if isMuted { return }
        writeOut(String(decoding: data, as: UTF8.self) + "\n")
    }
}
