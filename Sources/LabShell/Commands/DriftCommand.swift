import ArgumentParser
import Foundation
import LabSupport
import PipelineEngine

/// `drift REF CUR [--method M] [--columns a,b] [--threshold T]`: which columns of CUR drifted
/// from REF, and whether the dataset did.
///
/// Drift is a finding, not a failure: the command exits 0 whatever the verdict, and 1 is kept
/// for failed checks and gates (a pipeline's `drift` trigger or a monitoring gate decides what
/// a drift verdict means). Paths resolve as for `data`: the workspace in the REPL, the current
/// directory from the shell.
struct DriftCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.sandboxAndEngine

    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Compare a current CSV file with a reference one, column by column, for drift.",
        discussion: """
            Methods: auto (per column, as Evidently 0.7's DataDriftPreset picks, with column kinds \
            read from the current file: integers with at most 10 distinct values are categories, \
            strings with more than half their values distinct are text), psi, ks, wasserstein, \
            jensenshannon, chisquare, ztest. Tests drift at p ≤ 0.05, distances at 0.1 or more; the dataset \
            drifts when at least half of the tested columns do. Exits 0 whatever the verdict.
            """)

    @Argument(help: ArgumentHelp("The reference CSV file (what the model was trained on).", valueName: "ref"))
    var reference: String

    @Argument(help: ArgumentHelp("The current CSV file (what it sees now).", valueName: "cur"))
    var current: String

    @Option(help: ArgumentHelp("auto, psi, ks, wasserstein, jensenshannon, chisquare or ztest.", valueName: "method"))
    var method = "auto"

    @Option(help: ArgumentHelp("Only these columns, comma-separated.", valueName: "a,b"))
    var columns: String?

    @Option(help: ArgumentHelp("The p-value (tests) or distance at which a column drifts.", valueName: "t"))
    var threshold: Double?

    func run(in session: LabSession) throws -> Int32 {
        // Arguments first: a typo should not wait for two large files to load.
        var options = DriftOptions(method: try DriftMethod.parse(method), threshold: threshold)
        if let columns {
            options.columns = columns.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        if let threshold, !(threshold > 0) {
            throw LabError(.driftBadThreshold, "--threshold must be above 0, got \(threshold)")
        }
        let ref = try CSVReader.read(file: session.userPath(reference), named: reference)
        let cur = try CSVReader.read(file: session.userPath(current), named: current)
        // Handed over, so that drift sorts the columns in place instead of copying them.
        let report = try DriftDetector.compare(reference: consume ref, current: consume cur, options: options)
        if session.wantsJSON {
            try session.console.json(report)
        } else {
            session.console.line(report.render(session.style))
        }
        return 0
    }
}
