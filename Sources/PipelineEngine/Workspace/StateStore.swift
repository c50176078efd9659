package import Foundation
package import GRDB
import LabSupport

/// A sandbox workspace's engine state, `.lab/state.sqlite`: the model registry, its aliases
/// and the audit log (runs, deployments and the clock join it as they are built).
///
/// WAL mode and a busy timeout let two REPLs on one workspace write without "database is
/// locked"; schema changes go through migrations, each feature adding its own.
package final class StateStore: Sendable {
    package let path: String
    package let pool: DatabaseQueue

    /// Opens (creating if needed) the state database at `path` and migrates it.
    package init(path: String) throws {
        self.path = path
        pool = try SQLiteFile.open(path: path, label: "state", migrator: Self.migrator)
    }

    /// `PRAGMA integrity_check`'s verdict: `ok`, or the problems found.
    package func integrityCheck() throws -> String {
        try pool.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
        }
    }

    /// The identifiers of the applied migrations, oldest first.
    package func appliedMigrations() throws -> [String] {
        try pool.read { db in try Self.migrator.appliedMigrations(db) }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-registry-audit") { db in
            try db.create(table: "model_version") { t in
                t.primaryKey("version", .integer)
                t.column("artifact_hash", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("target", .text).notNull()
                t.column("features", .text).notNull()
                t.column("data_hash", .text).notNull()
                t.column("params_hash", .text).notNull()
                t.column("pipeline_hash", .text)
                t.column("run_id", .integer)
                t.column("metrics", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("created_by", .text).notNull()
                t.column("source", .text).notNull()
            }
            try db.create(table: "model_alias") { t in
                t.primaryKey("name", .text)
                t.column("version", .integer).notNull().references("model_version")
                t.column("updated_at", .datetime).notNull()
                t.column("updated_by", .text).notNull()
            }
            try db.create(table: "audit_log") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("detail", .text).notNull()
            }
        }
        migrator.registerMigration("v2-clock-deployments") { db in
            try db.create(table: "clock") { t in
                t.primaryKey("id", .integer)
                t.column("now", .datetime).notNull()
            }
            try db.create(table: "deployment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("strategy", .text).notNull()
                t.column("candidate_version", .integer).notNull()
                t.column("champion_version", .integer)
                t.column("steps", .text).notNull()
                t.column("step_index", .integer).notNull()
                t.column("status", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("started_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
                t.column("started_by", .text).notNull()
            }
            try db.create(table: "deployment_analysis") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("deployment_id", .integer).notNull().references("deployment", onDelete: .cascade)
                t.column("step_index", .integer).notNull()
                t.column("weight", .integer).notNull()
                t.column("at", .datetime).notNull()
                t.column("verdict", .text).notNull()
                t.column("detail", .text).notNull()
                t.column("measurements", .text).notNull()
            }
        }
        migrator.registerMigration(PipelineSchema.migration, migrate: PipelineSchema.migrate)
        migrator.registerMigration(DeploymentSchema.migration, migrate: DeploymentSchema.migrate)
        migrator.registerMigration(PipelineSchema.depsMigration, migrate: PipelineSchema.migrateDeps)
        migrator.registerMigration(PipelineSchema.ownerMigration, migrate: PipelineSchema.migrateOwner)
        return migrator
    }

    /// Appends an entry to the audit log inside an open transaction, dated on the sandbox's
    /// simulated clock: the one timeline that runs, versions, rollouts and production share.
    static func audit(_ db: Database, actor: String, action: String, subject: String, detail: String) throws {
        let at = try SimulatedClock.read(db)
        try db.execute(
            sql: "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [at, actor, action, subject, detail])
    }
}

/// One entry of the audit log: who did what to which subject, when and why.
package struct AuditEntry: Codable, Equatable, Sendable {
    /// Its place in the log: later entries have larger ids.
    package var id: Int
    package var at: Date
    package var actor: String
    package var action: String
    package var subject: String
    package var detail: String
}

extension StateStore {
    /// The audit log, oldest first.
    package func auditLog() throws -> [AuditEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, at, actor, action, subject, detail FROM audit_log ORDER BY id")
                .map(AuditEntry.init(row:))
        }
    }
}
