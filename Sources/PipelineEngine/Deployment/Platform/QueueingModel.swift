import Foundation

/// One pool of identical replicas answering a stream of requests: what the queueing model
/// takes in.
package struct ServingPool: Sendable, Equatable, Codable {
    /// Requests arriving per second (λ).
    package var requestsPerSecond: Double
    /// Replicas serving in parallel (c).
    package var replicas: Int
    /// Time one replica spends on one request, in milliseconds (S = 1/μ).
    package var serviceMs: Double

    package init(requestsPerSecond: Double, replicas: Int, serviceMs: Double) {
        self.requestsPerSecond = requestsPerSecond
        self.replicas = replicas
        self.serviceMs = serviceMs
    }

    enum CodingKeys: String, CodingKey {
        case replicas
        case requestsPerSecond = "requests_per_second"
        case serviceMs = "service_ms"
    }
}

/// What the queueing model predicts for a pool: how busy it is, how long requests take at
/// the 95th percentile, and how many give up waiting.
package struct PoolForecast: Sendable, Equatable, Codable {
    /// Utilisation ρ = λS/c: the share of the replicas' time spent serving.
    ///
    /// At 1 or more the queue grows without bound.
    package var utilisation: Double
    /// The probability that a request has to queue (Erlang C); 1 when saturated.
    package var waitProbability: Double
    /// The 95th percentile of response time (service plus queueing), capped at the timeout.
    package var p95Ms: Double
    /// The share of requests that time out.
    package var timeoutShare: Double

    /// Whether the pool cannot keep up with its traffic.
    package var saturated: Bool { utilisation >= 1 }

    enum CodingKeys: String, CodingKey {
        case utilisation, saturated
        case waitProbability = "wait_probability"
        case p95Ms = "p95_ms"
        case timeoutShare = "timeout_share"
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(utilisation, forKey: .utilisation)
        try container.encode(saturated, forKey: .saturated)
        try container.encode(waitProbability, forKey: .waitProbability)
        try container.encode(p95Ms, forKey: .p95Ms)
        try container.encode(timeoutShare, forKey: .timeoutShare)
    }

    package init(utilisation: Double, waitProbability: Double, p95Ms: Double, timeoutShare: Double) {
        self.utilisation = utilisation
        self.waitProbability = waitProbability
        self.p95Ms = p95Ms
        self.timeoutShare = timeoutShare
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        utilisation = try container.decode(Double.self, forKey: .utilisation)
        waitProbability = try container.decode(Double.self, forKey: .waitProbability)
        p95Ms = try container.decode(Double.self, forKey: .p95Ms)
        timeoutShare = try container.decode(Double.self, forKey: .timeoutShare)
    }
}

/// Turns per-request service time into queueing delay and timeouts: how a model that is a few
/// milliseconds slower takes a platform down once traffic passes its capacity.
///
/// Below capacity (ρ < 1) a pool is an M/M/c queue: Poisson arrivals at rate λ, c replicas,
/// service rate μ = 1/S each. A request waits with probability C(c, a), Erlang's C formula
/// for the offered load a = λ/μ, and then for an exponential time with rate θ = cμ − λ, so
///
///     P(wait > t) = C · e^(−θt)
///     p95 = S + ln(C / 0.05) / θ      (just S when C ≤ 0.05)
///     timeouts = P(S + wait > T) = C · e^(−θ(T − S))
///
/// The service time itself is taken as fixed (each model's measured median), so responses
/// are S plus the M/M/c wait: an approximation that keeps the numbers exact and explainable.
///
/// At or past capacity (ρ ≥ 1) the queue grows for as long as the traffic lasts. Over an
/// interval of L seconds starting empty, the backlog grows at λ − cμ and a request arriving
/// at time t waits (ρ − 1)·t (a fluid approximation), so
///
///     p95 = min(T, S + (ρ − 1) · 0.95 L)
///     timeouts = 1 − (T − S) / ((ρ − 1) L)     (at least 0; all when S ≥ T)
///
/// T is the client timeout; a request that takes longer is counted as an error and its
/// latency as T. `Tests/PipelineEngineTests/References/queueing_reference.py` reproduces the
/// numbers.
package enum QueueingModel {
    /// The forecast for `pool` with clients that give up after `timeoutMs`, over intervals of
    /// `intervalSeconds`.
    package static func forecast(_ pool: ServingPool, timeoutMs: Double, intervalSeconds: Double) -> PoolForecast {
        let service = pool.serviceMs
        let lambda = pool.requestsPerSecond
        let replicas = Double(max(1, pool.replicas))
        guard lambda > 0, service > 0 else {
            return PoolForecast(
                utilisation: 0, waitProbability: 0, p95Ms: min(timeoutMs, service),
                timeoutShare: service >= timeoutMs ? 1 : 0)
        }
        let mu = 1000 / service
        let rho = lambda / (replicas * mu)
        if service >= timeoutMs {
            return PoolForecast(
                utilisation: rho,
                waitProbability: rho >= 1
                    ? 1
                    : erlangC(
                        replicas: max(1, pool.replicas),
                        offeredLoad: lambda / mu), p95Ms: timeoutMs, timeoutShare: 1)
        }
        if rho >= 1 {
            let growthMs = (rho - 1) * intervalSeconds * 1000
            let p95 = min(timeoutMs, service + 0.95 * growthMs)
            let timeouts = growthMs > 0 ? max(0, 1 - (timeoutMs - service) / growthMs) : 0
            return PoolForecast(utilisation: rho, waitProbability: 1, p95Ms: p95, timeoutShare: timeouts)
        }
        let c = erlangC(replicas: max(1, pool.replicas), offeredLoad: lambda / mu)
        let theta = replicas * mu - lambda  // per second
        let wait95 = c <= 0.05 ? 0 : log(c / 0.05) / theta * 1000
        let timeouts = c * exp(-theta * (timeoutMs - service) / 1000)
        return PoolForecast(
            utilisation: rho, waitProbability: c, p95Ms: min(timeoutMs, service + wait95),
            timeoutShare: timeouts)
    }

    /// One request's response time in milliseconds, drawn from the same model.
    ///
    /// `draw` is a uniform number in [0, 1) that picks the request's place in the wait distribution, and
    /// `arrival` (0 to 1) is when in the interval it arrives, which matters once the queue
    /// grows. A result equal to `timeoutMs` means the request timed out.
    package static func responseMs(
        _ pool: ServingPool, forecast: PoolForecast, timeoutMs: Double,
        intervalSeconds: Double, draw: Double, arrival: Double
    ) -> Double {
        let service = pool.serviceMs
        var wait = 0.0
        if forecast.saturated {
            wait = (forecast.utilisation - 1) * arrival * intervalSeconds * 1000
        } else if draw < forecast.waitProbability, draw > 0 {
            let theta = Double(max(1, pool.replicas)) * 1000 / service - pool.requestsPerSecond
            wait = log(forecast.waitProbability / draw) / theta * 1000
        }
        return min(timeoutMs, service + wait)
    }

    /// Erlang's C formula: the probability that an arrival must wait in an M/M/c queue with
    /// `replicas` servers and offered load `a` = λ/μ (< replicas), computed through the
    /// Erlang B recursion, which stays stable for large c.
    static func erlangC(replicas: Int, offeredLoad a: Double) -> Double {
        var b = 1.0
        for k in 1...max(1, replicas) {
            b = a * b / (Double(k) + a * b)
        }
        let rho = a / Double(replicas)
        return b / (1 - rho * (1 - b))
    }
}
