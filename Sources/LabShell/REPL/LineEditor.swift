import CEditLine
import Foundation
import LabSupport

/// The REPL's line editor: libedit with history, Tab completion and Ctrl-C that clears the line.
///
/// This is the only Swift type that calls libedit. libedit calls back through C function
/// pointers that cannot capture context, so the editor in use is kept in `active`.
final class LineEditor {
    /// Given the text before the cursor, the word being completed and its candidates.
    typealias CompletionProvider = (String) -> (partial: String, candidates: [String])

    nonisolated(unsafe) private static var active: LineEditor?
    nonisolated(unsafe) private static var promptBuffer: UnsafeMutablePointer<CChar>?

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: String?
    private let complete: CompletionProvider
    private var interrupted = false

    init(historyFile: String?, complete: @escaping CompletionProvider) {
        self.historyFile = historyFile
        self.complete = complete
        Self.useUTF8Locale()
        editLine = el_init("cicdlab", cel_stdin(), cel_stdout(), cel_stderr())
        history = history_init()
        cel_history_setup(history, 1000)
        if let historyFile, FileManager.default.fileExists(atPath: historyFile) {
            cel_history_load(history, historyFile)
        }
        if LineEditor.promptBuffer == nil { LineEditor.promptBuffer = strdup("") }
        cel_set_editor(editLine, "emacs")
        cel_set_history(editLine, history)
        cel_set_signal(editLine, 1)
        cel_disable_isig(editLine)
        cel_set_prompt(editLine) { _ in LineEditor.promptBuffer }
        cel_bind_completion(editLine) { el, _ in
            guard let el, let editor = LineEditor.active else { return UInt8(CC_ERROR) }
            return editor.completeLine(el)
        }
        cel_bind_interrupt(editLine) { _, _ in
            LineEditor.active?.interrupted = true
            return UInt8(CC_NEWLINE)
        }
        LineEditor.active = self
    }

    deinit {
        el_end(editLine)
        history_end(history)
        if LineEditor.active === self { LineEditor.active = nil }
    }

    /// Reads one line.
    ///
    /// Returns nil at end of input (Ctrl-D on an empty line), and an empty
    /// line when Ctrl-C discarded what was typed.
    func readLine(prompt: String) -> String? {
        free(LineEditor.promptBuffer)
        LineEditor.promptBuffer = strdup(prompt)
        interrupted = false
        var count: Int32 = 0
        let raw = el_gets(editLine, &count)
        // Checked first: Ctrl-C on an empty line gives an empty line (count 0), not the end.
        if interrupted {
            FileHandle.standardOutput.write(Data("^C\n".utf8))
            return ""
        }
        guard let raw, count > 0 else { return nil }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return line
    }

    /// Remembers `line` for Up-arrow recall and saves the history file at once, so that a
    /// crash or a second REPL loses nothing.
    func remember(_ line: String) {
        cel_history_enter(history, line)
        if let historyFile {
            if !FileManager.default.fileExists(atPath: historyFile) {
                _ = FileManager.default.createFile(
                    atPath: historyFile, contents: nil,
                    attributes: [.posixPermissions: 0o600])
            }
            cel_history_save(history, historyFile)
        }
    }

    private func completeLine(_ el: OpaquePointer) -> UInt8 {
        guard let info = el_line(el)?.pointee, let buffer = info.buffer, let cursor = info.cursor else {
            return UInt8(CC_ERROR)
        }
        let length = buffer.distance(to: cursor)
        let before = String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
        let (partial, candidates) = complete(before)
        guard !candidates.isEmpty else { return UInt8(CC_ERROR) }
        var insertion = String(commonPrefix(candidates).dropFirst(partial.count))
        if candidates.count == 1, !insertion.hasSuffix("/") { insertion += " " }
        // A file name with control characters is listed (escaped), never typed into the line.
        if !insertion.isEmpty, insertion.terminalSafe == insertion {
            el_insertstr(el, insertion)
            return UInt8(CC_REFRESH)
        }
        FileHandle.standardOutput.write(Data(Self.listing(candidates).utf8))
        return UInt8(CC_REDISPLAY)
    }

    /// Makes libedit decode typed text as UTF-8.
    ///
    /// In the C locale it cannot decode a non-ASCII byte at all, and a prompt
    /// or line holding one would fail.
    private static func useUTF8Locale() {
        let current = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
        if current == "C" || current == "POSIX" { _ = setlocale(LC_CTYPE, "C.UTF-8") }
    }

    /// The candidates shown when Tab cannot complete further, escaped: file names come from
    /// the workspace, where a scenario may create `data/ESC]52;c;...` (a clipboard write).
    static func listing(_ candidates: [String]) -> String {
        "\n" + columns(candidates.map(\.terminalSafe)) + "\n"
    }

    /// Candidates laid out in columns across an 80-column screen.
    private static func columns(_ words: [String]) -> String {
        let width = (words.map(\.count).max() ?? 0) + 2
        let perLine = max(1, 80 / width)
        return stride(from: 0, to: words.count, by: perLine).map { start in
            words[start..<min(start + perLine, words.count)].map {
                $0.padding(toLength: width, withPad: " ", startingAt: 0)
            }
            .joined().trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
