package import Foundation

/// A production story the sandbox can live through: which data production sends, how the
/// world changes under the deployed model, and where the simulated clock starts.
///
/// Scenarios are YAML files in the sandbox's `scenarios/` folder (see ``ScenarioLoader``).
/// Without a started scenario the sandbox runs ``calm``: churn traffic in an unchanging world.
package struct Scenario: Sendable, Equatable {
    /// The file name without `.yaml`.
    package var name: String
    package var title: String
    /// What happens, told to the learner.
    package var story: String
    /// The data set production sends (`churn`, `reviews`, `credit`).
    package var dataset: String
    package var seed: UInt64
    package var rowsPerDay: Int
    /// Days between a request and its label, drawn per row.
    package var labelDelay: ClosedRange<Int>
    /// Days of production that had already happened when the scenario starts, so there is
    /// labelled history to compare with.
    package var historyDays: Int
    /// Where `scenario start` sets the clock.
    package var start: Date
    /// The load level the scenario starts at, when it sets one.
    package var load: LoadLevel?
    /// The world's changes, with days counted from the stream's day 0.
    package var changes: [WorldChange]
    /// What to run to watch the incident happen, told on `scenario start`.
    package var watch: String? = nil
    /// What stops it: the gate, check or cache the incident teaches.
    package var fix: String? = nil
    /// Files `scenario start` writes into the workspace (the incident's pipeline, gates, params).
    package var files: [ScenarioFile] = []
    /// Data sets `scenario start` generates into the workspace.
    package var data: [ScenarioDataFile] = []

    /// The scenario of a sandbox where nothing has been started: churn, no surprises.
    package static let calm = Scenario(
        name: "calm", title: "A calm week",
        story: "Churn predictions for a telecom, in a world that does not change.", dataset: "churn", seed: 7,
        rowsPerDay: 200, labelDelay: 1...3, historyDays: 14, start: SimulatedClock.defaultStart, load: nil,
        changes: [])

    /// The date of the stream's day 0.
    package var streamStart: CivilDate {
        CivilDate(containing: start).adding(days: -historyDays)
    }

    /// The production stream this scenario replays.
    package func stream() throws -> ProductionStream {
        try ProductionStream(
            dataset: dataset, seed: seed, startDate: streamStart, rowsPerDay: rowsPerDay,
            labelDelay: labelDelay, changes: changes)
    }

    /// The stream day that contains `date` (negative before the stream began).
    package func streamDay(at date: Date) -> Int {
        CivilDate(containing: date).daysSinceEpoch - streamStart.daysSinceEpoch
    }

    /// The instant stream day `day` begins (midnight UTC).
    package func dayStart(_ day: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(streamStart.adding(days: day).daysSinceEpoch) * 86_400)
    }
}

/// What `scenario list` shows of one scenario.
package struct ScenarioSummary: Sendable, Equatable, Codable {
    package var name: String
    package var title: String
    package var story: String
    /// Whether it is the sandbox's running scenario.
    package var active: Bool
    /// What to run to watch it go wrong, and what fixes it, when the scenario says.
    package var watch: String? = nil
    package var fix: String? = nil
}

/// What `scenario start` did: the scenario now running and the files it wrote.
package struct ScenarioStart: Sendable, Equatable, Encodable {
    package var scenario: Scenario
    /// Workspace paths written, in order.
    package var written: [String]

    enum CodingKeys: String, CodingKey {
        case name, title, story, watch, fix, start, load, written
    }

    package func encode(to encoder: any Encoder) throws {
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
