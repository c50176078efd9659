/// What `traffic simulate` served: today's requests through the deployed versions, how the
/// platform coped, and what the labels that have come back say about accuracy.
public struct TrafficReport: Sendable, Equatable, Codable {
    /// The stream day served and its date.
    public var day: Int
    public var date: String
    public var loadLevel: LoadLevel
    public var requestsPerSecond: Double
    /// Requests served now, and requests of the day still to come.
    public var requests: Int
    public var remainingToday: Int
    /// Requests the day brings in all.
    public var dayTotal: Int
    /// Per version that answered: the versions serving traffic, then a shadow.
    public var versions: [VersionTraffic]
    /// How a shadow compared with the champion on the mirrored requests so far.
    public var shadow: ShadowComparison?
    /// Live accuracy of every version that has served, over all its requests whose labels are back.
    public var live: [LiveAccuracy]

    enum CodingKeys: String, CodingKey {
        case day, date, requests, versions, shadow, live
        case loadLevel = "load_level"
        case requestsPerSecond = "requests_per_second"
        case remainingToday = "remaining_today"
        case dayTotal = "day_total"
    }
}

/// One version's share of a traffic run.
public struct VersionTraffic: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Codable {
        case champion, canary, shadow
    }

    public var version: Int
    public var role: Role
    public var requests: Int
    /// Requests that failed: the model could not answer, or the platform timed out.
    public var errors: Int
    public var timeouts: Int
    /// The 95th percentile of the requests' platform latency, in milliseconds.
    public var p95Ms: Double
    public var serviceMs: Double
    public var pool: ServingPool
    public var forecast: PoolForecast
    /// Real single-prediction latency on this machine, median, in milliseconds.
    public var measuredP50Ms: Double

    public var errorRate: Double { requests > 0 ? Double(errors) / Double(requests) : 0 }

    enum CodingKeys: String, CodingKey {
        case version, role, requests, errors, timeouts, pool, forecast
        case p95Ms = "p95_ms"
        case serviceMs = "service_ms"
        case measuredP50Ms = "measured_p50_ms"
    }
}

/// A shadow against the champion on the same mirrored requests.
public struct ShadowComparison: Sendable, Equatable, Codable {
    public var version: Int
    public var champion: Int
    /// Mirrored requests both answered, and the share where their answers agreed.
    public var compared: Int
    public var agreement: Double?
    /// On the mirrored requests whose labels are back: how many, and each one's accuracy.
    public var labelled: Int
    public var championAccuracy: Double?
    public var shadowAccuracy: Double?

    enum CodingKeys: String, CodingKey {
        case version, champion, compared, agreement, labelled
        case championAccuracy = "champion_accuracy"
        case shadowAccuracy = "shadow_accuracy"
    }
}

/// A version's accuracy on the requests it served whose labels have come back.
public struct LiveAccuracy: Sendable, Equatable, Codable {
    public var version: Int
    public var labelled: Int
    public var correct: Int
    /// Served requests whose labels are not back yet.
    public var pending: Int

    public var accuracy: Double? { labelled > 0 ? Double(correct) / Double(labelled) : nil }

    enum CodingKeys: String, CodingKey {
        case version, labelled, correct, pending, accuracy
    }

    public init(version: Int, labelled: Int, correct: Int, pending: Int) {
        self.version = version
        self.labelled = labelled
        self.correct = correct
        self.pending = pending
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        labelled = try container.decode(Int.self, forKey: .labelled)
        correct = try container.decode(Int.self, forKey: .correct)
        pending = try container.decode(Int.self, forKey: .pending)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(labelled, forKey: .labelled)
        try container.encode(correct, forKey: .correct)
        try container.encode(pending, forKey: .pending)
        try container.encode(accuracy, forKey: .accuracy)
    }
}
