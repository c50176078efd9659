import Foundation
import GRDB

extension RolloutController {
    /// Measures interval `interval` (1-based) of step `step` (0-based) at `weight` percent:
    /// both versions on their share of the replayed traffic.
    package typealias IntervalMeasurer = (_ step: Int, _ weight: Int, _ interval: Int) throws
        -> (champion: VersionMeasurement, canary: VersionMeasurement)

    /// Runs a progressing canary through its remaining steps, analysing each against the champion.
    ///
    /// At each step the analysis measures `settings.intervals` intervals and judges them; more failed intervals than the failure
    /// limit roll traffic back to the champion at once, and passing every step promotes the
    /// candidate. Each step and verdict is stored and audited as it happens.
    package func runCanary(
        _ start: Rollout, settings: AnalysisSettings, actor: String,
        measure: IntervalMeasurer
    ) throws -> RolloutReport {
        var rollout = start
        let total = rollout.steps.count
        for index in rollout.stepIndex..<total {
            let weight = rollout.steps[index]
            try workspace.state.pool.write { db in
                try RolloutStore.update(
                    rollout.id, status: .progressing, stepIndex: index, reason: rollout.reason,
                    at: try SimulatedClock.read(db), db)
                try StateStore.audit(
                    db, actor: Self.controllerActor, action: "rollout.step", subject: "rollout #\(rollout.id)",
                    detail: "step \(index + 1)/\(total): v\(rollout.candidate) takes \(weight)% of traffic")
            }
            rollout.stepIndex = index
            var failures = 0
            var labelled = (champion: (labelled: 0, correct: 0), canary: (labelled: 0, correct: 0))
            var firstFailure: IntervalAnalysis?
            for interval in 1...max(1, settings.intervals) {
                let (champion, canary) = try measure(index, weight, interval)
                labelled.champion.labelled += champion.labelled
                labelled.champion.correct += champion.correct
                labelled.canary.labelled += canary.labelled
                labelled.canary.correct += canary.correct
                let analysis = CanaryAnalysis.judge(
                    interval: interval, champion: champion, canary: canary,
                    stepLabelled: labelled, settings: settings)
                try workspace.state.pool.write { db in
                    try RolloutStore.record(
                        analysis, rollout: rollout.id, step: index, weight: weight, at: try SimulatedClock.read(db), db)
                }
                if analysis.verdict == .failed {
                    failures += 1
                    firstFailure = firstFailure ?? analysis
                    if failures > settings.failureLimit { break }
                }
            }
            let stepName = "step \(index + 1)/\(total) (\(weight)%)"
            if failures > settings.failureLimit, let failure = firstFailure {
                return try abortAutomatically(&rollout, step: stepName, failure: failure, failures: failures)
            }
            try workspace.state.pool.write { db in
                try StateStore.audit(
                    db, actor: Self.controllerActor, action: "rollout.analysis",
                    subject: "rollout #\(rollout.id)",
                    detail:
                        "\(stepName): successful, \(failures) failed interval\(failures == 1 ? "" : "s") of \(settings.intervals) (limit \(settings.failureLimit))"
                )
            }
        }
        try workspace.state.pool.write { db in
            rollout.reason = "passed the analysis of all \(total) step\(total == 1 ? "" : "s")"
            try Self.finishPromotion(
                &rollout, actor: Self.controllerActor, action: "promote", now: try SimulatedClock.read(db), db)
        }
        return try report(
            rollout, message: "Promoted v\(rollout.candidate) to champion: every canary step passed its analysis.")
    }

    /// A failed step: traffic back to the champion, the challenger alias cleared, the reason kept.
    private func abortAutomatically(
        _ rollout: inout Rollout, step: String, failure: IntervalAnalysis,
        failures: Int
    ) throws -> RolloutReport {
        let stable = rollout.champion.map { "v\($0)" } ?? "the champion"
        rollout.status = .rolledBack
        rollout.reason = "analysis failed at \(step), interval \(failure.interval): \(failure.failureReason)"
        let id = rollout.id
        let reason = rollout.reason
        let stepIndex = rollout.stepIndex
        try workspace.state.pool.write { db in
            let now = try SimulatedClock.read(db)
            try RolloutStore.update(id, status: .rolledBack, stepIndex: stepIndex, reason: reason, at: now, db)
            try StateStore.audit(
                db, actor: Self.controllerActor, action: "rollback", subject: "rollout #\(id)",
                detail: "automatic: all traffic back to \(stable); \(reason)")
            try ModelRegistry.removeAlias(
                "challenger", actor: Self.controllerActor,
                reason: "rollout #\(id) rolled back", db)
        }
        return try report(rollout, message: "Rolled back automatically at \(step): \(stable) serves all traffic.")
    }
}
