import ArgumentParser
import LabSupport
import PipelineEngine

/// `traffic simulate [--requests N]` and `traffic load [normal|holiday]`: production traffic
/// through the deployed models.
struct TrafficCommand: TopLevelCommand {
    static let helpGroup = HelpGroup.production

    static let configuration = CommandConfiguration(
        commandName: "traffic", abstract: "Serve production traffic through the deployed models, or set the load.",
        subcommands: [Simulate.self, Load.self], defaultSubcommand: Simulate.self)

    /// `traffic simulate`: today's production requests, served for real.
    struct Simulate: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulate",
            abstract: "Serve today's production requests through the deployed models, for real.")

        @Option(help: ArgumentHelp("How many of today's requests (default: all that are left).", valueName: "n"))
        var requests: Int?

        static var completion: CommandCompletion { CommandCompletion(values: .none) }

        func run(in session: LabSession) throws -> Int32 {
            let report = try TrafficSimulator(workspace: session.workspace()).simulate(requests: requests)
            if session.wantsJSON {
                try session.console.json(report)
            } else {
                session.console.line(report.render(session.style))
            }
            return 0
        }
    }

    /// `traffic load [LEVEL]`: show or set the load level production runs at.
    struct Load: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "load", abstract: "Show or set the load level: normal or holiday.")

        @Argument(help: "normal or holiday.")
        var level: String?

        static var completion: CommandCompletion {
            CommandCompletion(values: .words(LoadLevel.allCases.map(\.rawValue)))
        }

        func run(in session: LabSession) throws -> Int32 {
            let workspace = try session.workspace()
            let settings = LabSettings(state: workspace.state)
            let platform = try DeploymentSettings.load(workspace: workspace.root).platform
            if let level {
                guard let chosen = LoadLevel(rawValue: level.lowercased()) else {
                    let names = LoadLevel.allCases.map(\.rawValue)
                    var message = "unknown load level '\(level)'"
                    if let guess = closestMatch(to: level, among: names) { message += ". Did you mean '\(guess)'?" }
                    throw LabError(.trafficUnknownLoad, message + " (levels: \(names.joined(separator: ", ")))")
                }
                try settings.setLoadLevel(chosen, actor: session.actor(), reason: "set by hand")
            }
            let current = try settings.loadLevel()
            let rate = platform.requestsPerSecond(at: current)
            if session.wantsJSON {
                try session.console.json(["load_level": current.rawValue, "requests_per_second": "\(rate)"])
            } else {
                session.console.line(
                    "Load: \(current.rawValue), \(NumberText.short(rate)) requests per second"
                        + " across \(platform.replicas) replicas per version.")
            }
            return 0
        }
    }
}

/// `scenario list|start NAME`: the production stories the sandbox can live through.
struct ScenarioCommand: TopLevelCommand {
    static let helpGroup = HelpGroup.sandboxAndEngine

    static let configuration = CommandConfiguration(
        commandName: "scenario", abstract: "List the production scenarios, or start one.",
        subcommands: [List.self, Start.self], defaultSubcommand: List.self)

    struct List: LabCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the scenarios.")
        static var completion: CommandCompletion { CommandCompletion(values: .none) }

        func run(in session: LabSession) throws -> Int32 {
            let scenarios = try ScenarioState(workspace: session.workspace()).list()
            if session.wantsJSON {
                try session.console.json(scenarios)
                return 0
            }
            var table = TextTable(headers: ["", "SCENARIO", "TITLE"])
            for scenario in scenarios {
                table.append([scenario.active ? "*" : "", scenario.name, scenario.title])
            }
            session.console.line(table.render(session.style))
            return 0
        }
    }

    struct Start: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "start", abstract: "Start a scenario: its production stream, clock and load.")

        @Argument(help: "The scenario's name.")
        var name: String

        static var completion: CommandCompletion {
            CommandCompletion(
                values: .dynamic { session in
                    ((try? ScenarioState(workspace: session.workspace()).list()) ?? []).map(\.name)
                })
        }

        func run(in session: LabSession) throws -> Int32 {
            let started = try ScenarioState(workspace: session.workspace()).start(name, actor: session.actor())
            let scenario = started.scenario
            if session.wantsJSON {
                try session.console.json(started)
                return 0
            }
            session.console.line(session.style.bold(scenario.title))
            session.console.line(MarkdownRenderer(style: session.style).render(scenario.story))
            session.console.line(
                session.style.dim(
                    "Simulated time: \(SimulatedClock.format(scenario.start)); load \((scenario.load ?? .normal).rawValue)."
                ))
            if !started.written.isEmpty {
                session.console.line("Wrote into your workspace: \(started.written.joined(separator: ", ")).")
            }
            for (heading, text) in [("Watch it go wrong:", scenario.watch), ("Then fix it:", scenario.fix)] {
                guard let text else { continue }
                session.console.line("")
                session.console.line(session.style.bold(heading))
                for line in text.split(separator: "\n") { session.console.line("  " + line) }
            }
            return 0
        }
    }
}
