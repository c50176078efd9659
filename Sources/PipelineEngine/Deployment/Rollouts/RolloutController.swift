package import Foundation
import GRDB
import LabSupport

/// What a rollout command did: the rollout as it ended up, its analysed steps, and a sentence.
package struct RolloutReport: Sendable, Equatable, Codable {
    package var rollout: Rollout
    package var steps: [StepAnalysis]
    /// The champion after the command.
    package var champion: Int?
    /// What happened, in one sentence.
    package var message: String
}

/// Moves versions into production and back: starts rollouts, promotes and rolls back, keeping
/// the registry's `champion` and `challenger` aliases and the audit log in step with every
/// state change (each change is one transaction, stamped with the workspace clock's time).
///
/// Aliases follow the rollout: while a shadow or canary runs, `challenger` names the candidate
/// and `champion` the stable version; promotion moves `champion` to the candidate and clears
/// `challenger`; a rollback or abort clears `challenger`, and a rollback after promotion moves
/// `champion` back to the version it replaced.
package struct RolloutController: Sendable {
    package let workspace: Workspace
    /// Who acts for automatic decisions (a failed analysis rolling back).
    package static let controllerActor = "rollout-controller"

    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    var store: RolloutStore { RolloutStore(state: workspace.state) }

    /// What a new rollout will be: checked against the registry and the running rollouts.
    package struct Plan: Sendable {
        package var strategy: DeploymentStrategy
        package var candidate: Int
        package var steps: [Int]
        package var loadLevel: LoadLevel
        package var serviceTimes: [ServiceTime]
        package var simulatedAt: Date
        package var reason: String

        package init(
            strategy: DeploymentStrategy, candidate: Int, steps: [Int], loadLevel: LoadLevel,
            serviceTimes: [ServiceTime], simulatedAt: Date, reason: String
        ) {
            self.strategy = strategy
            self.candidate = candidate
            self.steps = steps
            self.loadLevel = loadLevel
            self.serviceTimes = serviceTimes
            self.simulatedAt = simulatedAt
            self.reason = reason
        }
    }

    /// Refuses a deployment that cannot start: another rollout is under way, the candidate is
    /// already the champion, or a shadow or canary has no champion to compare with.
    package func checkCanStart(_ strategy: DeploymentStrategy, candidate: Int) throws {
        try workspace.state.pool.read { db in try Self.checkCanStart(strategy, candidate: candidate, db) }
    }

    static func checkCanStart(_ strategy: DeploymentStrategy, candidate: Int, _ db: Database) throws {
        if let active = try RolloutStore.active(db) {
            throw LabError(
                .deployRolloutActive,
                "rollout #\(active.id) (\(active.strategy.rawValue) of v\(active.candidate)) is still \(active.status.rawValue); `promote` or `rollback` it first"
            )
        }
        let champion = try ModelRegistry.aliasVersion("champion", db)
        if champion == candidate {
            throw LabError(.deployAlreadyChampion, "v\(candidate) is already the champion; nothing to deploy")
        }
        if strategy != .direct, champion == nil {
            throw LabError(
                .deployNoChampion,
                "a \(strategy.rawValue) deployment compares the candidate with the champion, and there is none yet; deploy the first model with --strategy direct"
            )
        }
    }

    /// Starts a rollout: a direct one is promoted at once, a shadow starts shadowing, a canary
    /// starts progressing at its first step (run it with ``runCanary(_:actor:measure:)``).
    package func begin(_ plan: Plan, actor: String) throws -> Rollout {
        try workspace.state.pool.write { db in
            let now = try SimulatedClock.read(db)
            try Self.checkCanStart(plan.strategy, candidate: plan.candidate, db)
            let champion = try ModelRegistry.aliasVersion("champion", db)
            let status: RolloutStatus =
                switch plan.strategy {
                case .direct: .promoted
                case .shadow: .shadowing
                case .canary: .progressing
                }
            var rollout = Rollout(
                id: 0, strategy: plan.strategy, candidate: plan.candidate, champion: champion, steps: plan.steps,
                stepIndex: 0, status: status, reason: plan.reason, loadLevel: plan.loadLevel,
                serviceTimes: plan.serviceTimes, simulatedAt: plan.simulatedAt, startedAt: now, updatedAt: now,
                startedBy: actor)
            rollout.id = try RolloutStore.insert(rollout, db)
            let against = champion.map { " against champion v\($0)" } ?? ""
            let shape = plan.strategy == .canary ? ", steps \(plan.steps.map(String.init).joined(separator: ","))%" : ""
            try StateStore.audit(
                db, actor: actor, action: "deploy", subject: "rollout #\(rollout.id)",
                detail:
                    "\(plan.strategy.rawValue) of v\(plan.candidate)\(against)\(shape), \(plan.loadLevel.rawValue) load, simulated \(SimulatedClock.format(plan.simulatedAt)): \(plan.reason)"
            )
            if try LabSettings.value(LabSettings.baselineKey, db) == nil {
                try LabSettings.set(LabSettings.baselineKey, String(champion ?? plan.candidate), db)
            }
            let why = "rollout #\(rollout.id) (\(plan.strategy.rawValue))"
            if plan.strategy == .direct {
                try ModelRegistry.moveAlias("champion", to: plan.candidate, actor: actor, reason: why, at: now, db)
                if try ModelRegistry.aliasVersion("challenger", db) == plan.candidate {
                    try ModelRegistry.removeAlias("challenger", actor: actor, reason: "\(why) promoted it", db)
                }
            } else {
                try ModelRegistry.moveAlias("challenger", to: plan.candidate, actor: actor, reason: why, at: now, db)
            }
            return rollout
        }
    }

    /// Promotes the rollout under way by hand: a shadow's candidate, or a canary's before its
    /// remaining steps (recorded as skipped, not analysed).
    package func promote(actor: String, reason: String) throws -> RolloutReport {
        let hold = try WorkspaceLock.acquire(workspace, for: "promote")
        defer { hold.release() }
        let rollout = try workspace.state.pool.write { db -> Rollout in
            let now = try SimulatedClock.read(db)
            guard var rollout = try RolloutStore.active(db) else {
                throw LabError(.rolloutNothingToPromote, "nothing to promote: " + (try Self.noActiveRollout(db)))
            }
            if rollout.status == .progressing {
                for index in rollout.stepIndex..<rollout.steps.count {
                    try RolloutStore.recordSkipped(
                        rollout: rollout.id, step: index, weight: rollout.steps[index], at: now, db)
                }
            }
            let at =
                rollout.status == .progressing
                ? " at step \(rollout.stepIndex + 1) of \(rollout.steps.count), skipping the analysis of the rest" : ""
            rollout.reason = "promoted by hand\(at): \(reason)"
            try Self.finishPromotion(&rollout, actor: actor, action: "promote", now: now, db)
            return rollout
        }
        return try report(rollout, message: "Promoted v\(rollout.candidate) to champion (rollout #\(rollout.id)).")
    }

    /// Undoes by hand: aborts the rollout under way (the champion never changed), or rolls the
    /// latest promotion back to the champion it replaced.
    package func rollback(actor: String, reason: String) throws -> RolloutReport {
        let hold = try WorkspaceLock.acquire(workspace, for: "rollback")
        defer { hold.release() }
        let (rollout, message) = try workspace.state.pool.write { db -> (Rollout, String) in
            let now = try SimulatedClock.read(db)
            if var rollout = try RolloutStore.active(db) {
                let stable = rollout.champion.map { "v\($0)" } ?? "the champion"
                rollout.reason = "aborted by hand at \(rollout.candidateWeight)% traffic: \(reason)"
                rollout.status = .aborted
                try RolloutStore.update(
                    rollout.id, status: .aborted, stepIndex: rollout.stepIndex, reason: rollout.reason,
                    at: now, db)
                try StateStore.audit(
                    db, actor: actor, action: "rollback", subject: "rollout #\(rollout.id)",
                    detail:
                        "aborted \(rollout.strategy.rawValue) of v\(rollout.candidate); all traffic to \(stable): \(reason)"
                )
                try ModelRegistry.removeAlias(
                    "challenger", actor: actor, reason: "rollout #\(rollout.id) aborted", db)
                return (rollout, "Aborted rollout #\(rollout.id); \(stable) serves all traffic.")
            }
            let champion = try ModelRegistry.aliasVersion("champion", db)
            guard
                var rollout = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT * FROM deployment WHERE status = 'promoted' AND candidate_version = ? ORDER BY id DESC LIMIT 1
                        """, arguments: [champion]
                ).map(RolloutStore.decode)
            else {
                throw LabError(
                    .rolloutNothingToRollBack, "nothing to roll back: " + (try Self.noActiveRollout(db)))
            }
            guard let previous = rollout.champion else {
                throw LabError(
                    .rolloutNothingToRollBack,
                    "nothing to roll back to: v\(rollout.candidate) became the first champion in rollout #\(rollout.id)"
                )
            }
            rollout.status = .rolledBack
            rollout.reason = "rolled back by hand to v\(previous): \(reason)"
            try RolloutStore.update(
                rollout.id, status: .rolledBack, stepIndex: rollout.stepIndex, reason: rollout.reason,
                at: now, db)
            try StateStore.audit(
                db, actor: actor, action: "rollback", subject: "rollout #\(rollout.id)",
                detail: "champion v\(rollout.candidate) → v\(previous): \(reason)")
            try ModelRegistry.moveAlias(
                "champion", to: previous, actor: actor,
                reason: "rollout #\(rollout.id) rolled back", at: now, db)
            return (rollout, "Rolled back rollout #\(rollout.id): v\(previous) is the champion again.")
        }
        return try report(rollout, message: message)
    }

    /// Marks `rollout` promoted: champion → candidate, challenger cleared, audited.
    static func finishPromotion(
        _ rollout: inout Rollout, actor: String, action: String, now: Date,
        _ db: Database
    ) throws {
        rollout.status = .promoted
        rollout.stepIndex = max(0, rollout.steps.count - 1)
        try RolloutStore.update(
            rollout.id, status: .promoted, stepIndex: rollout.stepIndex, reason: rollout.reason,
            at: now, db)
        let from = rollout.champion.map { "v\($0)" } ?? "none"
        try StateStore.audit(
            db, actor: actor, action: action, subject: "rollout #\(rollout.id)",
            detail: "champion \(from) → v\(rollout.candidate): \(rollout.reason)")
        let why = "rollout #\(rollout.id) promoted"
        try ModelRegistry.moveAlias("champion", to: rollout.candidate, actor: actor, reason: why, at: now, db)
        try ModelRegistry.removeAlias("challenger", actor: actor, reason: why, db)
    }

    static func noActiveRollout(_ db: Database) throws -> String {
        guard let latest = try RolloutStore.latest(db) else { return "there has been no deployment yet" }
        return
            "no rollout is under way (the latest, #\(latest.id), \(latest.strategy.rawValue) of v\(latest.candidate), is \(latest.status.rawValue))"
    }

    func report(_ rollout: Rollout, message: String) throws -> RolloutReport {
        RolloutReport(
            rollout: rollout, steps: try store.analyses(of: rollout.id),
            champion: try ModelRegistry(workspace: workspace).aliased("champion")?.version, message: message)
    }
}
