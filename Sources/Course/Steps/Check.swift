package import PipelineEngine

/// A step's check: a declarative condition on the sandbox's real state.
///
/// A check is evaluated against the workspace (its files, registry, clock, runs, deployments,
/// served traffic and the journal of lab commands run in it), so a step is done only when the
/// sandbox holds the step's own evidence. Evidence that accumulates (runs, deployments,
/// versions, clock time, traffic, commands) counts only from the step's ``StepMark``: what
/// an earlier step or lesson left behind never completes a later one. Checks combine with
/// `all`, `any` and `not`.
package struct Check: Sendable, Equatable {
    /// What the check asks of the sandbox.
    package indirect enum Condition: Sendable, Equatable {
        /// A file exists in the workspace.
        case fileExists(path: String)
        /// A file contains a text, or a match of a regular expression.
        case fileContains(path: String, pattern: TextPattern)
        /// A file differs from its template in `Sandbox/`.
        case fileChanged(path: String)
        /// A file's SHA-256 is exactly this one.
        case fileHash(path: String, sha256: String)
        /// The model registry: an alias is set (and moved or not since the step began), or
        /// versions were registered since the step began.
        case registry(RegistryCondition)
        /// The simulated clock moved at least this far since the step began.
        case clock(advanced: SimulatedDuration)
        /// The status of the last pipeline run made since the step began, and of some of its stages.
        case lastRun(status: PipelineRunReport.Status?, stages: [StageExpectation])
        /// A gate's verdict in the last pipeline run made since the step began.
        case gate(name: String, status: GateResult.Status)
        /// A metric of the last pipeline run made since the step began, within bounds.
        case metric(name: String, min: Double?, max: Double?)
        /// The strategy and status of the latest deployment started since the step began.
        case deployment(strategy: DeploymentStrategy?, status: RolloutStatus?)
        /// A lab command beginning with these words ran in the sandbox since the step began
        /// and was not refused; with `after`, once the clock had moved that far since then.
        case ran(words: [String], after: SimulatedDuration?)
        /// Production requests served since the step began (and scored by a shadow too).
        case served(requests: Int, shadow: Bool)
        /// An expectation suite's verdict on a data file.
        case validation(data: String, suite: String, success: Bool)
        /// Every one of the checks passes.
        case all([Check])
        /// At least one of the checks passes.
        case any([Check])
        /// The check does not pass.
        case not(Check)
    }

    package var condition: Condition
    /// Where the check is written in `steps.yaml`.
    package var location: SourceLocation

    package init(_ condition: Condition, location: SourceLocation) {
        self.condition = condition
        self.location = location
    }

    /// The kind as authors write it (`file_exists`, `all`, ...).
    package var kind: Kind {
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
        case .ran: .ran
        case .served: .served
        case .all: .all
        case .any: .any
        case .not: .not
        }
    }

    /// This check and every check nested in it, outermost first.
    package var flattened: [Check] {
        switch condition {
        case .all(let parts), .any(let parts): [self] + parts.flatMap(\.flattened)
        case .not(let inner): [self] + inner.flattened
        default: [self]
        }
    }

    /// The kinds of check, by the key that introduces them in YAML.
    package enum Kind: String, Sendable, CaseIterable {
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
        case ran
        case served
        case all
        case any
        case not
    }
}

/// Text to look for in a file: a literal, or a regular expression (search semantics).
package enum TextPattern: Sendable, Equatable {
    case text(String)
    case regex(String)
}

/// What a `registry` check asks: an alias exists (and moved, or stayed, since the step began),
/// and how many versions were registered since the step began.
///
/// It never names a version number: which number a model gets depends on everything else the
/// learner ran, while "the champion moved" or "one new version" is the step's own outcome.
package struct RegistryCondition: Sendable, Equatable {
    package var alias: String?
    /// With `alias`: true when it must point at another version than when the step began (or
    /// be new), false when it must point at the same one.
    package var moved: Bool?
    /// At least this many versions registered since the step began.
    package var newVersions: Int?
    /// At most this many versions registered since the step began.
    package var newVersionsMax: Int?

    package init(alias: String? = nil, moved: Bool? = nil, newVersions: Int? = nil, newVersionsMax: Int? = nil) {
        self.alias = alias
        self.moved = moved
        self.newVersions = newVersions
        self.newVersionsMax = newVersionsMax
    }
}

/// A stage and the status it must have had in the last run.
package struct StageExpectation: Sendable, Equatable {
    package var stage: String
    package var status: Status

    package init(stage: String, status: Status) {
        self.stage = stage
        self.status = status
    }

    /// How the stage must have ended the run, as authors write it (`ran`, `cached`, `restored`, ...).
    package enum Status: Sendable, Equatable, RawRepresentable {
        /// With this status; a stage that restored its outputs was cached too.
        case ended(StageReport.Status)
        /// Cached, with outputs that were missing or changed put back from the artifact store.
        case restored

        /// The statuses a stage ends a run with, and `restored`.
        package static let all: [Status] = StageReport.Status.allCases.map(Status.ended) + [.restored]

        package init?(rawValue: String) {
            guard let status = Self.all.first(where: { $0.rawValue == rawValue }) else { return nil }
            self = status
        }

        package var rawValue: String {
            switch self {
            case .ended(let status): status.rawValue
            case .restored: "restored"
            }
        }

        /// Whether a stage that ended the run as `result` did so.
        package func holds(for result: RecordedStage) -> Bool {
            switch self {
            case .ended(let status): result.status == status
            case .restored: result.restoredOutputs
            }
        }
    }
}
