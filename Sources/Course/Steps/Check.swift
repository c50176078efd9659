import PipelineEngine

/// A step's check: a declarative condition on the sandbox's real state.
///
/// A check is evaluated against the workspace (its files, registry, clock, runs, deployments),
/// never against what the learner typed, so a step is done only when the sandbox is in the
/// state the step asks for. Checks combine with `all`, `any` and `not`.
public struct Check: Sendable, Equatable {
    /// What the check asks of the sandbox.
    public indirect enum Condition: Sendable, Equatable {
        /// A file exists in the workspace.
        case fileExists(path: String)
        /// A file contains a text, or a match of a regular expression.
        case fileContains(path: String, pattern: TextPattern)
        /// A file differs from its template in `Sandbox/`.
        case fileChanged(path: String)
        /// A file's SHA-256 is exactly this one.
        case fileHash(path: String, sha256: String)
        /// The model registry: an alias is set (to a version), or it holds enough versions.
        case registry(RegistryCondition)
        /// The simulated clock is at least this far past the sandbox's start.
        case clock(pastStart: SimulatedDuration)
        /// The status of the last pipeline run and of some of its stages.
        case lastRun(status: String?, stages: [StageStatus])
        /// A gate's verdict in the last pipeline run.
        case gate(name: String, status: String)
        /// A metric of the last pipeline run, within bounds.
        case metric(name: String, min: Double?, max: Double?)
        /// The latest deployment's strategy and status.
        case deployment(strategy: String?, status: String?)
        /// An expectation suite's verdict on a data file.
        case validation(data: String, suite: String, success: Bool)
        /// Every one of the checks passes.
        case all([Check])
        /// At least one of the checks passes.
        case any([Check])
        /// The check does not pass.
        case not(Check)
    }

    public var condition: Condition
    /// Where the check is written in `steps.yaml`.
    public var location: SourceLocation

    public init(_ condition: Condition, location: SourceLocation) {
        self.condition = condition
        self.location = location
    }

    /// The kind as authors write it (`file_exists`, `all`, ...).
    public var kind: Kind {
        switch condition {
        case .fileExists: .fileExists
        case .fileContains: .fileContains
        case .fileChanged: .fileChanged
        case .fileHash: .fileHash
        case .registry: .registry
        case .clock: .clock
        case .lastRun: .lastRun
        case .gate: .gate
        case .metric: .metric
        case .deployment: .deployment
        case .validation: .validation
        case .all: .all
        case .any: .any
        case .not: .not
        }
    }

    /// This check and every check nested in it, outermost first.
    public var flattened: [Check] {
        switch condition {
        case .all(let parts), .any(let parts): [self] + parts.flatMap(\.flattened)
        case .not(let inner): [self] + inner.flattened
        default: [self]
        }
    }

    /// The kinds of check, by the key that introduces them in YAML.
    public enum Kind: String, Sendable, CaseIterable {
        case fileExists = "file_exists"
        case fileContains = "file_contains"
        case fileChanged = "file_changed"
        case fileHash = "file_hash"
        case registry
        case clock
        case lastRun = "last_run"
        case gate
        case metric
        case deployment
        case validation
        case all
        case any
        case not
    }
}

/// Text to look for in a file: a literal, or a regular expression (search semantics).
public enum TextPattern: Sendable, Equatable {
    case text(String)
    case regex(String)
}

/// What a `registry` check asks: an alias exists, points at a version, or enough versions exist.
public struct RegistryCondition: Sendable, Equatable {
    public var alias: String?
    /// The version the alias must point at (needs `alias`).
    public var version: Int?
    /// At least this many registered versions.
    public var versionsAtLeast: Int?

    public init(alias: String? = nil, version: Int? = nil, versionsAtLeast: Int? = nil) {
        self.alias = alias
        self.version = version
        self.versionsAtLeast = versionsAtLeast
    }
}

/// A stage and the status it must have had in the last run.
public struct StageStatus: Sendable, Equatable {
    public var stage: String
    public var status: String

    public init(stage: String, status: String) {
        self.stage = stage
        self.status = status
    }

    /// The statuses a stage ends a run with.
    public static let statuses = StageReport.Status.allCases.map(\.rawValue)
}
