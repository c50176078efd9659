import ArgumentParser
import Foundation
import PipelineEngine

/// `registry list|show VERSION|alias NAME VERSION`: the workspace's model registry.
struct RegistryCommand: TopLevelCommand {
    static let helpGroup = HelpGroup.sandboxAndEngine

    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "List model versions, show one's lineage, or move an alias.",
        subcommands: [List.self, Show.self, Alias.self],
        defaultSubcommand: List.self)

    static let versionCompletion = CompletionSource.dynamic { session in
        guard let versions = try? ModelRegistry(workspace: session.workspace()).list() else { return [] }
        return versions.map { "v\($0.version)" } + Set(versions.flatMap(\.aliases)).sorted()
    }

    /// `registry list`: every version with its aliases and headline metrics.
    struct List: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the registered model versions.")
        static var completion: CommandCompletion { CommandCompletion(values: .none) }

        func run(in session: LabSession) throws -> Int32 {
            let versions = try ModelRegistry(workspace: session.workspace()).list()
            if session.wantsJSON {
                try session.console.json(versions.map(ListedVersion.init))
                return 0
            }
            guard !versions.isEmpty else {
                session.console.line("The registry is empty.")
                return 0
            }
            let style = session.style
            var table = TextTable(headers: ["VERSION", "KIND", "ALIASES", "METRICS", "CREATED", "SOURCE"])
            for entry in versions {
                table.append([
                    "v\(entry.version)", entry.kind.rawValue, entry.aliases.map(style.cyan).joined(separator: ","),
                    RegistryCommand.headline(entry.metrics), RegistryCommand.stamp(entry.createdAt), entry.source,
                ])
            }
            session.console.line(table.render(style))
            session.console.line(style.dim(RegistryCommand.measuredOn))
            return 0
        }
    }

    /// Where a version's metrics come from: every version is registered by a train stage,
    /// which scores it on the rows it held out (its test split, or its `test` file).
    static let measuredOn = "Metrics were measured on each version's held-out test rows when it was trained."

    /// `registry show VERSION`: one version's lineage, metrics and aliases.
    struct Show: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a version's lineage and metrics (`v3`, `3` or an alias).")

        @Argument(help: "A version (`v3`, `3`) or an alias (`champion`).")
        var version: String

        static var completion: CommandCompletion { CommandCompletion(values: RegistryCommand.versionCompletion) }

        func run(in session: LabSession) throws -> Int32 {
            let entry = try ModelRegistry(workspace: session.workspace()).version(version)
            if session.wantsJSON {
                try session.console.json(entry)
                return 0
            }
            let style = session.style
            var table = TextTable(headers: ["FIELD", "VALUE"])
            table.append(["version", "v\(entry.version)"])
            table.append(["aliases", entry.aliases.isEmpty ? style.dim("none") : entry.aliases.joined(separator: ", ")])
            table.append(["kind", entry.kind.rawValue])
            table.append(["target", entry.target])
            table.append(["features", entry.features.joined(separator: ", ")])
            table.append(["model sha256", entry.artifactHash])
            table.append(["data sha256", entry.lineage.dataHash])
            table.append(["params sha256", entry.lineage.paramsHash])
            table.append(["pipeline sha256", entry.lineage.pipelineHash ?? style.dim("none (not made by a pipeline)")])
            table.append(["run", entry.lineage.runID.map { "#\($0)" } ?? style.dim("none")])
            table.append(["created", "\(RegistryCommand.stamp(entry.createdAt)) by \(entry.createdBy)"])
            table.append(["source", entry.source])
            for (name, value) in entry.metrics.sorted(by: { $0.key < $1.key }) {
                table.append(["metric \(name)", String(format: "%.4f", value)])
            }
            if !entry.metrics.isEmpty {
                let registry = ModelRegistry(workspace: try session.workspace())
                let rows = (try? JSONDecoder().decode(TrainedModel.self, from: registry.modelData(version)))?.testRows
                table.append(["metrics on", (rows.map { "\($0) " } ?? "the ") + "held-out test rows of its training"])
            }
            session.console.line(table.render(style))
            return 0
        }
    }

    /// `registry alias NAME VERSION`: point an alias such as `champion` at a version.
    struct Alias: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "alias", abstract: "Point an alias (champion, challenger, any name) at a version.")

        @Argument(help: "The alias to set, such as `champion`.")
        var name: String
        @Argument(help: "The version it should point at.")
        var version: String

        static var completion: CommandCompletion { CommandCompletion(values: RegistryCommand.versionCompletion) }

        func run(in session: LabSession) throws -> Int32 {
            let registry = try ModelRegistry(workspace: session.workspace())
            let before = try registry.aliased(name)
            try registry.setAlias(name, to: version, actor: session.actor())
            let after = try registry.version(name)
            let move = before.map { "v\($0.version) → v\(after.version)" } ?? "→ v\(after.version)"
            session.console.line("\(name): \(move) (recorded in the audit log)")
            return 0
        }
    }

    /// A short line of the metrics that matter most.
    static func headline(_ metrics: [String: Double]) -> String {
        let order = ["accuracy", "f1", "roc_auc", "r2", "rmse"]
        return order.compactMap { key in metrics[key].map { "\(key) \(String(format: "%.3f", $0))" } }
            .prefix(3).joined(separator: "  ")
    }

    static func stamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        return formatter.string(from: date)
    }

    /// A version as `registry list --json` shows it: the registry's fields, and where its
    /// metrics were measured, so they are not mistaken for `evaluate`'s or production's.
    struct ListedVersion: Encodable {
        var version: ModelVersion

        enum CodingKeys: String, CodingKey {
            case metricsMeasuredOn = "metrics_measured_on"
        }

        func encode(to encoder: any Encoder) throws {
            try version.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("held-out test rows, when the version was trained", forKey: .metricsMeasuredOn)
        }
    }
}
