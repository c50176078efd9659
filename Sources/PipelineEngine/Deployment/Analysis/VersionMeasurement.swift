/// What one version did with its share of one interval's traffic: measured on the real model,
/// forecast for the platform.
package struct VersionMeasurement: Sendable, Equatable, Codable {
    package var version: Int
    /// Requests routed to this version.
    package var requests: Int
    /// Requests the model failed to answer (it threw, or could not read the request).
    package var predictionErrors: Int
    /// Real per-prediction latency on this machine, in milliseconds (p50, p95).
    package var measuredP50Ms: Double
    package var measuredP95Ms: Double
    /// The platform pool this version ran on, and what the queueing model makes of it.
    package var pool: ServingPool
    package var forecast: PoolForecast
    /// Requests whose label had come back, and how many of those it got right.
    package var labelled: Int
    package var correct: Int

    package init(
        version: Int, requests: Int, predictionErrors: Int, measuredP50Ms: Double, measuredP95Ms: Double,
        pool: ServingPool, forecast: PoolForecast, labelled: Int, correct: Int
    ) {
        self.version = version
        self.requests = requests
        self.predictionErrors = predictionErrors
        self.measuredP50Ms = measuredP50Ms
        self.measuredP95Ms = measuredP95Ms
        self.pool = pool
        self.forecast = forecast
        self.labelled = labelled
        self.correct = correct
    }

    /// The share of requests that failed: real prediction errors, plus the answered requests
    /// the platform would have timed out.
    package var errorRate: Double {
        guard requests > 0 else { return 0 }
        let failed = Double(predictionErrors)
        return (failed + (Double(requests) - failed) * forecast.timeoutShare) / Double(requests)
    }

    /// The share of labelled requests answered correctly, nil before any label is back.
    package var liveAccuracy: Double? {
        labelled > 0 ? Double(correct) / Double(labelled) : nil
    }

    enum CodingKeys: String, CodingKey {
        case version, requests, pool, forecast, labelled, correct
        case predictionErrors = "prediction_errors"
        case measuredP50Ms = "measured_p50_ms"
        case measuredP95Ms = "measured_p95_ms"
    }
}
