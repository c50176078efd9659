import Foundation
import GRDB

/// Reads and writes rollouts and their analyses in `state.sqlite` (tables `deployment` and
/// `deployment_analysis`).
package struct RolloutStore: Sendable {
    package let state: StateStore

    package init(state: StateStore) {
        self.state = state
    }

    /// Every rollout, oldest first.
    package func all() throws -> [Rollout] {
        try state.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM deployment ORDER BY id").map(Self.decode)
        }
    }

    /// The most recent rollout, if any.
    package func latest() throws -> Rollout? {
        try state.pool.read { db in try Self.latest(db) }
    }

    /// The rollout with `id`.
    package func rollout(_ id: Int) throws -> Rollout? {
        try state.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM deployment WHERE id = ?", arguments: [id]).map(Self.decode)
        }
    }

    /// The analysed steps of rollout `id`, in order.
    package func analyses(of id: Int) throws -> [StepAnalysis] {
        let rows = try state.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT step_index, weight, verdict, detail, measurements FROM deployment_analysis
                    WHERE deployment_id = ? ORDER BY id
                    """, arguments: [id])
        }
        var steps: [StepAnalysis] = []
        for row in rows {
            let index: Int = row["step_index"]
            let detail: String = row["detail"]
            let text: String = row["measurements"]
            let skipped = detail == Self.skippedDetail
            let interval = skipped ? nil : try JSONDecoder().decode(IntervalAnalysis.self, from: Data(text.utf8))
            if steps.last?.stepIndex != index {
                steps.append(
                    StepAnalysis(
                        stepIndex: index, weight: row["weight"], verdict: .successful,
                        intervals: [], skipped: skipped))
            }
            if let interval {
                steps[steps.count - 1].intervals.append(interval)
                if interval.verdict == .failed { steps[steps.count - 1].verdict = .failed }
            }
        }
        return steps
    }

    static let skippedDetail = "skipped: promoted by hand"

    static func latest(_ db: Database) throws -> Rollout? {
        try Row.fetchOne(db, sql: "SELECT * FROM deployment ORDER BY id DESC LIMIT 1").map(decode)
    }

    static func active(_ db: Database) throws -> Rollout? {
        let statuses = RolloutStatus.allCases.filter(\.isActive).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try Row.fetchOne(
            db, sql: "SELECT * FROM deployment WHERE status IN (\(statuses)) ORDER BY id DESC LIMIT 1"
        )
        .map(decode)
    }

    static func insert(_ rollout: Rollout, _ db: Database) throws -> Int {
        let steps = String(decoding: try JSONEncoder.sorted.encode(rollout.steps), as: UTF8.self)
        let times = String(decoding: try JSONEncoder.sorted.encode(rollout.serviceTimes), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO deployment (strategy, candidate_version, champion_version, steps, step_index, status, reason,
                    started_at, updated_at, started_by, load_level, service_times, simulated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                rollout.strategy.rawValue, rollout.candidate, rollout.champion, steps, rollout.stepIndex,
                rollout.status.rawValue, rollout.reason, rollout.startedAt, rollout.updatedAt,
                rollout.startedBy, rollout.loadLevel.rawValue, times, rollout.simulatedAt,
            ])
        return Int(db.lastInsertedRowID)
    }

    static func update(
        _ id: Int, status: RolloutStatus, stepIndex: Int, reason: String, at: Date,
        _ db: Database
    ) throws {
        try db.execute(
            sql: "UPDATE deployment SET status = ?, step_index = ?, reason = ?, updated_at = ? WHERE id = ?",
            arguments: [status.rawValue, stepIndex, reason, at, id])
    }

    static func record(
        _ interval: IntervalAnalysis, rollout: Int, step: Int, weight: Int, at: Date,
        _ db: Database
    ) throws {
        let json = String(decoding: try JSONEncoder.sorted.encode(interval), as: UTF8.self)
        let detail = interval.verdict == .failed ? interval.failureReason : "all conditions met"
        try db.execute(
            sql: """
                INSERT INTO deployment_analysis (deployment_id, step_index, weight, at, verdict, detail, measurements)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [rollout, step, weight, at, interval.verdict.rawValue, detail, json])
    }

    static func recordSkipped(rollout: Int, step: Int, weight: Int, at: Date, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO deployment_analysis (deployment_id, step_index, weight, at, verdict, detail, measurements)
                VALUES (?, ?, ?, ?, 'successful', ?, '{}')
                """, arguments: [rollout, step, weight, at, skippedDetail])
    }

    static func decode(_ row: Row) throws -> Rollout {
        let stepsText: String = row["steps"]
        let timesText: String = row["service_times"]
        let started: Date = row["started_at"]
        return Rollout(
            id: row["id"], strategy: DeploymentStrategy(rawValue: row["strategy"]) ?? .direct,
            candidate: row["candidate_version"], champion: row["champion_version"],
            steps: try JSONDecoder().decode([Int].self, from: Data(stepsText.utf8)),
            stepIndex: row["step_index"], status: RolloutStatus(rawValue: row["status"]) ?? .aborted,
            reason: row["reason"], loadLevel: LoadLevel(rawValue: row["load_level"]) ?? .normal,
            serviceTimes: try JSONDecoder().decode([ServiceTime].self, from: Data(timesText.utf8)),
            simulatedAt: row["simulated_at"] ?? started, startedAt: started, updatedAt: row["updated_at"],
            startedBy: row["started_by"])
    }
}
