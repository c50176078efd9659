/// One validation gate a candidate model must pass before it ships.
package struct Gate: Sendable, Equatable {
    /// What the gate checks, with its bounds.
    package enum Check: Sendable, Equatable {
        /// Required columns (and optionally their types) are present in the evaluation data.
        case schema(columns: [String], types: [String: ColumnType])
        /// A metric lies within bounds, such as `accuracy >= 0.85`.
        case threshold(metric: String, min: Double?, max: Double?)
        /// The candidate is not worse than the registry's `champion` beyond a tolerance.
        case noRegression(metric: String, absolute: Double?, relative: Double?)
        /// Per-prediction latency: percentiles in milliseconds, and the candidate's p95 at most
        /// `maxRatio` times the champion's, both timed in turn on the same rows.
        case latency(p95: Double?, p99: Double?, maxRatio: Double? = nil)
        /// Peak memory in megabytes.
        case memory(maxMegabytes: Double)
        /// Per-slice fairness: demographic parity ratio floor, equalized odds difference ceiling.
        case fairness(slice: String, minParityRatio: Double?, maxOddsDifference: Double?)
        /// Agreement with the champion on mirrored (shadow) traffic.
        case shadow(minAgreement: Double)
    }

    package var name: String
    package var check: Check
    /// A required gate stops the run when it fails; an advisory one only warns.
    package var required: Bool
    /// Where the gate is defined, for messages.
    package var line: Int?

    package init(name: String, check: Check, required: Bool = true, line: Int? = nil) {
        self.name = name
        self.check = check
        self.required = required
        self.line = line
    }

    /// The gate's type as written in `gates.yaml`.
    package var type: String {
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
package struct GateResult: Sendable, Equatable, Codable {
    package enum Status: String, Sendable, Codable, CaseIterable {
        case passed, failed, skipped
    }

    package var name: String
    package var type: String
    package var required: Bool
    package var status: Status
    /// The reason in words, with numbers: "accuracy 0.812 < 0.850".
    package var message: String
    /// The measured values the verdict rests on.
    package var observed: [String: Double]

    package init(
        name: String, type: String, required: Bool, status: Status, message: String,
        observed: [String: Double] = [:]
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.status = status
        self.message = message
        self.observed = observed
    }
}

/// The verdicts of a gate configuration, in order.
package struct GateReport: Sendable, Equatable, Codable {
    package var results: [GateResult]

    package init(results: [GateResult]) {
        self.results = results
    }

    /// True when no required gate failed (advisory failures are allowed).
    package var passed: Bool {
        !results.contains { $0.status == .failed && $0.required }
    }

    /// The first required gate that failed, which stopped the evaluation.
    package var blocking: GateResult? {
        results.first { $0.status == .failed && $0.required }
    }
}
