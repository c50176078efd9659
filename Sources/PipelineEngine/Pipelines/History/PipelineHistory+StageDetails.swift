import Foundation
import GRDB

/// A stage's result in a recorded run with its time and cost, for reports.
package struct StageDetail: Sendable, Encodable, Equatable {
    package var name: String
    package var kind: String
    package var status: String
    package var reason: String
    package var seconds: Double
    package var cost: Double
    /// What running it again from scratch would have cost, when it was cached.
    package var savedCost: Double
}

extension PipelineHistory {
    /// The stages of run `id` with their time and cost, in the order they ran.
    package func stageDetails(ofRun id: Int) throws -> [StageDetail] {
        try state.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT name, kind, status, reason, seconds, cost, saved_cost FROM stage_result
                    WHERE run_id = ? ORDER BY position
                    """, arguments: [id]
            ).map { row in
                StageDetail(
                    name: row["name"], kind: row["kind"], status: row["status"], reason: row["reason"],
                    seconds: row["seconds"], cost: row["cost"], savedCost: row["saved_cost"])
            }
        }
    }
}
