/// Measures how fast each version really predicts, relative to the platform's baseline model,
/// and turns that into platform service times.
///
/// The baseline serves at ``PlatformSettings/baselineServiceMs`` by definition; a version
/// whose median single-prediction latency is r times the baseline's serves at r times that.
/// Both are timed on the same rows, taking turns, so the machine's speed cancels out and
/// only the models' relative cost remains. Medians, not means, so that a stray scheduler
/// pause does not make a model look slow.
enum PlatformCalibration {
    /// Rows timed per version (cycled through the sample, each version in turn).
    static let timedPredictions = 300

    /// Service times for `models`, measured against `baseline` on `rows`.
    static func measure(
        _ models: inout [ServedModel], baseline: inout ServedModel, rows: Int,
        settings: PlatformSettings, meter: LatencyMeter
    ) -> [ServiceTime] {
        guard rows > 0 else {
            return ([baseline] + models).map {
                ServiceTime(version: $0.version, measuredMs: 0, serviceMs: settings.baselineServiceMs)
            }
        }
        var times = [[Double]](repeating: [], count: models.count + 1)
        for i in 0..<timedPredictions {
            let row = i % rows
            times[0].append(baseline.answer(row, meter: meter).ms)
            for m in models.indices { times[m + 1].append(models[m].answer(row, meter: meter).ms) }
        }
        let medians = times.map { percentile($0.sorted(), 50) }
        let reference = medians[0]
        var result = [
            ServiceTime(version: baseline.version, measuredMs: reference, serviceMs: settings.baselineServiceMs)
        ]
        for (m, model) in models.enumerated() where model.version != baseline.version {
            let failed = model.failure != nil || baseline.failure != nil || reference <= 0
            let service = failed ? settings.baselineServiceMs : settings.baselineServiceMs * medians[m + 1] / reference
            result.append(ServiceTime(version: model.version, measuredMs: medians[m + 1], serviceMs: service))
        }
        return result
    }
}
