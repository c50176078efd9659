import Foundation
import LabSupport
import PipelineEngine

/// Checks on the engine's state (the registry, the clock, deployments,
/// served requests) and on the command journal, each measured from the step's mark.
struct StateChecks {
    let workspace: Workspace
    let mark: StepMark

    func registry(_ condition: RegistryCondition) throws -> CheckOutcome {
        let registry = ModelRegistry(workspace: workspace)
        var held: [String] = []
        var missing: [String] = []
        if let alias = condition.alias {
            let before = mark.aliases[alias]
            if let target = try registry.aliased(alias) {
                let now = "`\(alias)` points at v\(target.version)"
                switch condition.moved {
                case true? where target.version == before:
                    missing.append("\(now), as it did when this step began; the step needs it moved")
                case true?:
                    held.append(
                        now
                            + (before.map { " (it pointed at v\($0) when this step began)" }
                                ?? " (it was not set when this step began)"))
                case false? where target.version != before:
                    missing.append(
                        now
                            + (before.map {
                                ", but it pointed at v\($0) when this step began; the step needs it unmoved"
                            } ?? ", set since this step began; the step needs it unmoved"))
                case false?:
                    held.append("\(now), as when this step began")
                case nil:
                    held.append(now)
                }
            } else {
                missing.append("the registry has no alias `\(alias)`")
            }
        }
        if condition.newVersions != nil || condition.newVersionsMax != nil {
            let count = try registry.list().filter { $0.version > mark.version }.count
            let holds = "\(count) new \(count == 1 ? "version was" : "versions were") registered since this step began"
            if let least = condition.newVersions, count < least {
                missing.append("\(holds), and the step needs at least \(least)")
            } else if let most = condition.newVersionsMax, count > most {
                missing.append("\(holds), and the step allows at most \(most)")
            } else {
                held.append(holds)
            }
        }
        return missing.isEmpty ? .passed(held.joined(separator: "; ")) : .notYet(missing.joined(separator: "; "))
    }

    func clock(_ advanced: SimulatedDuration) throws -> CheckOutcome {
        let now = try SimulatedClock(state: workspace.state).now()
        let elapsed = now.timeIntervalSince(mark.clock)
        let place =
            elapsed > 0
            ? "\(SimulatedDuration(seconds: elapsed)) later than when this step began"
            : "where it was when this step began"
        let clause = "the simulated clock is at \(SimulatedClock.format(now)), \(place)"
        return elapsed >= advanced.seconds
            ? .passed(clause) : .notYet("\(clause); the step needs it moved at least \(advanced)")
    }

    func ran(_ words: [String], after: SimulatedDuration?) throws -> CheckOutcome {
        let command = words.joined(separator: " ")
        let entries = try CommandJournal(workspace: workspace.root).entries().dropFirst(mark.journal)
            .filter { $0.words.count >= words.count && Array($0.words.prefix(words.count)) == words }
        guard !entries.isEmpty else { return .notYet("`\(command)` has not run in this sandbox since this step began") }
        guard let after else { return .passed("`\(command)` ran since this step began") }
        let late = entries.contains { entry in
            entry.clock.map { $0.timeIntervalSince(mark.clock) >= after.seconds } ?? false
        }
        return late
            ? .passed("`\(command)` ran once the clock had moved \(after) since this step began")
            : .notYet(
                "`\(command)` ran, but before the clock had moved \(after) since this step began; run it again now")
    }

    func served(requests: Int, shadow: Bool) throws -> CheckOutcome {
        let traffic = try workspace.state.servedTraffic(after: mark.served)
        let (count, shadowed) = (traffic.requests, traffic.shadowed)
        let clause =
            "\(count) production \(count == 1 ? "request was" : "requests were") served since this step began"
            + (shadow ? ", \(shadowed) of them also scored by a shadow" : "")
        let enough = (shadow ? shadowed : count) >= requests
        return enough
            ? .passed(clause)
            : .notYet("\(clause); the step needs at least \(requests)\(shadow ? " scored by a shadow" : "")")
    }

    func deployment(strategy: DeploymentStrategy?, status: RolloutStatus?) throws -> CheckOutcome {
        guard let rollout = try RolloutStore(state: workspace.state).latest(), rollout.id > mark.deployment else {
            return .notYet(
                mark.deployment == 0 ? "there is no deployment" : "there is no deployment since this step began")
        }
        let actualStrategy = rollout.strategy.rawValue
        let actualStatus = rollout.status.rawValue
        let name = "the latest deployment (#\(rollout.id), \(actualStrategy) of v\(rollout.candidate))"
        var missing: [String] = []
        if let strategy, strategy != rollout.strategy {
            missing.append("is \(actualStrategy), not \(strategy.rawValue)")
        }
        if let status, status != rollout.status { missing.append("is \(actualStatus), not \(status.rawValue)") }
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
