/// What a stage does: each kind has its own executor and its own settings.
package enum StageKind: String, Sendable, Codable, CaseIterable {
    case validate, train, evaluate, gate, deploy, monitor, leakage, test
}

/// A line and column in a pipeline file where something was written, for messages.
package struct PipelineFilePosition: Sendable, Equatable, Codable {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A value of a stage setting as written: one word or a list of words.
package enum SettingValue: Sendable, Equatable {
    case text(String)
    case list([String])

    /// The value as one line: `churned`, `[5, 25, 50]`.
    package var display: String {
        switch self {
        case .text(let value): value
        case .list(let values): "[" + values.joined(separator: ", ") + "]"
        }
    }

    package var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    package var list: [String] {
        switch self {
        case .text(let value): [value]
        case .list(let values): values
        }
    }
}

/// One named stage of a pipeline, as loaded and checked from `pipeline.yaml`.
package struct StageDefinition: Sendable, Equatable {
    package var name: String
    package var kind: StageKind
    package var desc: String?
    /// Stages that must finish first, as written in `needs`.
    package var needs: [String]
    /// The kind's own settings (`data`, `suite`, `target`, `slice`, `gates`, ...).
    package var settings: [String: SettingValue]
    /// Extra dependencies listed under `deps`.
    package var deps: [String]
    /// Keys of `params.yaml` the stage reads (`train.C`).
    package var params: [String]
    /// Files the stage writes; they are cached in the artifact store.
    package var outs: [String]
    /// Whether the stage runs on a (simulated) GPU.
    package var gpu: Bool
    /// Where the stage's name is written.
    package var location: PipelineFilePosition?
    /// Where each key's value is written, for messages about it.
    package var keyLocations: [String: PipelineFilePosition]

    /// Every file the stage reads: the files its settings name, then `deps`, without repeats.
    ///
    /// Filled in by the loader, which also adds files the stage takes from upstream stages
    /// (the model a train stage wrote, the data an evaluate stage scored).
    package var dependencies: [String] = []
    /// Stages this one waits for: `needs` plus stages whose outputs it reads.
    package var upstream: [String] = []

    /// The setting `key` as a single value.
    package func text(_ key: String) -> String? { settings[key]?.text }

    /// The definition's fields as text: with the inputs, they decide whether a cached result holds.
    ///
    /// `needs` and `desc` are left out: they order and describe, they do not change what the
    /// stage computes.
    package var fields: [String: String] {
        var fields: [String: String] = ["kind": kind.rawValue]
        for (key, value) in settings { fields[key] = value.display }
        if !deps.isEmpty { fields["deps"] = SettingValue.list(deps).display }
        if !params.isEmpty { fields["params"] = SettingValue.list(params).display }
        if !outs.isEmpty { fields["outs"] = SettingValue.list(outs).display }
        if gpu { fields["resources.gpu"] = "true" }
        return fields
    }
}

/// When a pipeline should run, as CI would be told.
package enum Trigger: Sendable, Equatable {
    /// A change to the data (and other dependencies): `paths` or, when empty, every dependency.
    case dataChange(paths: [String])
    /// On a schedule, as a five-field cron expression on the simulated clock.
    case schedule(cron: String)
    /// When drift in production data passes a threshold.
    case drift(method: String, threshold: Double?)
}

/// A loaded and checked pipeline: its stages in file order and its triggers.
package struct PipelineDefinition: Sendable {
    /// The pipeline file relative to the workspace (`pipeline.yaml`).
    package var file: String
    /// The pipeline's name (`name:`), else the file's name without extension.
    package var name: String
    package var stages: [StageDefinition]
    package var triggers: [Trigger]
    /// Every key of `params.yaml` with its value as written.
    package var params: ParamsFile
    /// SHA-256 of the pipeline file's bytes, recorded in model lineage.
    package var hash: String
    /// Stage names in the order they run.
    package var order: [String]

    package func stage(_ name: String) -> StageDefinition? {
        stages.first { $0.name == name }
    }

    /// The lock file that sits beside the pipeline file (`pipeline.lock`).
    package var lockFile: String {
        let base =
            file.hasSuffix(".yaml")
            ? String(file.dropLast(5)) : file.hasSuffix(".yml") ? String(file.dropLast(4)) : file
        return base + ".lock"
    }
}
