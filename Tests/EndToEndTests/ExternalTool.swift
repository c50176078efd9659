import Foundation
import Testing

/// Outside programs the export tests run the exports with: DVC, actionlint, check-jsonschema.
///
/// `bin/setup-tools` (called by `bin/test`) installs them, pinned, into `.build/tools-venv`; a
/// tool is looked for there, then on PATH. A test that needs a missing tool is skipped with a
/// message naming it (`.enabled(if: ExternalTool.usable(...), ExternalTool.skipNote(...))`),
/// except under CI, where it runs and fails: CI never skips them.
enum ExternalTool {
    /// The package's root folder, found from this file's place in `Tests/EndToEndTests/`.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// Where `bin/setup-tools` installs the tools.
    static let venvBin = packageRoot + "/.build/tools-venv/bin"

    /// The path of `name`, from the tools venv or PATH, or nil when it is on neither.
    static func path(_ name: String) -> String? {
        var folders = [venvBin]
        folders += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return folders.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether a test needing `names` should run: all are present, or this is CI.
    static func usable(_ names: String...) -> Bool {
        ProcessInfo.processInfo.environment["CI"] != nil || names.allSatisfy { path($0) != nil }
    }

    /// The skip message for a test needing `names`.
    static func skipNote(_ names: String...) -> Comment {
        Comment(rawValue: "needs \(names.joined(separator: ", ")), not installed: run bin/setup-tools (bin/test does)")
    }

    /// The path of `name`, or a failure saying how to install it.
    static func require(_ name: String) throws -> String {
        guard let found = path(name) else { throw Missing(name: name) }
        return found
    }

    struct Missing: Error, CustomStringConvertible {
        var name: String
        var description: String { "\(name) is not installed: run bin/setup-tools (bin/test does)" }
    }
}
