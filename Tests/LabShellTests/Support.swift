import Foundation

@testable import LabShell

/// A session on a fresh temporary lab home whose output is captured.
final class CapturedSession {
    let home: String
    var out = ""
    var err = ""
    /// The errors as the lab wrote them, before they were fitted to the terminal's columns:
    /// each continuation (two spaces of hanging indent) joined back to its line.
    var errorMessages: String { err.replacingOccurrences(of: "\n  ", with: " ") }
    private(set) var session: LabSession!

    /// A session on `home` (a fresh temporary one by default; pass another session's home to
    /// see what a later session finds).
    init(options: GlobalOptions = GlobalOptions(), environment: [String: String] = [:], home: String? = nil) throws {
        self.home = home ?? FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-test-\(UUID())").path
        var options = options
        options.home = self.home
        let console = Console(out: { [unowned self] in self.out += $0 }, err: { [unowned self] in self.err += $0 })
        session = LabSession(
            options: options, environment: environment.merging(["NO_COLOR": "1"]) { a, _ in a },
            console: console, isInteractive: false)
    }

    /// Runs a command line as the REPL would and returns its exit status.
    func run(_ line: String) -> Int32 {
        Repl(session: session).execute(line)
    }

    deinit { try? FileManager.default.removeItem(atPath: home) }
}

/// The fixture content: two small lessons written for the reader's tests (not course content).
enum Fixtures {
    /// The folder that holds the fixture `Lessons/`, for `--content`.
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    /// The fixture courses of the `lint` and step tests: `Clean` (playable), `Broken` (every
    /// problem `lint` reports), `Unproven` (steps `lint --play` refuses).
    static let lint = content + "/Lint"

    /// Start-up options that point the lab at the fixture content.
    static var options: GlobalOptions {
        var options = GlobalOptions()
        options.content = content
        return options
    }
}
