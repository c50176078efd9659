import Foundation
import LabSupport

/// Runs a `train` stage: trains with the params the stage lists, writes the model to its first
/// output, registers it with lineage (data, params and pipeline hashes, run id) and points the
/// `challenger` alias at it.
///
/// Params are matched by their last part: `train.model` picks the model kind, `train.seed` the
/// seed, `train.test_ratio` the split, `train.features` the columns; every other one
/// (`train.C`, `train.k`) is a model setting, checked by the trainer.
struct TrainExecutor: StageExecutor {
    func run(_ stage: StageDefinition, in context: StageContext) throws -> StageOutcome {
        let dataName = stage.text("data") ?? ""
        let dataPath = try context.path(dataName)
        context.progress(0.05, "reading \(dataName)")
        var request = TrainingRequest(
            train: try StageData.table(at: dataPath, named: dataName), target: stage.text("target") ?? "",
            dataHash: try ContentHash.hex(fileAt: dataPath))
        if let test = stage.text("test") { request.test = try StageData.table(at: try context.path(test), named: test) }
        if let ratio = stage.text("test_ratio").flatMap(Double.init) { request.testRatio = ratio }
        if let features = stage.settings["features"]?.list { request.features = features }
        for key in stage.params.sorted() {
            let value = context.params[key] ?? ""
            let name = String(key.split(separator: ".").last ?? "")
            switch name {
            case "model": request.model = try ModelKind.named(value)
            case "seed":
                guard let seed = UInt64(value) else {
                    throw LabError(
                        .pipelineBadParam, "param '\(key)' is '\(value)'; a seed is a whole number such as 42")
                }
                request.seed = seed
            case "test_ratio":
                guard let ratio = Double(value) else {
                    throw LabError(.pipelineBadParam, "param '\(key)' is '\(value)'; expected a share such as 0.2")
                }
                request.testRatio = ratio
            case "features":
                request.features = value.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            default: request.params[name] = value
            }
        }
        context.progress(0.2, "training \(request.model.rawValue) on \(request.train.rowCount) rows")
        let outcome = try Trainer.train(request)
        guard let out = stage.outs.first else {
            throw LabError(.pipelineMissingOutput, "stage '\(stage.name)' has no `outs` to write the model to")
        }
        // Written relative to the workspace's descriptor: a folder on the way swapped for a
        // symlink after `path` checked it is refused, not followed.
        let modelPath = try context.path(out)
        let bytes = try outcome.model.save(to: modelPath, in: context.workspace.files)
        context.progress(0.9, "registering the model")
        let metrics = StageData.metrics(outcome.report.metrics)
        let version = try register(bytes, outcome.model, metrics: metrics, stage: stage, context: context)
        let width = outcome.report.encodings.map(\.width).reduce(0, +)
        let report = TrainPayload(report: outcome.report, version: version)
        let summary =
            "\(request.model.rawValue) on \(outcome.report.trainRows) rows, \(outcome.model.features.count) features: "
            + "\(StageData.headline(metrics)) on \(outcome.report.testRows) test rows; registered v\(version) as challenger"
        return StageOutcome(
            summary: summary, metrics: metrics, payload: try StageData.json(report),
            work: Double(outcome.report.trainRows * max(1, width) * max(1, outcome.report.iterations ?? 1)))
    }

    /// A cached model is the pipeline's candidate again: `challenger` points back at its version,
    /// unless that version is the champion already.
    func restoreChangesNothing(_ stage: StageDefinition, record: StageRecord, in context: StageContext) throws -> Bool {
        guard let out = record.outs.first else { return true }
        return try ModelRegistry(workspace: context.workspace).aliasedArtifactHash("challenger") == out.sha256
    }

    func restored(_ stage: StageDefinition, record: StageRecord, in context: StageContext) throws {
        guard let out = record.outs.first else { return }
        let registry = ModelRegistry(workspace: context.workspace)
        let challenger = try registry.aliased("challenger")
        if challenger?.artifactHash == out.sha256 { return }
        let reason = "restored from the cache of run #\(record.runID)"
        if let known = try registry.list().last(where: { $0.artifactHash == out.sha256 }) {
            // A model that already shipped is nobody's challenger.
            let champion = try registry.aliased("champion")?.version
            if challenger?.version != known.version, champion != known.version {
                try registry.setAlias("challenger", to: "v\(known.version)", actor: context.actor, reason: reason)
            }
            return
        }
        // The registry was reset since: register the cached model again.
        let path = try context.path(out.path)
        guard let bytes = try context.workspace.files.contents(of: path) else {
            throw LabError(.pipelineMissingOutput, "cannot read the model restored to \(out.path)")
        }
        _ = try register(
            bytes, try StageData.model(at: path, named: out.path), metrics: record.metrics, stage: stage,
            context: context)
    }

    private func register(
        _ bytes: Data, _ model: TrainedModel, metrics: [String: Double], stage: StageDefinition,
        context: StageContext
    ) throws -> Int {
        let registry = ModelRegistry(workspace: context.workspace)
        let entry = try registry.register(
            modelData: bytes,
            ModelRegistration(
                kind: model.kind, target: model.target, features: model.features,
                lineage: Lineage(
                    dataHash: model.dataHash, paramsHash: model.paramsHash,
                    pipelineHash: context.pipeline.hash, runID: context.runID),
                metrics: metrics, source: "pipeline run #\(context.runID), stage \(stage.name)"),
            actor: context.actor)
        try registry.setAlias(
            "challenger", to: "v\(entry.version)", actor: context.actor,
            reason: "trained by pipeline run #\(context.runID)")
        return entry.version
    }
}

/// What a train stage leaves for people and later stages: the training report and the version.
struct TrainPayload: Encodable {
    var report: TrainingReport
    var version: Int
}
