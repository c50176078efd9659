package import Foundation
import GRDB
import LabSupport
import PipelineEngine

/// A learner known to the lab; each has its own progress and sandbox workspace.
package struct Profile: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "profile"
    package var name: String
    package var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case name
        case createdAt = "created_at"
    }
}

extension ProgressStore {
    /// The profile used when none has been created or chosen.
    package static let defaultProfile = "default"

    /// Checks that `name` can serve as a profile (and folder) name.
    package static func validateProfileName(_ name: String) throws {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        guard !name.isEmpty, name.count <= 32, name.unicodeScalars.allSatisfy(allowed.contains),
            !name.hasPrefix("-")
        else {
            throw LabError(
                .profileBadName,
                "'\(name)' is not a valid profile name: use 1 to 32 letters, digits, '-' or '_'")
        }
    }

    /// All profiles, oldest first.
    package func profiles() throws -> [Profile] {
        try pool.read { db in try Profile.order(Column("created_at"), Column("name")).fetchAll(db) }
    }

    /// Creates a profile; fails if it exists already.
    @discardableResult
    package func createProfile(_ name: String, now: Date = Date()) throws -> Profile {
        try Self.validateProfileName(name)
        return try pool.write { db in
            if try Profile.fetchOne(db, key: name) != nil {
                throw LabError(.profileExists, "a profile named '\(name)' exists already")
            }
            let profile = Profile(name: name, createdAt: now)
            try profile.insert(db)
            return profile
        }
    }

    /// Makes sure the profile exists, creating it if needed; returns whether it was created.
    @discardableResult
    package func ensureProfile(_ name: String, now: Date = Date()) throws -> Bool {
        try Self.validateProfileName(name)
        return try pool.write { db in
            if try Profile.fetchOne(db, key: name) != nil { return false }
            try Profile(name: name, createdAt: now).insert(db)
            return true
        }
    }

    /// The profile chosen with `profiles switch`, or `default`.
    package func currentProfileName() throws -> String {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'current_profile'")
        } ?? Self.defaultProfile
    }

    /// Makes `name` the profile used when `--profile` is not given.
    package func switchProfile(to name: String) throws {
        try Self.validateProfileName(name)
        try pool.write { db in
            guard try Profile.fetchOne(db, key: name) != nil else {
                let names = try String.fetchAll(db, sql: "SELECT name FROM profile ORDER BY name")
                var message = "no profile named '\(name)'"
                if let guess = closestMatch(to: name, among: names) {
                    message += ". Did you mean '\(guess)'?"
                } else {
                    message += "; create it with `profiles create \(name)`"
                }
                throw LabError(.profileUnknown, message)
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('current_profile', ?)",
                arguments: [name])
        }
    }
}
