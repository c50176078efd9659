import Foundation
import GRDB
import PipelineEngine

/// Checks on the engine's state in `.lab/state.sqlite`: the registry, the clock, deployments.
struct StateChecks {
    let workspace: Workspace

    func registry(_ condition: RegistryCondition) throws -> CheckOutcome {
        let registry = ModelRegistry(workspace: workspace)
        var held: [String] = []
        var missing: [String] = []
        if let alias = condition.alias {
            if let target = try registry.aliased(alias) {
                if let wanted = condition.version, target.version != wanted {
                    missing.append("`\(alias)` points at v\(target.version), not v\(wanted)")
                } else {
                    held.append("`\(alias)` points at v\(target.version)")
                }
            } else {
                missing.append("the registry has no alias `\(alias)`")
            }
        }
        if let least = condition.versionsAtLeast {
            let count = try registry.list().count
            let holds = "the registry holds \(count) \(count == 1 ? "version" : "versions")"
            if count >= least {
                held.append(holds)
            } else {
                missing.append("\(holds), and the step needs at least \(least)")
            }
        }
        return missing.isEmpty ? .passed(held.joined(separator: "; ")) : .notYet(missing.joined(separator: "; "))
    }

    func clock(_ pastStart: SimulatedDuration) throws -> CheckOutcome {
        let now = try SimulatedClock(state: workspace.state).now()
        let elapsed = now.timeIntervalSince(SimulatedClock.defaultStart)
        let place =
            elapsed > 0
            ? "\(SimulatedDuration(seconds: elapsed)) past the start" : "at the start"
        let clause = "the simulated clock is at \(SimulatedClock.format(now)), \(place)"
        return elapsed >= pastStart.seconds
            ? .passed(clause) : .notYet("\(clause); the step needs it at least \(pastStart) past the start")
    }

    func deployment(strategy: String?, status: String?) throws -> CheckOutcome {
        let row = try workspace.state.pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT id, strategy, candidate_version, status FROM deployment ORDER BY id DESC LIMIT 1")
        }
        guard let row else { return .notYet("there is no deployment") }
        let id: Int = row["id"]
        let actualStrategy: String = row["strategy"]
        let actualStatus: String = row["status"]
        let candidate: Int = row["candidate_version"]
        let name = "the latest deployment (#\(id), \(actualStrategy) of v\(candidate))"
        var missing: [String] = []
        if let strategy, strategy != actualStrategy { missing.append("is \(actualStrategy), not \(strategy)") }
        if let status, status != actualStatus { missing.append("is \(actualStatus), not \(status)") }
        return missing.isEmpty
            ? .passed("\(name) is \(actualStatus)") : .notYet("\(name) " + missing.joined(separator: " and "))
    }
}
