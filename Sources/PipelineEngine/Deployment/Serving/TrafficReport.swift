/// What `traffic simulate` served: today's requests through the deployed versions, how the
/// platform coped, and what the labels that have come back say about accuracy.
package struct TrafficReport: Sendable, Equatable, Codable {
    /// The stream day served and its date.
    package var day: Int
    package var date: String
    package var loadLevel: LoadLevel
    package var requestsPerSecond: Double
    /// Requests served now, and requests of the day still to come.
    package var requests: Int
    package var remainingToday: Int
    /// Requests the day brings in all.
    package var dayTotal: Int
    /// Per version that answered: the versions serving traffic, then a shadow.
    package var versions: [VersionTraffic]
    /// How a shadow compared with the champion on the mirrored requests so far.
    package var shadow: ShadowComparison?
    /// Live accuracy of every version that has served, over all its requests whose labels are back.
    package var live: [LiveAccuracy]

    enum CodingKeys: String, CodingKey {
        case day, date, requests, versions, shadow, live
        case loadLevel = "load_level"
        case requestsPerSecond = "requests_per_second"
        case remainingToday = "remaining_today"
        case dayTotal = "day_total"
    }
}

/// One version's share of a traffic run.
package struct VersionTraffic: Sendable, Equatable, Codable {
    package enum Role: String, Sendable, Codable {
        case champion, canary, shadow
    }

    package var version: Int
    package var role: Role
    package var requests: Int
    /// Requests that failed: the model could not answer, or the platform timed out.
    package var errors: Int
    package var timeouts: Int
    /// The 95th percentile of the requests' platform latency, in milliseconds.
    package var p95Ms: Double
    package var serviceMs: Double
    package var pool: ServingPool
    package var forecast: PoolForecast
    /// Real single-prediction latency on this machine, median, in milliseconds.
    package var measuredP50Ms: Double

    package var errorRate: Double { requests > 0 ? Double(errors) / Double(requests) : 0 }

    enum CodingKeys: String, CodingKey {
        case version, role, requests, errors, timeouts, pool, forecast
        case p95Ms = "p95_ms"
        case serviceMs = "service_ms"
        case measuredP50Ms = "measured_p50_ms"
    }
}

/// A shadow against the champion on the same mirrored requests.
package struct ShadowComparison: Sendable, Equatable, Codable {
    package var version: Int
    package var champion: Int
    /// Mirrored requests both answered, and the share where their answers agreed.
    package var compared: Int
    package var agreement: Double?
    /// On the mirrored requests whose labels are back: how many, and each one's accuracy.
    package var labelled: Int
    package var championAccuracy: Double?
    package var shadowAccuracy: Double?

    enum CodingKeys: String, CodingKey {
        case version, champion, compared, agreement, labelled
        case championAccuracy = "champion_accuracy"
        case shadowAccuracy = "shadow_accuracy"
    }
}

/// A version's accuracy on the requests it served whose labels have come back.
package struct LiveAccuracy: Sendable, Equatable, Codable {
    package var version: Int
    package var labelled: Int
    package var correct: Int
    /// Served requests whose labels are not back yet.
    package var pending: Int

    package var accuracy: Double? { labelled > 0 ? Double(correct) / Double(labelled) : nil }

    enum CodingKeys: String, CodingKey {
        case version, labelled, correct, pending, accuracy
    }

    package init(version: Int, labelled: Int, correct: Int, pending: Int) {
        self.version = version
        self.labelled = labelled
        self.correct = correct
        self.pending = pending
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        labelled = try container.decode(Int.self, forKey: .labelled)
        correct = try container.decode(Int.self, forKey: .correct)
        pending = try container.decode(Int.self, forKey: .pending)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(labelled, forKey: .labelled)
        try container.encode(correct, forKey: .correct)
        try container.encode(pending, forKey: .pending)
        try container.encode(accuracy, forKey: .accuracy)
    }
}
