import Foundation
import GRDB
import Testing

@testable import PipelineEngine

/// Checks that the audit log tells the same story as the registry and the deployments table:
/// replaying every `alias` entry gives the aliases the registry holds now, every rollout was
/// started by a `deploy` entry, and every ended rollout has the entry that ended it.
enum AuditConsistency {
    static func problems(_ workspace: Workspace) throws -> [String] {
        var problems: [String] = []
        let log = try workspace.state.auditLog()
        var replayed: [String: Int] = [:]
        for entry in log where entry.action == "alias" {
            // "v1 → v2: why", "→ v2: why" or "v2 → none: why"
            let move = entry.detail.components(separatedBy: ":")[0]
            let target = move.components(separatedBy: "→").last?.trimmingCharacters(in: .whitespaces) ?? ""
            if target == "none" {
                replayed[entry.subject] = nil
            } else if let version = Int(target.dropFirst()) {
                replayed[entry.subject] = version
            } else {
                problems.append("unreadable alias entry: \(entry.detail)")
            }
        }
        let actual = try workspace.state.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name, version FROM model_alias").reduce(into: [String: Int]()) {
                $0[$1["name"]] = $1["version"]
            }
        }
        if replayed != actual {
            problems.append("aliases replayed from the audit log \(replayed) ≠ registry \(actual)")
        }
        for rollout in try RolloutStore(state: workspace.state).all() {
            let subject = "rollout #\(rollout.id)"
            let entries = log.filter { $0.subject == subject }.map(\.action)
            if entries.first != "deploy" { problems.append("\(subject) has no deploy entry first: \(entries)") }
            let ending: [String] =
                switch rollout.status {
                case .promoted: rollout.strategy == .direct ? ["deploy"] : ["promote"]
                case .rolledBack, .aborted: ["rollback"]
                case .progressing, .shadowing: []
                }
            if let last = ending.last, entries.last != last {
                problems.append(
                    "\(subject) is \(rollout.status.rawValue) but its last entry is \(entries.last ?? "none")")
            }
            if rollout.status.isActive, actual["challenger"] != rollout.candidate {
                problems.append(
                    "\(subject) is under way but challenger is \(actual["challenger"].map { "v\($0)" } ?? "none")")
            }
        }
        let active = try RolloutStore(state: workspace.state).all().filter(\.status.isActive)
        if active.count > 1 { problems.append("\(active.count) rollouts under way at once") }
        return problems
    }

    /// Records a test issue for each inconsistency.
    static func expect(_ workspace: Workspace, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let found = try problems(workspace)
        #expect(found.isEmpty, "\(found)", sourceLocation: sourceLocation)
    }
}

@Suite struct AuditConsistencyTests {
    @Test func anAliasMovedBehindTheAuditLogsBackIsNoticed() throws {
        let lab = try DeploymentFixture()
        _ = try lab.deployer.deploy("v1", strategy: .direct, actor: "ada", reason: "first model")
        #expect(try AuditConsistency.problems(lab.workspace).isEmpty)
        try lab.workspace.state.pool.write { db in
            try db.execute(sql: "UPDATE model_alias SET version = 2 WHERE name = 'champion'")
        }
        #expect(
            try AuditConsistency.problems(lab.workspace)
                == ["aliases replayed from the audit log [\"champion\": 1] ≠ registry [\"champion\": 2]"])
    }
}
