import ArgumentParser
import PipelineEngine

/// `monitor [--window 7d] [--method psi]`: production over time, with drift per feature.
struct MonitorCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.production

    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Show production day by day: traffic, errors, latency, live accuracy, drift per feature.")

    @Option(help: ArgumentHelp("How far back (7d, 2w).", valueName: "duration"))
    var window = "7d"

    @Option(help: ArgumentHelp("The drift method (psi by default; see `drift`).", valueName: "method"))
    var method = "psi"

    @Option(help: ArgumentHelp("The drift threshold (the method's default unless given).", valueName: "x"))
    var threshold: Double?

    static var completion: CommandCompletion {
        CommandCompletion(values: .none)
    }

    func run(in session: LabSession) throws -> Int32 {
        let report = try ProductionMonitor(workspace: session.workspace()).report(
            window: try SimulatedDuration(parsing: window), method: try DriftMethod.parse(method), threshold: threshold)
        if session.wantsJSON {
            try session.console.json(report)
        } else {
            session.console.line(report.render(session.style))
        }
        return 0
    }
}
