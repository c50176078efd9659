import Foundation
import GRDB

/// Every pipeline run, stage result, metric, param and gate verdict in `state.sqlite`, and the
/// run cache that lets a stage with unchanged inputs be skipped.
package struct PipelineHistory: Sendable {
    package let state: StateStore

    package init(state: StateStore) {
        self.state = state
    }

    /// Where runs keep their owner locks: `.lab/runs/` beside `state.sqlite`.
    var ownerDirectory: String {
        (state.path as NSString).deletingLastPathComponent + "/runs"
    }

    /// Records the start of a run owned by `owner` (a lock this process holds) and returns its id.
    func startRun(
        pipeline: PipelineDefinition, forced: Bool, target: String?, actor: String, owner: RunOwnerLock, at: Date
    ) throws -> Int {
        try state.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO pipeline_run (pipeline, pipeline_hash, started_at, status, forced, target_stage, actor, owner)
                    VALUES (?, ?, ?, 'running', ?, ?, ?, ?)
                    """, arguments: [pipeline.file, pipeline.hash, at, forced, target, actor, owner.token])
            return Int(db.lastInsertedRowID)
        }
    }

    /// Marks runs whose process has ended without finishing them (killed, crashed) as
    /// `interrupted` at the workspace clock's time, with an audit entry each, and returns their ids.
    ///
    /// A run still `running` is in progress only while its process holds its owner lock; a run
    /// recorded before owners were (no owner) cannot be in progress either.
    @discardableResult
    package func markInterruptedRuns() throws -> [Int] {
        let running = try state.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, owner FROM pipeline_run WHERE status = 'running' ORDER BY id")
                .map { (id: $0["id"] as Int, owner: $0["owner"] as String?) }
        }
        let directory = ownerDirectory
        let gone = running.filter { run in
            run.owner.map { !RunOwnerLock.isHeld(token: $0, in: directory) } ?? true
        }
        guard !gone.isEmpty else { return [] }
        let marked = try state.pool.write { db -> [Int] in
            var marked: [Int] = []
            let now = try SimulatedClock.read(db)
            for run in gone {
                // The condition keeps a run that finished meanwhile as it finished.
                try db.execute(
                    sql: """
                        UPDATE pipeline_run SET status = 'interrupted', finished_at = ?
                        WHERE id = ? AND status = 'running'
                        """, arguments: [now, run.id])
                guard db.changesCount > 0 else { continue }
                try StateStore.audit(
                    db, actor: "lab", action: "pipeline run", subject: "run #\(run.id)",
                    detail: "interrupted: its process ended before the run finished")
                marked.append(run.id)
            }
            return marked
        }
        for run in gone { if let owner = run.owner { RunOwnerLock.remove(token: owner, in: directory) } }
        return marked
    }

    /// Records the finished run with its stages, metrics, params and gates, in one transaction.
    func finishRun(_ report: PipelineRunReport, params: [String: String], actor: String, at: Date) throws {
        try state.pool.write { db in
            try db.execute(
                sql: """
                    UPDATE pipeline_run SET finished_at = ?, status = ?, seconds = ?, cpu_minutes = ?, gpu_minutes = ?,
                        cost = ?, saved_cost = ? WHERE id = ?
                    """,
                arguments: [
                    at, report.status.rawValue, report.seconds, report.cpuMinutes, report.gpuMinutes,
                    report.cost, report.savedCost, report.runID,
                ])
            for (position, stage) in report.stages.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO stage_result (run_id, position, name, kind, status, reason, summary, seconds, cpu_minutes,
                            gpu_minutes, cost, saved_cost, cached_from)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        report.runID, position, stage.name, stage.kind.rawValue, stage.status.rawValue,
                        stage.reason, stage.summary, stage.seconds, stage.cpuMinutes, stage.gpuMinutes,
                        stage.cost, stage.savedCost, stage.cachedFrom,
                    ])
                for (name, value) in stage.metrics where value.isFinite {
                    try db.execute(
                        sql: "INSERT INTO run_metric (run_id, stage, name, value) VALUES (?, ?, ?, ?)",
                        arguments: [report.runID, stage.name, name, value])
                }
                for dep in stage.deps {
                    try db.execute(
                        sql:
                            "INSERT OR REPLACE INTO run_dep (run_id, stage, path, sha256, size) VALUES (?, ?, ?, ?, ?)",
                        arguments: [report.runID, stage.name, dep.path, dep.sha256, dep.size])
                }
                for (index, gate) in stage.gates.enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO run_gate (run_id, stage, position, name, type, required, status, message)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            report.runID, stage.name, index, gate.name, gate.type, gate.required,
                            gate.status.rawValue, gate.message,
                        ])
                }
            }
            for (key, value) in params {
                try db.execute(
                    sql: "INSERT INTO run_param (run_id, key, value) VALUES (?, ?, ?)",
                    arguments: [report.runID, key, value])
            }
            let ran = report.stages.filter { $0.status == .ran }.count
            let cached = report.stages.filter { $0.status == .cached }.count
            try StateStore.audit(
                db, actor: actor, action: "pipeline run", subject: "run #\(report.runID)",
                detail:
                    "\(report.status.rawValue): \(ran) ran, \(cached) cached, $\(String(format: "%.4f", report.cost))")
        }
    }

    /// The cached result of `stage` for inputs with `fingerprint`, if a successful run left one.
    func cachedRecord(stage: String, fingerprint: String) throws -> StageRecord? {
        let text = try state.pool.read { db in
            try String.fetchOne(
                db, sql: "SELECT record FROM stage_cache WHERE stage = ? AND fingerprint = ?",
                arguments: [stage, fingerprint])
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return text.flatMap { try? decoder.decode(StageRecord.self, from: Data($0.utf8)) }
    }

    /// Keeps a successful stage result for its inputs' fingerprint.
    func cache(_ record: StageRecord, fingerprint: String, at: Date) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let text = String(decoding: try encoder.encode(record), as: UTF8.self)
        try state.pool.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO stage_cache (stage, fingerprint, record, created_at) VALUES (?, ?, ?, ?)",
                arguments: [record.stage, fingerprint, text, at])
        }
    }
}
