import Foundation
import LabSupport

/// How user-named text (file names, paths, stage names) is written into an export, so that
/// neither a shell nor GitHub's or DVC's expression syntax can read it as code.
///
/// A shell line gets each name as one POSIX `sh` word (``shellWord(_:)``); a GitHub expression
/// gets a `'...'` string literal (``expressionString(_:)``); YAML values are emitted by Yams,
/// which quotes what YAML would otherwise read differently. Text that no quoting protects is
/// refused by ``checkExportable(_:in:)``: `${`, which GitHub Actions (`${{ }}`) and DVC (`${}`)
/// expand in any value before a shell sees it, and control characters, which would end the
/// header comments and change what follows.
enum ExportText {
    /// Characters a shell word may hold bare (Python's `shlex.quote` leaves these unquoted).
    private static let bareCharacters = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./-_")

    /// `text` as one POSIX `sh` word: bare when it holds only safe characters, else in single
    /// quotes, where nothing is special, with each `'` written as `'\''`.
    static func shellWord(_ text: String) -> String {
        if !text.isEmpty, text.allSatisfy({ bareCharacters.contains($0) }) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `text` as a GitHub Actions expression string literal: `'...'` with each `'` doubled.
    static func expressionString(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `path` as a GitHub `paths:` filter that matches that one file: the filter characters
    /// `*`, `?`, `+`, `[`, `]`, `!` and `\` escaped with `\`, as GitHub's filter pattern
    /// cheat sheet says.
    static func filterPattern(_ path: String) -> String {
        var out = ""
        for character in path {
            if "*?+[]!\\".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// `path` as an `upload-artifact` path that matches that one file: the glob characters
    /// `*`, `?` and `[` each in a one-character class (`[*]`), which matches it literally; a
    /// leading `!` (an exclusion there) likewise.
    static func artifactPath(_ path: String) -> String {
        var out = ""
        for (index, character) in path.enumerated() {
            if "*?[".contains(character) || (index == 0 && character == "!") {
                out += "[\(character)]"
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Refuses the pipeline's user-named text that an export cannot carry safely, naming the
    /// pipeline file, what the text is, and what was expected.
    static func checkExportable(_ pipeline: PipelineDefinition, in format: PipelineExport.Format) throws {
        var named: [(String, String)] = [
            ("the pipeline file name", pipeline.file), ("the pipeline name", pipeline.name),
        ]
        if pipeline.params.exists || pipeline.stages.contains(where: { !$0.params.isEmpty }) {
            named.append(("the params file name", pipeline.params.file))
        }
        for stage in pipeline.stages {
            named.append(("stage name", stage.name))
            named += stage.dependencies.map { ("a path stage '\(stage.name)' reads", $0) }
            named += stage.outs.map { ("a path stage '\(stage.name)' writes", $0) }
            named += stage.params.map { ("a param of stage '\(stage.name)'", $0) }
            if let desc = stage.desc { named.append(("the desc of stage '\(stage.name)'", desc)) }
        }
        for trigger in pipeline.triggers {
            switch trigger {
            case .dataChange(let paths): named += paths.map { ("a data_change trigger path", $0) }
            case .schedule(let cron): named.append(("a schedule trigger", cron))
            case .drift(let method, _): named.append(("a drift trigger method", method))
            }
        }
        for (what, text) in named {
            if let problem = problem(in: text) {
                throw LabError(
                    .exportUnsafeText,
                    "cannot export to \(format.rawValue): \(what) \(terminalQuoted(text)) holds \(problem); "
                        + "expected text without '${' or control characters (rename it and export again)",
                    file: pipeline.file)
            }
        }
    }

    /// What makes `text` unsafe in an export, or nil.
    private static func problem(in text: String) -> String? {
        if text.contains("${") { return "'${', which GitHub Actions and DVC would expand" }
        for scalar in text.unicodeScalars where isControl(scalar) {
            return "the control character U+"
                + String(scalar.value, radix: 16, uppercase: true)
                .leftPadded(to: 4)
        }
        return nil
    }

    /// C0 and C1 controls, DEL, and the line and paragraph separators YAML 1.1 reads as breaks.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
            || scalar.value == 0x2029
    }

    /// `text` in single quotes with control characters shown as `\u{...}`, for the error.
    private static func terminalQuoted(_ text: String) -> String {
        "'"
            + text.unicodeScalars.map { isControl($0) ? "\\u{" + String($0.value, radix: 16) + "}" : String($0) }
            .joined() + "'"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
