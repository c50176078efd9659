import Foundation

/// A production story the sandbox can live through: which data production sends, how the
/// world changes under the deployed model, and where the simulated clock starts.
///
/// Scenarios are YAML files in the sandbox's `scenarios/` folder (see ``ScenarioLoader``).
/// Without a started scenario the sandbox runs ``calm``: churn traffic in an unchanging world.
public struct Scenario: Sendable, Equatable {
    /// The file name without `.yaml`.
    public var name: String
    public var title: String
    /// What happens, told to the learner.
    public var story: String
    /// The data set production sends (`churn`, `reviews`, `credit`).
    public var dataset: String
    public var seed: UInt64
    public var rowsPerDay: Int
    /// Days between a request and its label, drawn per row.
    public var labelDelay: ClosedRange<Int>
    /// Days of production that had already happened when the scenario starts, so there is
    /// labelled history to compare with.
    public var historyDays: Int
    /// Where `scenario start` sets the clock.
    public var start: Date
    /// The load level the scenario starts at, when it sets one.
    public var load: LoadLevel?
    /// The world's changes, with days counted from the stream's day 0.
    public var changes: [WorldChange]
    /// What to run to watch the incident happen, told on `scenario start`.
    public var watch: String? = nil
    /// What stops it: the gate, check or cache the incident teaches.
    public var fix: String? = nil
    /// Files `scenario start` writes into the workspace (the incident's pipeline, gates, params).
    public var files: [ScenarioFile] = []
    /// Data sets `scenario start` generates into the workspace.
    public var data: [ScenarioDataFile] = []

    /// The scenario of a sandbox where nothing has been started: churn, no surprises.
    public static let calm = Scenario(
        name: "calm", title: "A calm week",
        story: "Churn predictions for a telecom, in a world that does not change.", dataset: "churn", seed: 7,
        rowsPerDay: 200, labelDelay: 1...3, historyDays: 14, start: SimulatedClock.defaultStart, load: nil,
        changes: [])

    /// The date of the stream's day 0.
    public var streamStart: CivilDate {
        CivilDate(containing: start).adding(days: -historyDays)
    }

    /// The production stream this scenario replays.
    public func stream() throws -> ProductionStream {
        try ProductionStream(
            dataset: dataset, seed: seed, startDate: streamStart, rowsPerDay: rowsPerDay,
            labelDelay: labelDelay, changes: changes)
    }

    /// The stream day that contains `date` (negative before the stream began).
    public func streamDay(at date: Date) -> Int {
        CivilDate(containing: date).daysSinceEpoch - streamStart.daysSinceEpoch
    }

    /// The instant stream day `day` begins (midnight UTC).
    public func dayStart(_ day: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(streamStart.adding(days: day).daysSinceEpoch) * 86_400)
    }
}

/// What `scenario list` shows of one scenario.
public struct ScenarioSummary: Sendable, Equatable, Codable {
    public var name: String
    public var title: String
    public var story: String
    /// Whether it is the sandbox's running scenario.
    public var active: Bool
    /// What to run to watch it go wrong, and what fixes it, when the scenario says.
    public var watch: String? = nil
    public var fix: String? = nil
}

/// What `scenario start` did: the scenario now running and the files it wrote.
public struct ScenarioStart: Sendable, Equatable, Encodable {
    public var scenario: Scenario
    /// Workspace paths written, in order.
    public var written: [String]

    enum CodingKeys: String, CodingKey {
        case name, title, story, watch, fix, start, load, written
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scenario.name, forKey: .name)
        try container.encode(scenario.title, forKey: .title)
        try container.encode(scenario.story, forKey: .story)
        try container.encodeIfPresent(scenario.watch, forKey: .watch)
        try container.encodeIfPresent(scenario.fix, forKey: .fix)
        try container.encode(SimulatedClock.format(scenario.start), forKey: .start)
        try container.encode((scenario.load ?? .normal).rawValue, forKey: .load)
        try container.encode(written, forKey: .written)
    }
}
