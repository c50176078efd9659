import Foundation
import LabSupport

/// The checks of a parsed pipeline that need the whole graph or the workspace: stage
/// references, outputs, inferred inputs, cycles, files and params.
struct PipelineChecks {
    let pipeline: PipelineDefinition
    let paths: WorkspacePaths

    var file: String { pipeline.file }

    func error(_ code: LabError.Code, _ message: String, at location: PipelineFilePosition?) -> LabError {
        LabError(code, message, file: file, line: location?.line, column: location?.column)
    }

    /// Checks `pipeline` and fills in each stage's dependencies and upstream stages and the run order.
    func check(_ pipeline: inout PipelineDefinition) throws {
        let names = pipeline.stages.map(\.name)
        let known = Set(names)
        for stage in pipeline.stages {
            for (index, need) in stage.needs.enumerated() where !known.contains(need) || need == stage.name {
                let at = stage.keyLocations["needs[\(index)]"] ?? stage.keyLocations["needs"]
                if need == stage.name {
                    throw error(
                        .pipelineCycle, "stage '\(need)' needs itself; a stage cannot wait for its own results", at: at)
                }
                var message = "stage '\(stage.name)' needs '\(need)', which is not a stage of this pipeline"
                if let guess = closestMatch(to: need, among: names) {
                    message += "; did you mean '\(guess)'?"
                } else {
                    message += " (its stages: \(names.joined(separator: ", ")))"
                }
                throw error(.pipelineUnknownStage, message, at: at)
            }
        }
        // Normalise every path and find which stage writes each output.
        var producer: [String: String] = [:]
        for index in pipeline.stages.indices {
            var stage = pipeline.stages[index]
            stage.outs = try stage.outs.enumerated().map {
                try normalise($1, stage, key: "outs[\($0)]", fallback: "outs")
            }
            for (position, out) in stage.outs.enumerated() {
                if let other = producer[out] {
                    throw error(
                        .pipelineDuplicateOutput,
                        "'\(out)' is an output of both '\(other)' and '\(stage.name)'; each file must have one producer",
                        at: stage.keyLocations["outs[\(position)]"] ?? stage.keyLocations["outs"])
                }
                producer[out] = stage.name
            }
            for key in stage.settings.keys.sorted() where StageSchema.fileKeys.contains(key) {
                if let value = stage.settings[key]?.text {
                    stage.settings[key] = .text(try normalise(value, stage, key: key))
                }
            }
            stage.deps = try stage.deps.enumerated().map {
                try normalise($1, stage, key: "deps[\($0)]", fallback: "deps")
            }
            stage.dependencies = orderedUnique(
                StageSchema.fileKeys.sorted().compactMap { stage.settings[$0]?.text } + stage.deps)
            pipeline.stages[index] = stage
        }
        // Upstream stages: `needs`, plus the producers of the files a stage reads.
        for index in pipeline.stages.indices {
            var stage = pipeline.stages[index]
            var upstream = stage.needs
            for dependency in stage.dependencies {
                guard let maker = producer[dependency] else { continue }
                if maker == stage.name {
                    throw error(
                        .pipelineCycle, "stage '\(stage.name)' reads '\(dependency)', which it writes itself",
                        at: location(of: dependency, in: stage))
                }
                upstream.append(maker)
            }
            stage.upstream = orderedUnique(upstream)
            pipeline.stages[index] = stage
        }
        let graph = PipelineGraph(pipeline.stages)
        if let cycle = graph.cycle() {
            let first = pipeline.stage(cycle[0])
            let next = cycle.count > 1 ? cycle[1] : cycle[0]
            let at = first.flatMap { stage in
                stage.needs.firstIndex(of: next).flatMap { stage.keyLocations["needs[\($0)]"] } ?? stage.location
            }
            let links = cycle.indices.map { "\(cycle[$0]) needs \(cycle[($0 + 1) % cycle.count])" }
            throw error(
                .pipelineCycle,
                "the stages form a cycle: \(links.joined(separator: ", ")); a stage cannot depend on its own results",
                at: at)
        }
        pipeline.order = graph.order
        try inferInputs(&pipeline, graph: graph)
        try checkFiles(pipeline, producer: producer)
        try checkParams(pipeline)
        try checkTriggers(pipeline)
        try checkGateConfigs(pipeline, producer: producer)
    }

    /// Adds the files a stage takes from upstream: the model an evaluate or gate stage scores
    /// and the data a gate's evaluation used.
    private func inferInputs(_ pipeline: inout PipelineDefinition, graph: PipelineGraph) throws {
        var byName = Dictionary(uniqueKeysWithValues: pipeline.stages.map { ($0.name, $0) })
        for index in pipeline.stages.indices {
            var stage = pipeline.stages[index]
            let ancestors = { graph.ancestors(of: stage.name).lazy.compactMap { byName[$0] } }
            switch stage.kind {
            case .evaluate where stage.settings["model"] == nil, .test where stage.settings["model"] == nil:
                guard let train = ancestors().first(where: { $0.kind == .train }), let model = train.outs.first else {
                    throw error(
                        .pipelineNoModel,
                        "stage '\(stage.name)' (\(stage.kind == .test ? "a test" : "an evaluate") stage) has no model to \(stage.kind == .test ? "test" : "score"): give it `model: FILE` or make it need a train stage",
                        at: stage.location)
                }
                stage.settings["model"] = .text(model)
            case .gate:
                guard let evaluation = ancestors().first(where: { $0.kind == .evaluate }) else {
                    throw error(
                        .pipelineNoEvaluation,
                        "stage '\(stage.name)' (a gate stage) judges an evaluation, but no evaluate stage comes before it; add one to its `needs`",
                        at: stage.location)
                }
                if stage.settings["model"] == nil { stage.settings["model"] = evaluation.settings["model"] }
                if stage.settings["data"] == nil { stage.settings["data"] = evaluation.settings["data"] }
            default:
                break
            }
            stage.dependencies = orderedUnique(
                stage.dependencies + StageSchema.fileKeys.sorted().compactMap { stage.settings[$0]?.text })
            pipeline.stages[index] = stage
            byName[stage.name] = stage
        }
    }

    private func checkFiles(_ pipeline: PipelineDefinition, producer: [String: String]) throws {
        for stage in pipeline.stages {
            for dependency in stage.dependencies where producer[dependency] == nil {
                let path = try paths.resolve(dependency, in: file, line: location(of: dependency, in: stage)?.line)
                if !FileManager.default.fileExists(atPath: path) {
                    throw error(
                        .pipelineMissingFile,
                        "stage '\(stage.name)' reads '\(dependency)', which does not exist (and no stage writes it)",
                        at: location(of: dependency, in: stage))
                }
            }
        }
    }

    private func checkParams(_ pipeline: PipelineDefinition) throws {
        let known = pipeline.params.values.keys.sorted()
        for stage in pipeline.stages {
            for (index, key) in stage.params.enumerated() where pipeline.params.values[key] == nil {
                let at = stage.keyLocations["params[\(index)]"] ?? stage.keyLocations["params"]
                guard pipeline.params.exists else {
                    throw error(
                        .pipelineMissingParams,
                        "stage '\(stage.name)' uses param '\(key)', but there is no \(pipeline.params.file) in the workspace",
                        at: at)
                }
                var message = "stage '\(stage.name)' uses param '\(key)', which \(pipeline.params.file) does not have"
                if let guess = closestMatch(to: key, among: known) { message += "; did you mean '\(guess)'?" }
                throw error(.pipelineUnknownParam, message, at: at)
            }
        }
    }

    /// Each gate stage's configuration, read now so that a typo in it (`metric: F1`) stops the
    /// run before any stage works, with the configuration's own file, line and column.
    private func checkGateConfigs(_ pipeline: PipelineDefinition, producer: [String: String]) throws {
        for stage in pipeline.stages where stage.kind == .gate {
            guard let gates = stage.settings["gates"]?.text, producer[gates] == nil else { continue }
            let path = try paths.resolve(gates, in: file)
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            guard attributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            _ = try GateConfigLoader.loadConfig(path: path, displayName: gates)
        }
    }

    private func checkTriggers(_ pipeline: PipelineDefinition) throws {
        for case .dataChange(let watched) in pipeline.triggers {
            for path in watched {
                let resolved = try paths.resolve(path, in: file)
                if !FileManager.default.fileExists(atPath: resolved) {
                    throw LabError(
                        .pipelineMissingFile, "the data_change trigger watches '\(path)', which does not exist",
                        file: file)
                }
            }
        }
    }

    /// A path as the workspace sees it (`./data/a.csv` is `data/a.csv`), refused if it leaves.
    private func normalise(_ path: String, _ stage: StageDefinition, key: String, fallback: String? = nil) throws
        -> String
    {
        let at = stage.keyLocations[key] ?? fallback.flatMap { stage.keyLocations[$0] }
        do {
            return paths.relative(try paths.resolve(path, in: file, line: at?.line))
        } catch var error as LabError {
            error.column = at?.column
            throw error
        }
    }

    /// Where `path` is named in `stage`, if it was written there.
    private func location(of path: String, in stage: StageDefinition) -> PipelineFilePosition? {
        for key in StageSchema.fileKeys.sorted() where stage.settings[key]?.text == path {
            if let at = stage.keyLocations[key] { return at }
        }
        if let index = stage.deps.firstIndex(of: path) {
            return stage.keyLocations["deps[\(index)]"] ?? stage.keyLocations["deps"]
        }
        return stage.location
    }
}

/// `items` without repeats, in first-seen order.
func orderedUnique(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
}
