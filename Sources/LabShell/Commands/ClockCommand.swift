import ArgumentParser
import FoundationEssentials
import PipelineEngine

/// `clock now|advance DURATION`: the sandbox's simulated production time.
struct ClockCommand: TopLevelCommand {
    static let helpGroup = HelpGroup.sandboxAndEngine

    static let configuration = CommandConfiguration(
        commandName: "clock",
        abstract: "Show or move the sandbox's simulated clock (`clock advance 7d`).",
        subcommands: [Now.self, Advance.self],
        defaultSubcommand: Now.self)

    /// `clock now`: the simulated date and time.
    struct Now: LabCommand {
        static let configuration = CommandConfiguration(commandName: "now", abstract: "Show the simulated time.")
        static var completion: CommandCompletion { CommandCompletion(values: .none) }

        func run(in session: LabSession) throws -> Int32 {
            let clock = SimulatedClock(state: try session.workspace().state)
            let now = try clock.now()
            if session.wantsJSON {
                try session.console.json(["now": now])
            } else {
                let elapsed = SimulatedDuration(seconds: now.timeIntervalSince(SimulatedClock.defaultStart))
                let since = elapsed.seconds > 0 ? " (\(elapsed) after the sandbox's start)" : " (the sandbox's start)"
                session.console.line("Simulated time: \(SimulatedClock.format(now))" + session.style.dim(since))
            }
            return 0
        }
    }

    /// `clock advance DURATION [--force]`: let simulated production time pass.
    struct Advance: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "advance",
            abstract:
                "Move simulated time forward (30m, 12h, 7d, 2w, 1d12h); production runs and triggers fire on the way.")

        @Argument(help: "How far: a number and a unit (s, m, h, d, w).")
        var duration: String

        @Flag(
            help:
                "Triggered pipeline runs rerun every stage and deploy even a candidate the comparison with the champion declines (audited)."
        )
        var force = false

        static var completion: CommandCompletion {
            CommandCompletion(values: .words(["1h", "12h", "1d", "7d", "14d"]))
        }

        func run(in session: LabSession) throws -> Int32 {
            let span = try SimulatedDuration(parsing: duration)
            var clock = ProductionClock(workspace: try session.workspace())
            clock.force = force
            let report = try clock.advance(by: span, actor: session.actor())
            if session.wantsJSON {
                try session.console.json(report)
                return 0
            }
            let style = session.style
            session.console.line(
                "Simulated time: \(SimulatedClock.format(report.from)) → \(SimulatedClock.format(report.to))")
            if !report.served.isEmpty {
                let requests = report.served.map(\.requests).reduce(0, +)
                let errors = report.served.map(\.errors).reduce(0, +)
                let days = report.served.count
                session.console.line(
                    style.dim(
                        "Production served \(requests) requests over \(days) day\(days == 1 ? "" : "s") (\(errors) errors); `monitor` shows them."
                    ))
            }
            for firing in report.triggers {
                let run = firing.runID.map { "run #\($0) \(firing.status.rawValue)" } ?? firing.status.rawValue
                session.console.line(
                    "\(SimulatedClock.format(firing.at))  " + style.bold("triggered") + " by "
                        + firing.reasons.joined(separator: "; ") + " → "
                        + style.verdict(run, ok: firing.status == .passed))
                session.console.line("    " + firing.outcome)
            }
            return 0
        }
    }
}
