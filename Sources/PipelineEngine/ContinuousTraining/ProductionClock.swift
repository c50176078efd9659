package import Foundation
import GRDB
import LabSupport

/// What happened in production while the clock moved: the days served and the triggers fired.
package struct ClockAdvanceReport: Sendable, Equatable, Encodable {
    package var from: Date
    package var to: Date
    /// Each day that ended, with what the deployed models served of it.
    package var served: [DaySummary]
    /// Every time the pipeline's triggers fired, in order.
    package var triggers: [TriggerFiring]

    /// One day of production that ended while the clock moved.
    package struct DaySummary: Sendable, Equatable, Codable {
        package var day: Int
        package var date: String
        package var requests: Int
        package var errors: Int
    }
}

/// One firing of a pipeline's triggers and the run it started.
package struct TriggerFiring: Sendable, Equatable, Encodable {
    /// How the firing ended: the run's verdict, or `error` when the run could not start.
    package enum Status: String, Sendable, Equatable, Encodable {
        case passed, failed, error

        /// The status of a firing whose run ended with `status`.
        init(_ status: PipelineRunReport.Status) {
            switch status {
            case .passed: self = .passed
            case .failed: self = .failed
            }
        }
    }

    /// Simulated time it fired.
    package var at: Date
    /// Why, one per trigger that fired at that moment: `schedule 0 2 * * 0`, `drift: …`.
    package var reasons: [String]
    /// The run it started and how it ended, or the error that stopped it.
    package var runID: Int?
    package var status: Status
    /// What the run ended with: the deploy stage's outcome, or why it failed.
    package var outcome: String

    enum CodingKeys: String, CodingKey {
        case at, reasons, status, outcome
        case runID = "run_id"
    }
}

/// Moves the simulated clock and lets production happen on the way, in time order.
///
/// At the end of each day its requests are served by whatever is deployed, the labels that came back are
/// written to `data/feedback.csv`, and the pipeline's `data_change` and `drift` triggers are
/// checked; `schedule` triggers fire at each cron time crossed. Each firing runs the pipeline
/// (triggers firing at the same moment share one run), whose deploy stage ships the new
/// challenger only if it beats the champion, unless `force` is given: then the runs rerun every
/// stage, as `pipeline run --force` does, and deploy whatever they trained (audited).
package struct ProductionClock: Sendable {
    package let workspace: Workspace
    /// Deploy stages of triggered runs ship candidates that are not better (audited).
    package var force = false
    var meter = LatencyMeter.real

    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Advances the clock by `duration`, living through what happens on the way.
    package func advance(by duration: SimulatedDuration, actor: String) throws -> ClockAdvanceReport {
        let hold = try WorkspaceLock.acquire(workspace, for: "clock advance")
        defer { hold.release() }
        let clock = workspace.clock
        let pipelineFile = workspace.root + "/" + PipelineLoader.defaultFile
        let pipeline =
            FileManager.default.fileExists(atPath: pipelineFile) ? try PipelineLoader.load(in: workspace) : nil
        let triggers = pipeline?.triggers ?? []
        let schedules = try triggers.compactMap { trigger -> CronSchedule? in
            if case .schedule(let cron) = trigger { return try CronSchedule(cron) }
            return nil
        }
        let from = try clock.now()
        let to = from.addingTimeInterval(duration.seconds)
        try workspace.state.pool.write { db in
            try StateStore.audit(
                db, actor: actor, action: "clock.advance", subject: "clock",
                detail: "\(SimulatedClock.format(from)) → \(SimulatedClock.format(to)) (+\(duration))")
        }
        var report = ClockAdvanceReport(from: from, to: to, served: [], triggers: [])
        let scenario = try ScenarioState(workspace: workspace).current()

        // The moments to live through, in order: day ends first when a cron time coincides.
        var events: [(at: Date, dayEnd: Int?, cron: String?)] = []
        var day = max(0, scenario.streamDay(at: from))
        while scenario.dayStart(day + 1) <= to {
            if scenario.dayStart(day + 1) > from { events.append((scenario.dayStart(day + 1), day, nil)) }
            day += 1
        }
        for schedule in schedules {
            for time in schedule.dueTimes(after: from, through: to) { events.append((time, nil, schedule.expression)) }
        }
        events.sort { $0.at != $1.at ? $0.at < $1.at : ($0.dayEnd != nil && $1.dayEnd == nil) }

        let watch = pipeline.map { TriggerWatch(workspace: workspace, pipeline: $0) }
        var feedback = FeedbackFile(workspace: workspace)
        // What the data_change triggers saw last; a file never seen counts from the content the
        // last successful run used (so an edit made before the first `clock advance` fires the
        // trigger), or from now when no run has read it.
        var seen = try watch?.recordedHashes() ?? [:]
        if let watch {
            let used = try watch.lockedHashes()
            for case .dataChange(let paths) in triggers {
                for (file, hash) in try watch.hashes(watch.watched(paths)) where seen[file] == nil {
                    seen[file] = used[file] ?? hash
                }
            }
        }
        var index = 0
        while index < events.count {
            let at = events[index].at
            var reasons: [String] = []
            while index < events.count, events[index].at == at {
                let event = events[index]
                index += 1
                try clock.move(to: at)
                if let cron = event.cron {
                    reasons.append("schedule \(cron)")
                    continue
                }
                guard let ended = event.dayEnd else { continue }
                let production = try ProductionView(workspace: workspace)
                if let served = try serve(day: ended, production: production) {
                    report.served.append(served)
                    try feedback.write(production: production)
                }
                guard let watch else { continue }
                for trigger in triggers {
                    switch trigger {
                    case .dataChange(let paths):
                        let (changed, now) = try watch.changes(watch.watched(paths), since: seen)
                        seen.merge(now) { _, new in new }
                        if !changed.isEmpty {
                            reasons.append("data_change: \(changed.joined(separator: ", ")) changed")
                        }
                    case .drift(let method, let threshold):
                        if let crossing = try watch.driftCrossing(
                            day: ended, method: method, threshold: threshold,
                            production: production)
                        {
                            reasons.append("drift on \(production.stream.startDate.adding(days: ended)): \(crossing)")
                        }
                    case .schedule:
                        break
                    }
                }
                try watch.record(seen)
            }
            if !reasons.isEmpty, let pipeline {
                report.triggers.append(try fire(pipeline, at: at, reasons: reasons, actor: actor))
            }
        }
        try clock.move(to: to)
        return report
    }

    /// Serves what is left of day `day`, if anything is deployed.
    private func serve(day: Int, production: ProductionView) throws -> ClockAdvanceReport.DaySummary? {
        guard try ModelRegistry(workspace: workspace).aliased("champion") != nil else { return nil }
        var simulator = try TrafficSimulator(workspace: workspace)
        simulator.meter = meter
        let traffic = try simulator.serve(day: day, limit: nil, production: production)
        guard traffic.requests > 0 else { return nil }
        return .init(
            day: traffic.day, date: traffic.date, requests: traffic.requests,
            errors: traffic.versions.filter { $0.role != .shadow }.map(\.errors).reduce(0, +))
    }

    /// Runs the pipeline for the triggers that fired at `at`, recording the firing.
    private func fire(_ pipeline: PipelineDefinition, at: Date, reasons: [String], actor: String) throws
        -> TriggerFiring
    {
        let triggerActor = "trigger (\(actor))"
        try workspace.state.pool.write { db in
            try StateStore.audit(
                db, actor: triggerActor, action: "trigger", subject: pipeline.file,
                detail: "\(SimulatedClock.format(at)): \(reasons.joined(separator: "; "))"
                    + (force ? " (deploying with --force)" : ""))
        }
        var executors = StageExecutors.standard(forceDeploy: force)
        var deploy = DeployExecutor(force: force)
        deploy.meter = meter
        executors[.deploy] = deploy
        var runner = PipelineRunner(workspace: workspace, pipeline: pipeline, executors: executors)
        runner.actor = triggerActor
        do {
            let run = try runner.run(force: force)
            let outcome =
                run.failedStage.map { "\($0.name) failed: \($0.reason)" }
                ?? run.stages.last { $0.kind == .deploy }?.summary
                ?? run.stages.last?.summary ?? "no stages ran"
            return TriggerFiring(
                at: at, reasons: reasons, runID: run.runID, status: TriggerFiring.Status(run.status), outcome: outcome)
        } catch let error as LabError {
            return TriggerFiring(at: at, reasons: reasons, runID: nil, status: .error, outcome: error.description)
        }
    }
}
