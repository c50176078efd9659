import Foundation
import GRDB

@testable import PipelineEngine

/// A workspace made from the real `Sandbox/` templates, whose clock advances run real pipelines.
///
/// It has the data, suites, gates, params, pipeline and scenarios. Predictions are real; only their
/// timing is fixed, all versions alike, so rollouts do not depend on the machine's load.
final class TriggerSandbox {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sandbox").path

    let directory: TemporaryDirectory
    let workspace: Workspace

    init(pipeline: String? = nil, gates: String? = nil) throws {
        directory = try TemporaryDirectory("triggers")
        try SandboxManager(templates: Self.templates).initialise(at: directory.path + "/sandbox")
        workspace = try Workspace(root: directory.path + "/sandbox")
        if let pipeline { try write("pipeline.yaml", pipeline) }
        if let gates { try write("gates.yaml", gates) }
    }

    deinit { directory.remove() }

    func write(_ relative: String, _ text: String) throws {
        try text.write(toFile: workspace.root + "/" + relative, atomically: true, encoding: .utf8)
    }

    /// Advances the clock as `clock advance` does, with fixed prediction timing.
    @discardableResult
    func advance(_ text: String, force: Bool = false) throws -> ClockAdvanceReport {
        var clock = ProductionClock(workspace: workspace)
        clock.meter = LatencyMeter { _, predict in (predict(), 0.01) }
        clock.force = force
        return try clock.advance(by: SimulatedDuration(parsing: text), actor: "ada")
    }

    func aliases() throws -> (champion: Int?, challenger: Int?) {
        let registry = ModelRegistry(workspace: workspace)
        return (try registry.aliased("champion")?.version, try registry.aliased("challenger")?.version)
    }

    /// The audit log's actions, as `action subject` lines (the actor left out).
    func actions() throws -> [String] {
        try workspace.state.auditLog().map { "\($0.action) \($0.subject)" }
    }

    func runCount() throws -> Int {
        try workspace.state.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pipeline_run") ?? 0 }
    }

    /// The template pipeline with its triggers replaced by `triggers` (YAML list items).
    static func pipeline(triggers: String, strategy: String = "canary") throws -> String {
        let text = try String(contentsOfFile: templates + "/pipeline.yaml", encoding: .utf8)
        let stages = text.components(separatedBy: "triggers:")[0]
        return stages.replacingOccurrences(of: "strategy: canary", with: "strategy: \(strategy)") + "triggers:\n"
            + triggers
    }

    static func date(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text + ":00Z") ?? .distantPast
    }
}
