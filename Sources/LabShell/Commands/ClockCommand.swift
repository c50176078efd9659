import ArgumentParser
import PipelineEngine

/// `clock now|advance DURATION`: the sandbox's simulated production time.
struct ClockCommand: ParsableCommand {
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

    /// `clock advance DURATION`: let simulated production time pass.
    struct Advance: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "advance", abstract: "Move simulated time forward (30m, 12h, 7d, 2w, 1d12h).")

        @Argument(help: "How far: a number and a unit (s, m, h, d, w).")
        var duration: String

        static var completion: CommandCompletion { CommandCompletion(values: .words(["1h", "12h", "1d", "7d", "14d"])) }

        func run(in session: LabSession) throws -> Int32 {
            let span = try SimulatedDuration(parsing: duration)
            let clock = SimulatedClock(state: try session.workspace().state)
            let interval = try clock.advance(by: span, actor: session.actor())
            session.console.line("Simulated time: \(SimulatedClock.format(interval.start)) → \(SimulatedClock.format(interval.end))")
            return 0
        }
    }
}
