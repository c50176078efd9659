import ArgumentParser
import LabSupport
import PipelineEngine

/// `deploy VERSION [--strategy direct|shadow|canary] [--steps 5,25,50,100]`: put a registry
/// version into the sandbox's production.
struct DeployCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.production

    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Deploy a registry version: direct, shadow or canary (exit 1 if the canary is rolled back).",
        discussion: """
            Without --strategy, a version is deployed as a canary when there is a champion to compare \
            it with, and directly otherwise. A canary runs all its steps at once, each analysed against \
            the champion on replayed production traffic; a failed step rolls traffic back.
            """)

    @Argument(help: "The version (`v3`, `3`) or an alias (`challenger`).")
    var version: String

    @Option(help: ArgumentHelp("direct, shadow or canary.", valueName: "strategy"))
    var strategy: String?

    @Option(
        help: ArgumentHelp(
            "Canary traffic weights in percent (default 5,25,50,100 or deploy.yaml's).",
            valueName: "steps"))
    var steps: String?

    @Option(help: ArgumentHelp("Why, for the audit log.", valueName: "text"))
    var reason: String?

    static var completion: CommandCompletion {
        CommandCompletion(values: RegistryCommand.versionCompletion)
    }

    func run(in session: LabSession) throws -> Int32 {
        let workspace = try session.workspace()
        let chosen =
            try strategy.map(Self.strategy(named:))
            ?? (try ModelRegistry(workspace: workspace).aliased("champion") == nil ? .direct : .canary)
        if steps != nil, chosen != .canary {
            throw LabError(
                .deployBadSteps, "--steps applies to a canary; a \(chosen.rawValue) deployment has no steps")
        }
        let parsedSteps = try steps.map(DeploymentSettings.parseSteps)
        let report = try Deployer(workspace: workspace).deploy(
            version, strategy: chosen, steps: parsedSteps, actor: session.actor(), reason: reason ?? "deployed by hand")
        if session.wantsJSON {
            try session.console.json(report)
        } else {
            session.console.line(report.render(session.style))
        }
        return report.rollout.status == .rolledBack ? 1 : 0
    }

    static func strategy(named name: String) throws -> DeploymentStrategy {
        if let strategy = DeploymentStrategy(rawValue: name.lowercased()) { return strategy }
        let names = DeploymentStrategy.allCases.map(\.rawValue)
        var message = "unknown strategy '\(name)'"
        if let guess = closestMatch(to: name, among: names) { message += ". Did you mean '\(guess)'?" }
        throw LabError(.deployUnknownStrategy, message + " (strategies: \(names.joined(separator: ", ")))")
    }
}

/// `rollout status`: the latest rollout as a rollout controller shows it.
struct RolloutCommand: TopLevelCommand {
    static let helpGroup = HelpGroup.production

    static let configuration = CommandConfiguration(
        commandName: "rollout", abstract: "Show the latest rollout: weights, replicas, analysis verdicts.",
        subcommands: [Status.self], defaultSubcommand: Status.self)

    struct Status: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Show the latest rollout: weights, replicas ready, analysis verdicts.")
        static var completion: CommandCompletion { CommandCompletion(values: .none) }

        func run(in session: LabSession) throws -> Int32 {
            let workspace = try session.workspace()
            let report = try RolloutController(workspace: workspace)
                .status(settings: try DeploymentSettings.load(workspace: workspace.root))
            if session.wantsJSON {
                try session.console.json(report)
            } else {
                session.console.line(report.render(session.style))
            }
            return 0
        }
    }
}

/// `promote [--reason TEXT]`: make the rollout under way's candidate the champion by hand.
struct PromoteCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.production

    static let configuration = CommandConfiguration(
        commandName: "promote", abstract: "Promote the shadow or canary under way to champion, by hand.")

    @Option(help: ArgumentHelp("Why, for the audit log.", valueName: "text"))
    var reason: String?

    static var completion: CommandCompletion { CommandCompletion(values: .none) }

    func run(in session: LabSession) throws -> Int32 {
        let report = try RolloutController(workspace: session.workspace())
            .promote(actor: session.actor(), reason: reason ?? "no reason given")
        if session.wantsJSON {
            try session.console.json(report)
        } else {
            session.console.line(report.render(session.style))
        }
        return 0
    }
}

/// `rollback [--reason TEXT]`: abort the rollout under way, or undo the latest promotion.
struct RollbackCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.production

    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Abort the rollout under way, or put the previous champion back after a promotion.")

    @Option(help: ArgumentHelp("Why, for the audit log.", valueName: "text"))
    var reason: String?

    static var completion: CommandCompletion { CommandCompletion(values: .none) }

    func run(in session: LabSession) throws -> Int32 {
        let report = try RolloutController(workspace: session.workspace())
            .rollback(actor: session.actor(), reason: reason ?? "no reason given")
        if session.wantsJSON {
            try session.console.json(report)
        } else {
            session.console.line(report.render(session.style))
        }
        return 0
    }
}
