import Foundation

@testable import LabSupport
@testable import PipelineEngine

/// Stand-in executors that do small, deterministic, countable work so the runner's ordering,
/// caching, lock file and accounting can be specified without real training.
enum TestExecutors {
    static func all(_ log: ExecutionLog) -> StageExecutors {
        var executors = StageExecutors()
        executors[.validate] = Fake(log: log, work: 1_000)
        executors[.train] = Fake(log: log, work: 400_000)
        executors[.evaluate] = Fake(log: log, work: 10_000)
        executors[.gate] = FakeGate(log: log)
        return executors
    }

    /// Hashes its dependencies and params into each output, so any change to them shows
    /// downstream; reports `accuracy` = 0.8 + C / 100 when it reads a `train.C` param; throws
    /// when a dependency holds just `throw`, so a stage that fails can be specified.
    struct Fake: StageExecutor {
        let log: ExecutionLog
        let work: Double

        func run(_ stage: StageDefinition, in context: StageContext) throws -> StageOutcome {
            log.record(stage.name)
            var digest = stage.name
            for dep in stage.dependencies {
                let path = try context.path(dep)
                if FileManager.default.contents(atPath: path) == Data("throw".utf8) {
                    throw LabError("test.thrown", "\(dep) says throw")
                }
                digest += try ContentHash.hex(fileAt: path)
            }
            for key in stage.params.sorted() { digest += "\(key)=\(context.params[key] ?? "")" }
            for out in stage.outs {
                let path = try context.path(out)
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true)
                try ContentHash.hex(digest).write(toFile: path, atomically: true, encoding: .utf8)
            }
            context.progress(0.5, "half way")
            var metrics: [String: Double] = [:]
            if stage.kind == .evaluate, let model = stage.text("model") {
                let text = try String(contentsOfFile: try context.path(model), encoding: .utf8)
                metrics["accuracy"] = 0.8 + Double(text.utf8.reduce(0) { $0 + Int($1) } % 10) / 100
            }
            let payload = try JSONSerialization.data(
                withJSONObject: ["metrics": metrics, "digest": ContentHash.hex(digest)],
                options: [.sortedKeys])
            return StageOutcome(summary: "\(stage.kind.rawValue) done", metrics: metrics, payload: payload, work: work)
        }
    }

    /// Judges the upstream evaluation's accuracy with the real gate loader and evaluator.
    struct FakeGate: StageExecutor {
        let log: ExecutionLog

        func externalInputs(for stage: StageDefinition, in context: StageContext) throws -> [String: String] {
            let champion = try ModelRegistry(workspace: context.workspace).aliased("champion")
            return ["champion": champion.map { "v\($0.version)" } ?? "none"]
        }

        func run(_ stage: StageDefinition, in context: StageContext) throws -> StageOutcome {
            log.record(stage.name)
            let gates = try GateConfigLoader.load(path: try context.path(stage.text("gates") ?? ""))
            guard let evaluation = context.nearestUpstream(.evaluate, of: stage) else {
                throw LabError("test.no_evaluation", "no evaluation upstream")
            }
            let report = GateEvaluator.evaluate(gates, evidence: GateEvidence(metrics: evaluation.metrics))
            return StageOutcome(
                failure: report.blocking.map { "required gate '\($0.name)' failed: \($0.message)" },
                summary: "\(report.results.count) gates", gates: report.results, work: 50_000)
        }
    }
}
