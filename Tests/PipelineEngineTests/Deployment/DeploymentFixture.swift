import Foundation
import GRDB

@testable import PipelineEngine

/// A fresh sandbox workspace with real churn models in its registry, for deployment tests.
///
/// `v1` is a weak logistic model (two features, 300 rows); `v2` and `v3` are the same strong
/// model (every feature, 2000 rows), registered twice so that one can be timed as fast and the
/// other as three times slower. Predictions are real; only the clock that times them is fixed
/// (``meter``), because a test must not depend on how busy the machine is.
final class DeploymentFixture {
    let directory: TemporaryDirectory
    let workspace: Workspace
    /// Milliseconds one prediction takes, per version: v3 is three times slower than v1 and v2.
    static let predictionMs: [Int: Double] = [1: 0.01, 2: 0.01, 3: 0.03]

    init(_ label: String = "deploy") throws {
        directory = try TemporaryDirectory(label)
        try directory.write("templates/README.txt", "sandbox\n")
        try SandboxManager(templates: directory.path + "/templates").initialise(at: directory.path + "/sandbox")
        workspace = try Workspace(root: directory.path + "/sandbox")
        let data = try DatasetGenerator.generate(name: "churn", rows: 2000, seed: 7)
        let table = DataTable(rows: data.rows, schema: data.schema, source: "churn.csv")
        let small = DataTable(rows: Array(data.rows.prefix(300)), schema: data.schema, source: "churn-small.csv")
        try register(small, features: ["tenure", "support_calls"])
        let strong = ["tenure", "monthly_charges", "total_charges", "contract", "plan", "support_calls"]
        try register(table, features: strong)
        try register(table, features: strong)
    }

    deinit { directory.remove() }

    var meter: LatencyMeter {
        LatencyMeter { version, predict in (predict(), Self.predictionMs[version] ?? 0.01) }
    }

    var deployer: Deployer {
        get throws {
            var deployer = try Deployer(workspace: workspace)
            deployer.meter = meter
            return deployer
        }
    }

    var registry: ModelRegistry { ModelRegistry(workspace: workspace) }

    /// The versions the `champion` and `challenger` aliases point at.
    func aliases() throws -> (champion: Int?, challenger: Int?) {
        (try registry.aliased("champion")?.version, try registry.aliased("challenger")?.version)
    }

    /// The audit log's actions after the model registrations, as `action subject` lines.
    func auditTrail() throws -> [String] {
        try workspace.state.auditLog().filter { $0.action != "register" }.map {
            "\($0.actor) \($0.action) \($0.subject)"
        }
    }

    func setLoad(_ level: LoadLevel) throws {
        try LabSettings(state: workspace.state).setLoadLevel(level, actor: "ada", reason: "test")
    }

    private func register(_ table: DataTable, features: [String]) throws {
        var request = TrainingRequest(train: table, target: "churned", dataHash: String(repeating: "0", count: 64))
        request.features = features
        request.testRatio = 0.2
        let outcome = try Trainer.train(request)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try registry.register(
            modelData: try encoder.encode(outcome.model),
            ModelRegistration(
                kind: .logistic, target: "churned", features: features,
                lineage: Lineage(dataHash: outcome.model.dataHash, paramsHash: outcome.model.paramsHash),
                metrics: Dictionary(
                    uniqueKeysWithValues: outcome.report.metrics.entries.compactMap { entry in
                        entry.value.map { (entry.name, $0) }
                    }), source: table.source),
            actor: "ada")
    }
}

extension DeploymentFixture {
    var traffic: TrafficSimulator {
        get throws {
            var simulator = try TrafficSimulator(workspace: workspace)
            simulator.meter = meter
            return simulator
        }
    }

    /// Every served request as `day/row served_version prediction latency error`, in order.
    func servedLog() throws -> [String] {
        try workspace.state.pool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT stream_day || '/' || row || ' v' || served_version || ' ' || IFNULL(prediction, '-') || ' '
                        || printf('%.6f', latency_ms) || ' ' || IFNULL(error, '-') FROM served_request ORDER BY id
                    """)
        }
    }

    func advanceClock(_ text: String) throws {
        try SimulatedClock(state: workspace.state).advance(by: SimulatedDuration(parsing: text), actor: "ada")
    }
}
