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
            it with, and directly otherwise. With a champion, a direct or canary deployment first compares \
            the version with it on the labelled production requests of the last week, with a paired test \
            as `compare` does, and goes ahead only when the test shows it better (--promote-when \
            not_worse: not worse), or with --force (audited). A shadow serves no user and needs no \
            comparison. A canary runs all its steps at once, each analysed against the champion on \
            replayed production traffic; a failed step rolls traffic back.
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

    @Option(
        help: ArgumentHelp(
            "The smallest lead over the champion worth a deployment, in the metric's units (default 0).",
            valueName: "x"))
    var minImprovement: Double = 0

    @Option(help: ArgumentHelp("Significance level of the paired test (default 0.05).", valueName: "a"))
    var alpha: Double = 0.05

    @Option(
        help: ArgumentHelp(
            "better (default): the paired test must show the version ahead; not_worse: it must not show it behind.",
            valueName: "rule"))
    var promoteWhen: String = "better"

    @Flag(help: "Deploy even a version the comparison with the champion declines (audited).")
    var force = false

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
        let policy = try self.policy()
        var why = reason ?? "deployed by hand"
        var decision: PromotionDecision?
        let registry = ModelRegistry(workspace: workspace)
        let candidate = try registry.version(version).version
        // A shadow serves no user, so it needs no evidence; promotion (direct, canary) does.
        if chosen != .shadow, let champion = try registry.aliased("champion")?.version, champion != candidate {
            let judged = try PromotionDecision.judge(
                candidate: candidate, champion: champion, policy: policy, force: force, actor: session.actor(),
                context: "deploy v\(candidate) by hand", workspace: workspace)
            decision = judged
            guard judged.proceeds else {
                let alternative =
                    policy.requirement == .better
                    ? "--promote-when not_worse if it only has to be no worse, or --force to deploy it anyway (audited)"
                    : "--force to deploy it anyway (audited)"
                let message =
                    "v\(candidate) not deployed: \(judged.shortfall) (\(judged.comparison.sentence)). Use \(alternative)."
                if session.wantsJSON {
                    try session.console.json(DeclinedDeployment(message: message, comparison: judged.comparison.paired))
                } else {
                    session.console.line(message)
                }
                return 1
            }
            why += judged.forced ? ", forced although \(judged.shortfall)" : ""
            why += ": " + judged.comparison.sentence
        }
        let report = try Deployer(workspace: workspace).deploy(
            version, strategy: chosen, steps: parsedSteps, actor: session.actor(), reason: why)
        if session.wantsJSON {
            try session.console.json(DeployedVersion(report: report, comparison: decision?.comparison.paired))
        } else {
            if let decision {
                let verb = decision.forced ? "Forced although \(decision.shortfall)" : "Compared with the champion"
                session.console.line("\(verb): \(decision.comparison.sentence)")
            }
            session.console.line(report.render(session.style))
        }
        return report.rollout.status == .rolledBack ? 1 : 0
    }

    /// The promotion policy the options set.
    func policy() throws -> PromotionPolicy {
        let rule = try ComparisonRule(alpha: alpha, minImprovement: minImprovement)
        guard let requirement = PromotionPolicy.Requirement(rawValue: promoteWhen) else {
            let names = PromotionPolicy.Requirement.allCases.map(\.rawValue)
            throw LabError(
                .deployUnknownPromotionRule,
                "--promote-when is '\(promoteWhen)'; expected \(names.joined(separator: " or "))")
        }
        return PromotionPolicy(rule: rule, requirement: requirement)
    }

    /// `deploy --json` when the comparison declined the version.
    struct DeclinedDeployment: Encodable {
        var deployed = false
        var message: String
        var comparison: PairedComparison?
    }

    /// `deploy --json`: the rollout report, and the comparison with the champion when one was made.
    struct DeployedVersion: Encodable {
        var report: RolloutReport
        var comparison: PairedComparison?

        enum CodingKeys: String, CodingKey { case comparison }

        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(comparison, forKey: .comparison)
        }
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
