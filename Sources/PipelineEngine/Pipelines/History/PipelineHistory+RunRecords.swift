import Foundation
import GRDB

/// A stage's result in a recorded run: how it ended and why.
package struct RecordedStage: Sendable, Equatable {
    package var name: String
    package var status: StageReport.Status
    /// The runner's reason: "inputs changed", "restored from the cache of run #2", ...
    package var reason: String

    package init(name: String, status: StageReport.Status, reason: String) {
        self.name = name
        self.status = status
        self.reason = reason
    }

    /// Whether the stage was cached and put outputs that were missing or changed back from the
    /// artifact store (the runner says so in its reason: "…; restored models/candidate.json from
    /// the artifact store").
    package var restoredOutputs: Bool {
        status == .cached && reason.contains("; restored ")
    }
}

/// A gate's verdict in a recorded run.
package struct RecordedGate: Sendable, Equatable {
    /// The stage that judged it.
    package var stage: String
    package var name: String
    package var status: GateResult.Status
    /// The reason in words, with numbers: "accuracy 0.812 < 0.850".
    package var message: String

    package init(stage: String, name: String, status: GateResult.Status, message: String) {
        self.stage = stage
        self.name = name
        self.status = status
        self.message = message
    }

    /// Whether the gate failed for want of a measurement, which says nothing about the model.
    package var failedUnmeasured: Bool {
        status == .failed && message.contains("was not measured")
    }
}

/// A metric a stage recorded in a run.
package struct RecordedMetric: Sendable, Equatable {
    package var stage: String
    package var name: String
    package var value: Double

    package init(stage: String, name: String, value: Double) {
        self.stage = stage
        self.name = name
        self.value = value
    }
}

extension PipelineHistory {
    /// The highest run id (0 before the first run), without marking interrupted runs.
    package func lastRunID() throws -> Int {
        try state.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM pipeline_run") ?? 0
        }
    }

    /// The stage results of run `id`, in the order the stages ran.
    package func stages(ofRun id: Int) throws -> [RecordedStage] {
        try state.pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT name, status, reason FROM stage_result WHERE run_id = ? ORDER BY position",
                arguments: [id]
            ).map { row in
                RecordedStage(
                    name: row["name"], status: try StateStore.decode(row["status"], as: "stage status"),
                    reason: row["reason"])
            }
        }
    }

    /// The gate verdicts of run `id`, by stage name and then in the order each stage judged them.
    package func gates(ofRun id: Int) throws -> [RecordedGate] {
        try state.pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT stage, name, status, message FROM run_gate WHERE run_id = ? ORDER BY stage, position",
                arguments: [id]
            ).map { row in
                RecordedGate(
                    stage: row["stage"], name: row["name"],
                    status: try StateStore.decode(row["status"], as: "gate status"), message: row["message"])
            }
        }
    }

    /// The metrics of run `id`, those of the stage that ran last first.
    package func metrics(ofRun id: Int) throws -> [RecordedMetric] {
        try state.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT m.stage, m.name, m.value FROM run_metric m
                    LEFT JOIN stage_result s ON s.run_id = m.run_id AND s.name = m.stage
                    WHERE m.run_id = ? ORDER BY s.position DESC
                    """, arguments: [id]
            ).map { RecordedMetric(stage: $0["stage"], name: $0["name"], value: $0["value"]) }
        }
    }
}

/// The newest run as ``PipelineRunner`` compares a rerun with it.
struct LastRun {
    struct Stage {
        var name: String
        var status: StageReport.Status
        var reason: String
        var cachedFrom: Int?
    }

    var id: Int
    var status: String
    var forced: Bool
    var target: String?
    var pipelineHash: String?
    var stages: [Stage]
}

extension PipelineHistory {
    /// The newest run (finished or not) with its stages, in one read; nil before the first.
    func lastRun() throws -> LastRun? {
        try state.pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT id, status, forced, target_stage, pipeline_hash FROM pipeline_run
                        ORDER BY id DESC LIMIT 1
                        """)
            else { return nil }
            let id: Int = row["id"]
            let stages = try Row.fetchAll(
                db,
                sql: "SELECT name, status, reason, cached_from FROM stage_result WHERE run_id = ? ORDER BY position",
                arguments: [id]
            ).map { stage in
                LastRun.Stage(
                    name: stage["name"], status: try StateStore.decode(stage["status"], as: "stage status"),
                    reason: stage["reason"], cachedFrom: stage["cached_from"])
            }
            return LastRun(
                id: id, status: row["status"], forced: row["forced"], target: row["target_stage"],
                pipelineHash: row["pipeline_hash"], stages: stages)
        }
    }
}
