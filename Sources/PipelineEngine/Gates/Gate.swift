/// One validation gate a candidate model must pass before it ships.
public struct Gate: Sendable, Equatable {
    /// What the gate checks, with its bounds.
    public enum Check: Sendable, Equatable {
        /// Required columns (and optionally their types) are present in the evaluation data.
        case schema(columns: [String], types: [String: ColumnType])
        /// A metric lies within bounds, such as `accuracy >= 0.85`.
        case threshold(metric: String, min: Double?, max: Double?)
        /// The candidate is not worse than the registry's `champion` beyond a tolerance.
        case noRegression(metric: String, absolute: Double?, relative: Double?)
        /// Per-prediction latency percentiles in milliseconds.
        case latency(p95: Double?, p99: Double?)
        /// Peak memory in megabytes.
        case memory(maxMegabytes: Double)
        /// Per-slice fairness: demographic parity ratio floor, equalized odds difference ceiling.
        case fairness(slice: String, minParityRatio: Double?, maxOddsDifference: Double?)
        /// Agreement with the champion on mirrored (shadow) traffic.
        case shadow(minAgreement: Double)
    }

    public var name: String
    public var check: Check
    /// A required gate stops the run when it fails; an advisory one only warns.
    public var required: Bool
    /// Where the gate is defined, for messages.
    public var line: Int?

    public init(name: String, check: Check, required: Bool = true, line: Int? = nil) {
        self.name = name
        self.check = check
        self.required = required
        self.line = line
    }

    /// The gate's type as written in `gates.yaml`.
    public var type: String {
        switch check {
        case .schema: "schema"
        case .threshold: "threshold"
        case .noRegression: "no_regression"
        case .latency: "latency"
        case .memory: "memory"
        case .fairness: "fairness"
        case .shadow: "shadow"
        }
    }
}

/// What a gate decided, with the reason and the numbers behind it.
public struct GateResult: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case passed, failed, skipped
    }

    public var name: String
    public var type: String
    public var required: Bool
    public var status: Status
    /// The reason in words, with numbers: "accuracy 0.812 < 0.850".
    public var message: String
    /// The measured values the verdict rests on.
    public var observed: [String: Double]

    public init(name: String, type: String, required: Bool, status: Status, message: String,
                observed: [String: Double] = [:]) {
        self.name = name
        self.type = type
        self.required = required
        self.status = status
        self.message = message
        self.observed = observed
    }
}

/// The verdicts of a gate configuration, in order.
public struct GateReport: Sendable, Equatable, Codable {
    public var results: [GateResult]

    public init(results: [GateResult]) {
        self.results = results
    }

    /// True when no required gate failed (advisory failures are allowed).
    public var passed: Bool {
        !results.contains { $0.status == .failed && $0.required }
    }

    /// The first required gate that failed, which stopped the evaluation.
    public var blocking: GateResult? {
        results.first { $0.status == .failed && $0.required }
    }
}
