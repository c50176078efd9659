import Foundation
import GRDB

/// Small settings of a sandbox that outlive a command.
///
/// The load level, the platform's baseline model, the running scenario. Each change is audited.
package struct LabSettings: Sendable {
    package let state: StateStore

    package init(state: StateStore) {
        self.state = state
    }

    static let loadLevelKey = "load_level"
    static let baselineKey = "platform_baseline_version"

    /// The load level production runs at now (normal unless set).
    package func loadLevel() throws -> LoadLevel {
        try state.pool.read { db in try Self.value(Self.loadLevelKey, db).flatMap(LoadLevel.init(rawValue:)) ?? .normal
        }
    }

    /// Sets the load level, recording who did and why.
    package func setLoadLevel(_ level: LoadLevel, actor: String, reason: String) throws {
        try state.pool.write { db in
            let previous = try Self.value(Self.loadLevelKey, db) ?? LoadLevel.normal.rawValue
            try Self.set(Self.loadLevelKey, level.rawValue, db)
            try StateStore.audit(
                db, actor: actor, action: "traffic.load", subject: "platform",
                detail: "\(previous) → \(level.rawValue): \(reason)")
        }
    }

    /// The version the platform was sized for: its service time is the platform's baseline.
    package func baselineVersion() throws -> Int? {
        try state.pool.read { db in try Self.value(Self.baselineKey, db).flatMap(Int.init) }
    }

    static func value(_ key: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM lab_setting WHERE key = ?", arguments: [key])
    }

    static func set(_ key: String, _ value: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO lab_setting (key, value, updated_at) VALUES (?, ?, ?)",
            arguments: [key, value, try SimulatedClock.read(db)])
    }
}
