import GRDB

/// What deployments add to `state.sqlite` on top of the v2 tables: each rollout's load level,
/// measured service times and simulated start; lab settings (load level, platform baseline,
/// scenario); and the log of every request production served.
enum DeploymentSchema {
    static let migration = "v3-rollouts-serving"

    static func migrate(_ db: Database) throws {
        try db.alter(table: "deployment") { t in
            t.add(column: "load_level", .text).notNull().defaults(to: LoadLevel.normal.rawValue)
            t.add(column: "service_times", .text).notNull().defaults(to: "[]")
            t.add(column: "simulated_at", .datetime)
        }
        try db.create(table: "lab_setting") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
            t.column("updated_at", .datetime).notNull()
        }
        try db.create(table: "served_request") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("deployment_id", .integer).references("deployment", onDelete: .setNull)
            /// Simulated time of the request.
            t.column("at", .datetime).notNull()
            /// The production stream's day, and the row's position in that day's batch.
            t.column("stream_day", .integer).notNull()
            t.column("row", .integer).notNull()
            /// The version whose answer was served, and its answer (null when it failed).
            t.column("served_version", .integer).notNull()
            t.column("prediction", .text)
            /// A shadow's answer, logged and compared, never served.
            t.column("shadow_version", .integer)
            t.column("shadow_prediction", .text)
            /// Platform latency in milliseconds (service plus queueing, the timeout when it timed out).
            t.column("latency_ms", .double).notNull()
            /// Why it failed: `timeout`, or the model's error; null when it was answered.
            t.column("error", .text)
            /// The label as it will be reported, and the stream day it comes back.
            t.column("label", .text)
            t.column("label_day", .integer).notNull()
        }
        try db.create(index: "served_request_by_day", on: "served_request", columns: ["stream_day"])
    }
}
