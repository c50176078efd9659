import ArgumentParser
import Foundation
import LabSupport
import PipelineEngine

/// Answers whether a model would ship: `gate check MODEL.json --config GATES.yaml [--data DATA.csv]`.
struct GateCommand: TopLevelCommand {
    static let helpGroup = HelpGroup.sandboxAndEngine

    static let configuration = CommandConfiguration(
        commandName: "gate", abstract: "Run validation gates on a model (`gate check`).",
        subcommands: [Check.self], defaultSubcommand: Check.self)

    /// `gate check`: evaluate the model, compare it with the champion, run the gates in order.
    struct Check: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Evaluate a model and run its gates in order; exit 1 if a required gate fails.")

        @Argument(help: "The candidate model file (from `train --out`).")
        var model: String
        @Option(help: "The gate configuration (YAML).")
        var config: String
        @Option(help: "Evaluation data (CSV); defaults to the `data:` the configuration names.")
        var data: String?

        static var completion: CommandCompletion { CommandCompletion(values: .files) }

        func run(in session: LabSession) throws -> Int32 {
            let configPath = try session.userPath(config)
            let gateConfig = try GateConfigLoader.loadConfig(path: configPath, displayName: config)
            let dataPath: String
            if let data {
                dataPath = try session.userPath(data)
            } else if let named = gateConfig.data {
                // A path written in a config file is confined to the folder the file is in.
                dataPath = try WorkspacePaths(root: (configPath as NSString).deletingLastPathComponent)
                    .resolve(named, in: config, line: gateConfig.dataLine)
            } else {
                throw LabError(.gatesNoData, "no evaluation data: pass --data FILE or add `data: FILE` to \(config)")
            }
            let candidate = try TrainedModel.open(session.userPath(model), named: model)
            let table = try CSVReader.read(file: dataPath, named: data ?? gateConfig.data)
            let champion = try Self.champion(session)
            let outcome = try GateCheck.run(
                candidate: candidate.model, data: table, gates: gateConfig.gates, champion: champion,
                identity: candidate.sha256)
            if session.wantsJSON {
                try session.console.json(outcome)
            } else {
                session.console.line(
                    GateReportRenderer.render(
                        outcome.gates, championVersion: outcome.championVersion,
                        style: session.style))
            }
            return outcome.gates.passed ? 0 : 1
        }

        /// The registry's champion in this profile's workspace, if there is one.
        static func champion(_ session: LabSession) throws -> GateCheck.Champion? {
            let registry = ModelRegistry(workspace: try session.workspace())
            guard let entry = try registry.aliased("champion") else { return nil }
            let bytes = try registry.modelData("champion")
            let model: TrainedModel
            do {
                model = try JSONDecoder().decode(TrainedModel.self, from: bytes)
            } catch {
                throw LabError(.registryInvalidModel, "the champion v\(entry.version) is not a readable model file")
            }
            return GateCheck.Champion(version: entry.version, model: model, metrics: entry.metrics)
        }
    }
}
