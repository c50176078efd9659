import GRDB

/// The tables pipelines add to `state.sqlite`: runs, stage results, metrics, params, gate
/// verdicts, dependency hashes and the run cache.
enum PipelineSchema {
    static let migration = "v2-pipeline-runs"
    /// Adds `pipeline_run.owner`, the token of the lock its process holds while it runs.
    static let ownerMigration = "v5-pipeline-run-owner"

    static func migrateOwner(_ db: Database) throws {
        try db.alter(table: "pipeline_run") { t in t.add(column: "owner", .text) }
    }

    static func migrate(_ db: Database) throws {
        try db.create(table: "pipeline_run") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("pipeline", .text).notNull()
            t.column("pipeline_hash", .text).notNull()
            t.column("started_at", .datetime).notNull()
            t.column("finished_at", .datetime)
            /// running, passed, failed, or interrupted (its process ended before it finished).
            t.column("status", .text).notNull()
            t.column("forced", .boolean).notNull()
            t.column("target_stage", .text)
            t.column("actor", .text).notNull()
            t.column("seconds", .double).notNull().defaults(to: 0)
            t.column("cpu_minutes", .double).notNull().defaults(to: 0)
            t.column("gpu_minutes", .double).notNull().defaults(to: 0)
            t.column("cost", .double).notNull().defaults(to: 0)
            t.column("saved_cost", .double).notNull().defaults(to: 0)
        }
        try db.create(table: "stage_result") { t in
            t.column("run_id", .integer).notNull().references("pipeline_run", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("status", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("summary", .text)
            t.column("seconds", .double).notNull()
            t.column("cpu_minutes", .double).notNull()
            t.column("gpu_minutes", .double).notNull()
            t.column("cost", .double).notNull()
            t.column("saved_cost", .double).notNull()
            t.column("cached_from", .integer)
            t.primaryKey(["run_id", "name"])
        }
        try db.create(table: "run_metric") { t in
            t.column("run_id", .integer).notNull().references("pipeline_run", onDelete: .cascade)
            t.column("stage", .text).notNull()
            t.column("name", .text).notNull()
            t.column("value", .double).notNull()
            t.primaryKey(["run_id", "stage", "name"])
        }
        try db.create(table: "run_param") { t in
            t.column("run_id", .integer).notNull().references("pipeline_run", onDelete: .cascade)
            t.column("key", .text).notNull()
            t.column("value", .text).notNull()
            t.primaryKey(["run_id", "key"])
        }
        try db.create(table: "run_gate") { t in
            t.column("run_id", .integer).notNull().references("pipeline_run", onDelete: .cascade)
            t.column("stage", .text).notNull()
            t.column("position", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("type", .text).notNull()
            t.column("required", .boolean).notNull()
            t.column("status", .text).notNull()
            t.column("message", .text).notNull()
        }
        // The run cache: a stage's result by the fingerprint of its inputs, like DVC's run cache.
        try db.create(table: "stage_cache") { t in
            t.column("stage", .text).notNull()
            t.column("fingerprint", .text).notNull()
            t.column("record", .text).notNull()
            t.column("created_at", .datetime).notNull()
            t.primaryKey(["stage", "fingerprint"])
        }
    }

    static let depsMigration = "v4-run-deps"

    /// The content hash of every dependency file each stage of a run read, so two runs can be
    /// compared on their data as well as their params and metrics.
    static func migrateDeps(_ db: Database) throws {
        try db.create(table: "run_dep") { t in
            t.column("run_id", .integer).notNull().references("pipeline_run", onDelete: .cascade)
            t.column("stage", .text).notNull()
            t.column("path", .text).notNull()
            t.column("sha256", .text).notNull()
            t.column("size", .integer).notNull()
            t.primaryKey(["run_id", "stage", "path"])
        }
    }
}
