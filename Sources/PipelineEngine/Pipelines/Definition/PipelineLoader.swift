import Foundation
import LabSupport
import Yams

/// Reads a pipeline file (`pipeline.yaml`) and checks all of it before anything runs.
///
/// Loading refuses, with the file, line and column: YAML syntax errors, unknown keys and kinds
/// (with a suggestion), missing settings, `needs` that name no stage, cycles (naming the
/// stages in them), two stages writing one file, paths that leave the workspace, files that
/// neither exist nor are made by a stage, and params that `params.yaml` does not have.
package enum PipelineLoader {
    /// The pipeline file a workspace runs by default.
    package static let defaultFile = "pipeline.yaml"
    /// Where the parameters live, beside the pipeline at the workspace root.
    package static let paramsFile = "params.yaml"
    /// The longest stage name: each stage's result is written to `.lab/results/NAME.json`, and
    /// a file name holds at most 255 bytes.
    package static let maximumStageNameLength = 100
    /// The most stages one pipeline may have: every run rewrites the lock file after each
    /// stage, so a run costs the square of its length, and a bigger pipeline is better split.
    package static let maxStages = 1_000

    /// Loads and checks `file`, a path relative to the workspace root.
    package static func load(_ file: String = defaultFile, in workspace: Workspace) throws -> PipelineDefinition {
        try load(file, paths: workspace.paths)
    }

    /// Loads and checks `file` in the folder `paths` confines to, which need not hold `.lab`
    /// (`pipeline dag` in a fresh clone reads the pipeline and writes nothing).
    package static func load(_ file: String = defaultFile, paths: WorkspacePaths) throws -> PipelineDefinition {
        let path = try paths.resolve(file)
        let display = paths.relative(path)
        guard let data = try RegularFile.contents(atPath: path) else {
            throw LabError(
                .pipelineMissing, "there is no pipeline file '\(display)' in the workspace \(paths.root)",
                file: display)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LabError(.pipelineUnreadable, "the pipeline file is not UTF-8 text", file: display)
        }
        let params = try ParamsFile.load(path: try paths.resolve(paramsFile), displayName: paramsFile)
        var pipeline = try parse(text, file: display, params: params)
        pipeline.hash = ContentHash.hex(data)
        try PipelineChecks(pipeline: pipeline, paths: paths).check(&pipeline)
        return pipeline
    }

    /// Parses the text of a pipeline file: shape, keys, kinds and settings (no graph or file checks).
    static func parse(_ text: String, file: String, params: ParamsFile) throws -> PipelineDefinition {
        let reader = YAMLNodeReader(file: file, codePrefix: .pipeline)
        guard let root = try reader.compose(text, resolver: .basic) else {
            throw LabError(
                .pipelineEmpty, "the pipeline file is empty; expected a `stages:` mapping", file: file, line: 1)
        }
        let top = try reader.mapping(root, "the pipeline")
        try reader.checkKeys(top, allowed: ["name", "stages", "triggers"], in: "the pipeline")
        guard let stagesNode = top["stages"] else {
            throw reader.error(.missingKey, "the pipeline has no `stages:` mapping", at: root)
        }
        let stagesMap = try reader.mapping(stagesNode, "`stages`")
        if stagesMap.isEmpty { throw reader.error(.emptyValue, "`stages` has no stages", at: stagesNode) }
        if stagesMap.count > maxStages {
            throw reader.error(
                .tooManyStages,
                "`stages` has \(stagesMap.count) stages; a pipeline may have at most \(maxStages) (split it into several pipeline files)",
                at: stagesNode)
        }
        var stages: [StageDefinition] = []
        for (nameNode, stageNode) in stagesMap {
            let name = try reader.text(nameNode, "a stage name")
            let valid =
                name.first.map { $0.isLetter || $0 == "_" } == true
                && name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }
            guard valid else {
                throw reader.error(
                    .badName,
                    "stage name \"\(name)\" should start with a letter and hold only letters, digits, '-' and '_'",
                    at: nameNode)
            }
            guard name.count <= maximumStageNameLength else {
                throw reader.error(
                    .badName,
                    "stage name \"\(name.excerpt(limit: 21))\" is too long; expected at most \(maximumStageNameLength) characters",
                    at: nameNode)
            }
            stages.append(try parseStage(name, nameNode: nameNode, node: stageNode, reader))
        }
        let triggers = try top["triggers"].map { try parseTriggers($0, reader) } ?? []
        let name =
            try top["name"].map { try reader.text($0, "the pipeline's name") }
            ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        return PipelineDefinition(
            file: file, name: name, stages: stages, triggers: triggers, params: params, hash: "",
            order: stages.map(\.name))
    }

    private static func location(_ node: Node) -> PipelineFilePosition? {
        node.mark.map { PipelineFilePosition(line: $0.line, column: $0.column) }
    }

    private static func parseStage(_ name: String, nameNode: Node, node: Node, _ reader: YAMLNodeReader) throws
        -> StageDefinition
    {
        let map = try reader.mapping(node, "stage '\(name)'")
        let kinds = listing(StageKind.allCases.map(\.rawValue), or: true)
        guard let kindNode = map["kind"] else {
            throw reader.error(.missingKey, "stage '\(name)' needs a `kind`: \(kinds)", at: nameNode)
        }
        let kind = try reader.word(kindNode, "the kind of stage '\(name)'", as: StageKind.self)
        let own = StageSchema.keys(for: kind)
        try reader.checkKeys(
            map, allowed: StageSchema.commonKeys + own.all, in: "stage '\(name)' (a \(kind.rawValue) stage)")
        var stage = StageDefinition(
            name: name, kind: kind, needs: [], settings: [:], deps: [], params: [], outs: [], gpu: false,
            location: location(nameNode), keyLocations: [:])
        for key in own.required where map[key] == nil {
            throw reader.error(.missingKey, "stage '\(name)' (a \(kind.rawValue) stage) needs `\(key)`", at: nameNode)
        }
        for (keyNode, value) in map {
            let key = keyNode.string ?? ""
            stage.keyLocations[key] = location(value)
            if case .sequence(let items) = value {
                for (index, item) in items.enumerated() { stage.keyLocations["\(key)[\(index)]"] = location(item) }
            }
            let what = "`\(key)` of stage '\(name)'"
            switch key {
            case "kind": continue
            case "desc": stage.desc = try reader.text(value, what)
            case "needs": stage.needs = try reader.texts(value, what)
            case "deps": stage.deps = try reader.texts(value, what)
            case "params": stage.params = try reader.texts(value, what)
            case "outs": stage.outs = try reader.texts(value, what)
            case "resources":
                let resources = try reader.mapping(value, what)
                try reader.checkKeys(
                    resources, allowed: StageSchema.resourceKeys, in: "the resources of stage '\(name)'")
                if let gpu = resources["gpu"] {
                    stage.gpu = try GateConfigLoader.bool(gpu, "`resources.gpu` of stage '\(name)'", reader)
                }
            default:
                stage.settings[key] = try parseSetting(key, value, what: what, reader)
            }
        }
        if kind == .train, stage.outs.isEmpty {
            throw reader.error(
                .missingKey, "stage '\(name)' (a train stage) needs `outs` naming the model file it writes",
                at: nameNode)
        }
        return stage
    }

    private static func parseSetting(_ key: String, _ value: Node, what: String, _ reader: YAMLNodeReader) throws
        -> SettingValue
    {
        if StageSchema.listKeys.contains(key) {
            let items = try reader.texts(value, what)
            if key == "steps" {
                for (item, node) in zip(items, value.sequence.map(Array.init) ?? [value]) {
                    guard let step = Double(item), step > 0, step <= 100 else {
                        throw reader.error(
                            .badValue,
                            "each of \(what) should be a traffic percentage from 1 to 100, found \"\(item)\"", at: node)
                    }
                }
            }
            return .list(items)
        }
        let text = try reader.text(value, what)
        if let allowed = StageSchema.words[key], !allowed.contains(text) {
            var message = "\(what) is \"\(text)\"; expected \(listing(allowed, or: true))"
            if let guess = closestMatch(to: text, among: allowed) { message += " (did you mean \"\(guess)\"?)" }
            throw reader.error(.badValue, message, at: value)
        }
        if StageSchema.numberKeys.contains(key) {
            let number = try GateConfigLoader.number(value, what, reader)
            if key == "alpha", !(number > 0 && number < 1) {
                throw reader.error(
                    .badValue, "\(what) is \"\(text)\"; expected a significance level between 0 and 1, such as 0.05",
                    at: value)
            }
            if key == "min_improvement", !(number >= 0) {
                throw reader.error(
                    .badValue,
                    "\(what) is \"\(text)\"; expected 0 or more, in the metric's units (0.01 is one point of accuracy)",
                    at: value)
            }
        }
        return .text(text)
    }

    private static func parseTriggers(_ node: Node, _ reader: YAMLNodeReader) throws -> [Trigger] {
        try reader.sequence(node, "`triggers`").map { item in
            let map = try reader.mapping(item, "a trigger")
            let kinds = StageSchema.triggerKeys.keys.sorted()
            guard let onNode = map["on"] else {
                throw reader.error(.missingKey, "a trigger needs `on`: \(listing(kinds, or: true))", at: item)
            }
            let on = try reader.text(onNode, "the trigger's `on`")
            guard let keys = StageSchema.triggerKeys[on] else {
                var message = "unknown trigger \"\(on)\"; expected \(listing(kinds, or: true))"
                if let guess = closestMatch(to: on, among: kinds) { message += " (did you mean \"\(guess)\"?)" }
                throw reader.error(.badValue, message, at: onNode)
            }
            try reader.checkKeys(map, allowed: ["on"] + keys, in: "a \(on) trigger")
            switch on {
            case "schedule":
                guard let cronNode = map["cron"] else {
                    throw reader.error(
                        .missingKey, "a schedule trigger needs `cron`, such as \"0 2 * * 0\"", at: item)
                }
                let cron = try reader.text(cronNode, "`cron`")
                let fields = cron.split(separator: " ", omittingEmptySubsequences: true)
                let allowed = Set("0123456789*/,-")
                guard fields.count == 5, fields.allSatisfy({ $0.allSatisfy(allowed.contains) }) else {
                    throw reader.error(
                        .badValue,
                        "`cron` is \"\(cron)\"; expected five fields (minute hour day month weekday) such as \"0 2 * * 0\"",
                        at: cronNode)
                }
                return .schedule(cron: fields.joined(separator: " "))
            case "drift":
                let method = try map["method"].map {
                    try parseSetting("method", $0, what: "the drift trigger's `method`", reader).display
                }
                let threshold = try map["threshold"].map {
                    try GateConfigLoader.number($0, "the drift trigger's `threshold`", reader)
                }
                return .drift(method: method ?? "auto", threshold: threshold)
            default:
                return .dataChange(paths: try map["paths"].map { try reader.texts($0, "the trigger's `paths`") } ?? [])
            }
        }
    }
}
