import Foundation
import GRDB
import LabSupport

/// Serves production traffic for real: the running scenario's requests of a day go through
/// the deployed versions (a shadow gets a mirrored copy), every answer is timed and logged,
/// and the queueing model turns service times into platform latency and timeouts.
package struct TrafficSimulator: Sendable {
    package let workspace: Workspace
    package var settings: DeploymentSettings
    var meter = LatencyMeter.real

    package init(workspace: Workspace) throws {
        self.workspace = workspace
        settings = try DeploymentSettings.load(workspace: workspace.root)
    }

    var log: ServedRequestLog { ServedRequestLog(state: workspace.state) }

    /// Serves up to `requests` of today's requests not served yet (all of them when nil).
    package func simulate(requests: Int? = nil) throws -> TrafficReport {
        if let requests, requests < 1 {
            throw LabError(.trafficBadRequests, "--requests must be 1 or more, got \(requests)")
        }
        let production = try ProductionView(workspace: workspace)
        return try serve(day: production.today, limit: requests, production: production)
    }

    /// Serves requests of stream day `day`, continuing after those already served.
    func serve(day: Int, limit: Int?, production: ProductionView) throws -> TrafficReport {
        let registry = ModelRegistry(workspace: workspace)
        guard let champion = try registry.aliased("champion")?.version else {
            throw LabError(
                .trafficNothingDeployed,
                "nothing is deployed: there is no champion yet; deploy a version first (`deploy v1 --strategy direct`)")
        }
        let active = try RolloutStore(state: workspace.state).state.pool.read { db in try RolloutStore.active(db) }
        let level = try LabSettings(state: workspace.state).loadLevel()
        let rows = ProductionRows.from(production.stream, days: day...day)
        let done = try log.servedCount(day: day)
        let count = min(limit ?? Int.max, max(0, rows.count - done))
        let date = production.stream.startDate.adding(days: day)

        // Who serves: the champion, a canary at its step's weight, or a shadow mirrored.
        var championModel = try ServedModel(version: champion, registry: registry, rows: rows.table)
        var canary: (model: ServedModel, weight: Int)?
        var shadow: ServedModel?
        if let active, active.candidate != champion {
            let model = try ServedModel(version: active.candidate, registry: registry, rows: rows.table)
            if active.status == .shadowing { shadow = model } else { canary = (model, active.candidateWeight) }
        }
        let baselineVersion = try LabSettings(state: workspace.state).baselineVersion() ?? champion
        var baseline = try ServedModel(version: baselineVersion, registry: registry, rows: rows.table)
        var timed = [championModel] + [canary?.model, shadow].compactMap { $0 }
        let times = PlatformCalibration.measure(
            &timed, baseline: &baseline, rows: rows.count,
            settings: settings.platform, meter: meter)
        let service = { (version: Int) in
            times.first { $0.version == version }?.serviceMs ?? settings.platform.baselineServiceMs
        }

        let rate = settings.platform.requestsPerSecond(at: level)
        let weight = canary?.weight ?? 0
        let platform = settings.platform
        func lane(_ rate: Double, _ replicas: Int, _ version: Int) -> Lane {
            let pool = ServingPool(requestsPerSecond: rate, replicas: replicas, serviceMs: service(version))
            return Lane(
                pool: pool,
                forecast: QueueingModel.forecast(
                    pool, timeoutMs: platform.timeoutMs, intervalSeconds: platform.intervalSeconds))
        }
        let championLane = lane(rate * Double(100 - weight) / 100, platform.replicas, champion)
        var lanes: [VersionTraffic.Role: Lane] = [.champion: championLane]
        if let canary {
            lanes[.canary] = lane(
                rate * Double(weight) / 100, platform.canaryReplicas(weight: weight), canary.model.version)
        }
        if let shadow { lanes[.shadow] = lane(rate, platform.replicas, shadow.version) }
        let laneOf = { (role: VersionTraffic.Role) in lanes[role] ?? championLane }

        var tallies: [VersionTraffic.Role: Tally] = [:]
        var entries: [ServedRequestLog.Entry] = []
        let dayStart = production.scenario.dayStart(day)
        for row in done..<(done + count) {
            var random = SeededRandom.derived(from: production.scenario.seed, 0x5E_2F_ED, UInt64(day), UInt64(row))
            let role: VersionTraffic.Role =
                canary != nil && random.nextUnit() * 100 < Double(weight) ? .canary : .champion
            let arrival = random.nextUnit()
            let draw = random.nextUnit()
            var answer: (answer: String?, ms: Double)
            var version: Int
            if role == .canary, var model = canary?.model {
                answer = model.answer(row, meter: meter)
                canary?.model = model
                version = model.version
            } else {
                answer = championModel.answer(row, meter: meter)
                version = champion
            }
            let latency = QueueingModel.responseMs(
                laneOf(role).pool, forecast: laneOf(role).forecast, timeoutMs: settings.platform.timeoutMs,
                intervalSeconds: settings.platform.intervalSeconds, draw: draw,
                arrival: arrival)
            let timedOut = answer.answer != nil && latency >= settings.platform.timeoutMs
            let failure = answer.answer == nil ? (role == .canary ? canary?.model.failure : championModel.failure) : nil
            tallies[role, default: Tally()].add(
                ms: answer.ms, latency: latency, failed: answer.answer == nil, timedOut: timedOut)
            var entry = ServedRequestLog.Entry(
                deployment: active?.id,
                at: dayStart.addingTimeInterval(Double(row) * 86_400 / Double(max(1, rows.count))),
                day: day, row: row, servedVersion: version, prediction: timedOut ? nil : answer.answer,
                shadowVersion: nil, shadowPrediction: nil, latencyMs: latency,
                error: timedOut ? "timeout" : failure.map { $0.message } ?? (answer.answer == nil ? "no answer" : nil),
                label: rows.labels[row], labelDay: rows.labelDays[row])
            if var mirror = shadow {
                let mirrored = mirror.answer(row, meter: meter)
                shadow = mirror
                entry.shadowVersion = mirror.version
                entry.shadowPrediction = mirrored.answer
                let shadowLatency = QueueingModel.responseMs(
                    laneOf(.shadow).pool, forecast: laneOf(.shadow).forecast, timeoutMs: settings.platform.timeoutMs,
                    intervalSeconds: settings.platform.intervalSeconds, draw: draw, arrival: arrival)
                tallies[.shadow, default: Tally()].add(
                    ms: mirrored.ms, latency: shadowLatency, failed: mirrored.answer == nil,
                    timedOut: mirrored.answer != nil && shadowLatency >= settings.platform.timeoutMs)
            }
            entries.append(entry)
        }
        try log.append(entries)

        let versions: [(VersionTraffic.Role, Int)] =
            [(.champion, champion)]
            + (canary.map { [(.canary, $0.model.version)] } ?? []) + (shadow.map { [(.shadow, $0.version)] } ?? [])
        return TrafficReport(
            day: day, date: date.description, loadLevel: level, requestsPerSecond: rate, requests: count,
            remainingToday: rows.count - done - count, dayTotal: rows.count,
            versions: versions.map { role, version in
                (tallies[role] ?? Tally()).traffic(
                    version: version, role: role, pool: laneOf(role).pool, forecast: laneOf(role).forecast)
            },
            shadow: try shadow.flatMap { try log.shadowComparison(version: $0.version, today: production.today) },
            live: try log.liveAccuracy(today: production.today))
    }

    /// One role's pool of replicas and what the queueing model makes of it.
    struct Lane {
        var pool: ServingPool
        var forecast: PoolForecast
    }

    /// What one role's requests did in a run.
    struct Tally {
        var requests = 0
        var errors = 0
        var timeouts = 0
        var latencies: [Double] = []
        var measured: [Double] = []

        mutating func add(ms: Double, latency: Double, failed: Bool, timedOut: Bool) {
            requests += 1
            if failed || timedOut { errors += 1 }
            if timedOut { timeouts += 1 }
            if !failed { measured.append(ms) }
            latencies.append(latency)
        }

        func traffic(version: Int, role: VersionTraffic.Role, pool: ServingPool, forecast: PoolForecast)
            -> VersionTraffic
        {
            VersionTraffic(
                version: version, role: role, requests: requests, errors: errors, timeouts: timeouts,
                p95Ms: percentile(latencies.sorted(), 95), serviceMs: pool.serviceMs, pool: pool,
                forecast: forecast, measuredP50Ms: percentile(measured.sorted(), 50))
        }
    }
}
