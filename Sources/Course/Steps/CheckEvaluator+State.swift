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

/// The `validation` check: an expectation suite run on a data file by the validation engine.
struct ValidationCheck {
    let workspace: Workspace
    let location: SourceLocation

    func evaluate(data: String, suite: String, success wanted: Bool) throws -> CheckOutcome {
        let paths = try [data, suite].map { try workspace.paths.resolve($0, in: location.file, line: location.line) }
        for (shown, path) in zip([data, suite], paths) where !FileManager.default.fileExists(atPath: path) {
            return .notYet("`\(shown)` does not exist")
        }
        let expectations: ExpectationSuite
        let table: DataTable
        do {
            expectations = try ExpectationSuite.load(file: paths[1], named: suite)
            table = try CSVReader.read(file: paths[0], named: data)
        } catch let error as LabError {
            // A suite being edited or a data file being fixed: the step is not done, and why.
            return .notYet("the validation cannot run: \(error.description)")
        }
        let report = expectations.validate(table)
        let total = report.results.count
        let failed = report.results.filter { !$0.success }
        let verdict: String
        if failed.isEmpty {
            verdict = "`\(suite)` passes on `\(data)` (\(total) of \(total) expectations hold)"
        } else {
            let which = failed.prefix(3).map { result in
                result.column.map { "\(result.expectation.rawValue) on \($0)" } ?? result.expectation.rawValue
            }
            let more = failed.count > 3 ? "; …" : ""
            verdict =
                "`\(suite)` fails on `\(data)`: \(failed.count) of \(total) expectations fail (\(which.joined(separator: "; "))\(more))"
        }
        if report.success == wanted { return .passed(verdict) }
        return .notYet(verdict + (wanted ? "" : ", and the step needs it to fail"))
    }
}
