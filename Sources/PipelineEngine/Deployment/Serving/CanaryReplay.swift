import LabSupport

/// Replays production traffic through a champion and a canary split by weight, for one
/// interval of a canary step at a time.
///
/// Each interval draws its requests from recent production (the last week up to today) with
/// a generator seeded by the rollout, step and interval, so an analysis can be repeated; each
/// request goes to the canary with the step's weight as probability. Predictions are real and
/// timed; latency and timeouts on the platform come from the queueing model.
struct CanaryReplay {
    var champion: ServedModel
    var canary: ServedModel
    let rows: ProductionRows
    let today: Int
    let rollout: Rollout
    let platform: PlatformSettings
    let analysis: AnalysisSettings
    let meter: LatencyMeter

    mutating func measure(step: Int, weight: Int, interval: Int) -> (
        champion: VersionMeasurement, canary: VersionMeasurement
    ) {
        var random = SeededRandom.derived(from: UInt64(rollout.id), UInt64(step), UInt64(interval))
        var tallies = [Tally(), Tally()]
        for _ in 0..<analysis.requestsPerInterval where rows.count > 0 {
            let row = Int(random.next() % UInt64(rows.count))
            let toCanary = random.nextUnit() * 100 < Double(weight)
            let (answer, ms) = toCanary ? canary.answer(row, meter: meter) : champion.answer(row, meter: meter)
            tallies[toCanary ? 1 : 0].add(answer: answer, ms: ms, label: rows.label(row, knownBy: today))
        }
        let rate = platform.requestsPerSecond(at: rollout.loadLevel)
        let championPool = ServingPool(
            requestsPerSecond: rate * Double(100 - weight) / 100, replicas: platform.replicas,
            serviceMs: rollout.serviceMs(of: champion.version) ?? platform.baselineServiceMs)
        let canaryPool = ServingPool(
            requestsPerSecond: rate * Double(weight) / 100,
            replicas: platform.canaryReplicas(weight: weight),
            serviceMs: rollout.serviceMs(of: canary.version) ?? platform.baselineServiceMs)
        return (
            tallies[0].measurement(version: champion.version, pool: championPool, platform: platform),
            tallies[1].measurement(version: canary.version, pool: canaryPool, platform: platform)
        )
    }

    /// What one version did with its requests in an interval.
    struct Tally {
        var requests = 0
        var errors = 0
        var times: [Double] = []
        var labelled = 0
        var correct = 0

        mutating func add(answer: String?, ms: Double, label: String?) {
            requests += 1
            guard let answer else {
                errors += 1
                return
            }
            times.append(ms)
            if let label {
                labelled += 1
                if label == answer { correct += 1 }
            }
        }

        func measurement(version: Int, pool: ServingPool, platform: PlatformSettings) -> VersionMeasurement {
            let sorted = times.sorted()
            return VersionMeasurement(
                version: version, requests: requests, predictionErrors: errors, measuredP50Ms: percentile(sorted, 50),
                measuredP95Ms: percentile(sorted, 95), pool: pool,
                forecast: QueueingModel.forecast(
                    pool, timeoutMs: platform.timeoutMs, intervalSeconds: platform.intervalSeconds),
                labelled: labelled, correct: correct)
        }
    }
}
