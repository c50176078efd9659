package import Foundation
import GRDB
import LabSupport

/// The workspace's model registry: numbered versions with lineage, and movable aliases such as
/// `champion` and `challenger`, as MLflow's registry keeps them.
///
/// Model files live in the content-addressed artifact store, so a version's bytes can't change
/// silently: loading re-hashes them and refuses a tampered file. Every alias move is audited.
package struct ModelRegistry: Sendable {
    package let workspace: Workspace

    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Stores the model file's bytes and records a new version, created at the workspace
    /// clock's time; returns it.
    @discardableResult
    package func register(modelData: Data, _ registration: ModelRegistration, actor: String) throws -> ModelVersion {
        let hash = try workspace.artifacts.put(modelData)
        let metrics = String(decoding: try JSONEncoder.sorted.encode(registration.metrics), as: UTF8.self)
        let features = String(decoding: try JSONEncoder.sorted.encode(registration.features), as: UTF8.self)
        let version = try workspace.state.pool.write { db -> Int in
            let next = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM model_version") ?? 0) + 1
            let now = try SimulatedClock.read(db)
            try db.execute(
                sql: """
                    INSERT INTO model_version (version, artifact_hash, kind, target, features, data_hash, params_hash,
                        pipeline_hash, run_id, metrics, created_at, created_by, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    next, hash, registration.kind.rawValue, registration.target, features,
                    registration.lineage.dataHash, registration.lineage.paramsHash,
                    registration.lineage.pipelineHash, registration.lineage.runID, metrics, now, actor,
                    registration.source,
                ])
            try StateStore.audit(
                db, actor: actor, action: "register", subject: "v\(next)",
                detail: "\(registration.kind.rawValue) model from \(registration.source)")
            return next
        }
        return try self.version("v\(version)")
    }

    /// Every version, oldest first, with its aliases.
    package func list() throws -> [ModelVersion] {
        try workspace.state.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM model_version ORDER BY version").map { try Self.decode($0, db) }
        }
    }

    /// The version that `reference` names: `3`, `v3`, or an alias such as `champion`.
    package func version(_ reference: String) throws -> ModelVersion {
        try workspace.state.pool.read { db in
            guard let number = try Self.resolve(reference, db),
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM model_version WHERE version = ?", arguments: [number])
            else {
                throw try Self.unknown(reference, db)
            }
            return try Self.decode(row, db)
        }
    }

    /// The version an alias points at, or nil when the alias is not set.
    package func aliased(_ name: String) throws -> ModelVersion? {
        let number = try workspace.state.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT version FROM model_alias WHERE name = ?", arguments: [name])
        }
        return try number.map { try version("v\($0)") }
    }

    /// The artifact hash of the version alias `name` points at, in one read (no version decoded).
    package func aliasedArtifactHash(_ name: String) throws -> String? {
        try workspace.state.pool.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT v.artifact_hash FROM model_alias a JOIN model_version v ON v.version = a.version
                    WHERE a.name = ?
                    """, arguments: [name])
        }
    }

    /// Points alias `name` at the version `reference` names, recording who moved it, when (on
    /// the workspace clock) and why.
    package func setAlias(_ name: String, to reference: String, actor: String, reason: String = "set by hand") throws {
        try Self.validateAlias(name)
        let hold = try WorkspaceLock.acquire(workspace, for: "registry alias")
        defer { hold.release() }
        try workspace.state.pool.write { db in
            guard let number = try Self.resolve(reference, db),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM model_version WHERE version = ?", arguments: [number])
                    == 1
            else {
                throw try Self.unknown(reference, db)
            }
            let previous = try Int.fetchOne(
                db, sql: "SELECT version FROM model_alias WHERE name = ?", arguments: [name])
            try db.execute(
                sql: "INSERT OR REPLACE INTO model_alias (name, version, updated_at, updated_by) VALUES (?, ?, ?, ?)",
                arguments: [name, number, try SimulatedClock.read(db), actor])
            let move = previous.map { "v\($0) → v\(number)" } ?? "→ v\(number)"
            try StateStore.audit(db, actor: actor, action: "alias", subject: name, detail: "\(move): \(reason)")
        }
    }

    /// Removes alias `name` (if set), recording who removed it and why.
    package func removeAlias(_ name: String, actor: String, reason: String) throws {
        let hold = try WorkspaceLock.acquire(workspace, for: "registry alias")
        defer { hold.release() }
        try workspace.state.pool.write { db in try Self.removeAlias(name, actor: actor, reason: reason, db) }
    }

    /// Points alias `name` at version `number` inside an open transaction, audited; does
    /// nothing when it already points there.
    static func moveAlias(
        _ name: String, to number: Int, actor: String, reason: String, at now: Date,
        _ db: Database
    ) throws {
        let previous = try Int.fetchOne(db, sql: "SELECT version FROM model_alias WHERE name = ?", arguments: [name])
        guard previous != number else { return }
        try db.execute(
            sql: "INSERT OR REPLACE INTO model_alias (name, version, updated_at, updated_by) VALUES (?, ?, ?, ?)",
            arguments: [name, number, now, actor])
        let move = previous.map { "v\($0) → v\(number)" } ?? "→ v\(number)"
        try StateStore.audit(db, actor: actor, action: "alias", subject: name, detail: "\(move): \(reason)")
    }

    /// Removes alias `name` inside an open transaction, audited; does nothing when it is not set.
    static func removeAlias(_ name: String, actor: String, reason: String, _ db: Database) throws {
        guard
            let previous = try Int.fetchOne(
                db, sql: "SELECT version FROM model_alias WHERE name = ?", arguments: [name])
        else { return }
        try db.execute(sql: "DELETE FROM model_alias WHERE name = ?", arguments: [name])
        try StateStore.audit(db, actor: actor, action: "alias", subject: name, detail: "v\(previous) → none: \(reason)")
    }

    /// The version alias `name` points at inside an open transaction.
    static func aliasVersion(_ name: String, _ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT version FROM model_alias WHERE name = ?", arguments: [name])
    }

    /// The model file's bytes for `reference`, verified against the registered checksum.
    package func modelData(_ reference: String) throws -> Data {
        let entry = try version(reference)
        do {
            return try workspace.artifacts.read(entry.artifactHash)
        } catch let error as LabError where error.code == .artifactTampered {
            throw LabError(
                .registryTampered,
                "the model file of v\(entry.version) was modified after it was registered (checksum mismatch); refusing to load it",
                file: error.file, kind: .failed)
        }
    }

    static func validateAlias(_ name: String) throws {
        let valid =
            !name.isEmpty && name.count <= 32
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            && Int(name) == nil && !(name.hasPrefix("v") && Int(name.dropFirst()) != nil)
        guard valid else {
            throw LabError(
                .registryBadAlias,
                "'\(name)' cannot be an alias: use 1 to 32 letters, digits, '-' or '_', not a version number")
        }
    }

    private static func resolve(_ reference: String, _ db: Database) throws -> Int? {
        if let number = Int(reference) { return number }
        if reference.hasPrefix("v"), let number = Int(reference.dropFirst()) { return number }
        return try Int.fetchOne(db, sql: "SELECT version FROM model_alias WHERE name = ?", arguments: [reference])
    }

    private static func unknown(_ reference: String, _ db: Database) throws -> LabError {
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM model_version") ?? 0
        let aliases = try String.fetchAll(db, sql: "SELECT name FROM model_alias ORDER BY name")
        var message = "no model version '\(reference)' in the registry"
        if let guess = closestMatch(to: reference, among: aliases) {
            message += ". Did you mean '\(guess)'?"
        } else if count == 0 {
            message += " (it is empty)"
        } else {
            message +=
                " (versions v1 to v\(count)"
                + (aliases.isEmpty ? ")" : "; aliases: \(aliases.joined(separator: ", ")))")
        }
        return LabError(.registryUnknownVersion, message)
    }

    private static func decode(_ row: Row, _ db: Database) throws -> ModelVersion {
        let number: Int = row["version"]
        let aliases = try String.fetchAll(
            db, sql: "SELECT name FROM model_alias WHERE version = ? ORDER BY name",
            arguments: [number])
        let metricsText: String = row["metrics"]
        let featuresText: String = row["features"]
        return ModelVersion(
            version: number, artifactHash: row["artifact_hash"],
            kind: try StateStore.decode(row["kind"], as: "model kind"), target: row["target"],
            features: (try? JSONDecoder().decode([String].self, from: Data(featuresText.utf8))) ?? [],
            lineage: Lineage(
                dataHash: row["data_hash"], paramsHash: row["params_hash"],
                pipelineHash: row["pipeline_hash"], runID: row["run_id"]),
            metrics: (try? JSONDecoder().decode([String: Double].self, from: Data(metricsText.utf8))) ?? [:],
            aliases: aliases, createdAt: row["created_at"], createdBy: row["created_by"], source: row["source"])
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys, so equal values encode to equal bytes (and hashes).
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
