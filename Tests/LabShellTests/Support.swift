import Foundation
@testable import LabShell

/// A session on a fresh temporary lab home whose output is captured.
final class CapturedSession {
    let home: String
    var out = ""
    var err = ""
    private(set) var session: LabSession!

    init(options: GlobalOptions = GlobalOptions(), environment: [String: String] = [:]) throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-test-\(UUID())").path
        var options = options
        options.home = home
        let console = Console(out: { [unowned self] in self.out += $0 }, err: { [unowned self] in self.err += $0 })
        session = LabSession(options: options, environment: environment.merging(["NO_COLOR": "1"]) { a, _ in a },
                             console: console, isInteractive: false)
    }

    /// Runs a command line as the REPL would and returns its exit status.
    func run(_ line: String) -> Int32 {
        Repl(session: session).execute(line)
    }

    deinit { try? FileManager.default.removeItem(atPath: home) }
}
