import Foundation
import Testing

@testable import PipelineEngine

/// A sandbox workspace for pipeline tests, made by `SandboxManager` from a template folder.
struct PipelineSandbox {
    let dir: TemporaryDirectory
    let workspace: Workspace
    /// Which stages the test executors ran, in order, across runs.
    let log = ExecutionLog()

    /// The five-stage pipeline most tests run: two trainers share the validated data.
    static let pipeline = """
        stages:
          validate:
            kind: validate
            data: data/train.csv
            suite: suites/train.yaml
          train:
            kind: train
            needs: [validate]
            data: data/train.csv
            target: churned
            params: [train.C, train.seed]
            outs: [models/candidate.json]
          baseline:
            kind: train
            needs: [validate]
            data: data/train.csv
            target: churned
            params: [baseline.k]
            outs: [models/baseline.json]
          evaluate:
            kind: evaluate
            needs: [train]
            data: data/test.csv
          gate:
            kind: gate
            needs: [evaluate]
            gates: gates.yaml
        """

    static let params = """
        train:
          C: 1.0
          seed: 7
        baseline:
          k: 5
        """

    init(
        pipeline: String = PipelineSandbox.pipeline, params: String = PipelineSandbox.params,
        files: [String: String] = [:]
    ) throws {
        dir = try TemporaryDirectory("pipeline")
        var templates: [String: String] = [
            "pipeline.yaml": pipeline,
            "params.yaml": params,
            "data/train.csv": "tenure,churned\n1,1\n5,0\n9,0\n",
            "data/test.csv": "tenure,churned\n2,1\n8,0\n",
            "suites/train.yaml": "expectations:\n  - expect: columns_exist\n    columns: [tenure, churned]\n",
            "gates.yaml": "gates:\n  - type: threshold\n    metric: accuracy\n    min: 0.5\n",
        ]
        for (path, text) in files { templates[path] = text }
        for (path, text) in templates { try dir.write("templates/" + path, text) }
        try SandboxManager(templates: dir.path + "/templates").initialise(at: dir.path + "/ws")
        workspace = try Workspace(root: dir.path + "/ws")
    }

    var root: String { workspace.root }

    func write(_ relative: String, _ text: String) throws {
        try text.write(toFile: root + "/" + relative, atomically: true, encoding: .utf8)
    }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + relative)
    }

    func load(_ file: String = "pipeline.yaml") throws -> PipelineDefinition {
        try PipelineLoader.load(file, in: workspace)
    }

    /// Runs the pipeline with the test executors.
    @discardableResult
    func run(force: Bool = false, stage: String? = nil, recordsRepeatedNoOps: Bool = true) throws
        -> PipelineRunReport
    {
        var runner = PipelineRunner(workspace: workspace, pipeline: try load(), executors: TestExecutors.all(log))
        runner.actor = "tester"
        runner.recordsRepeatedNoOps = recordsRepeatedNoOps
        return try runner.run(force: force, only: stage)
    }

    /// Runs `stage` on its own, reading upstream results from `.lab/results/`, with the test executors.
    @discardableResult
    func runAlone(_ stage: String, force: Bool = false) throws -> PipelineRunReport {
        var runner = PipelineRunner(workspace: workspace, pipeline: try load(), executors: TestExecutors.all(log))
        runner.actor = "tester"
        return try runner.runAlone(stage, force: force)
    }

    func cleanUp() { dir.remove() }
}

/// The names of stages the test executors ran, in order.
final class ExecutionLog: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []

    func record(_ name: String) {
        lock.lock()
        names.append(name)
        lock.unlock()
    }

    /// Clears the log and returns what it held.
    func take() -> [String] {
        lock.lock()
        defer {
            names.removeAll()
            lock.unlock()
        }
        return names
    }
}

extension PipelineRunReport {
    /// Each stage's status in run order, as `name:status`.
    var statuses: [String] { stages.map { "\($0.name):\($0.status.rawValue)" } }

    func stage(_ name: String) -> StageReport? { stages.first { $0.name == name } }
}
