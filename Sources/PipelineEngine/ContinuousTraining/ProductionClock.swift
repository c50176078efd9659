import Foundation

/// What happened in production while the clock moved.
public struct ClockAdvanceReport: Sendable, Equatable, Codable {
    public var from: Date
    public var to: Date
    /// Each day that ended, with what the deployed models served of it.
    public var served: [DaySummary]

    /// One day of production that ended while the clock moved.
    public struct DaySummary: Sendable, Equatable, Codable {
        public var day: Int
        public var date: String
        public var requests: Int
        public var errors: Int

        public init(day: Int, date: String, requests: Int, errors: Int) {
            self.day = day
            self.date = date
            self.requests = requests
            self.errors = errors
        }
    }
}

/// Moves the simulated clock and lets production happen on the way: each day that ends is
/// served by whatever is deployed, so monitoring has a history to show.
public struct ProductionClock: Sendable {
    public let workspace: Workspace
    var meter = LatencyMeter.real

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Advances the clock by `duration` and serves the days that end on the way.
    public func advance(by duration: SimulatedDuration, actor: String) throws -> ClockAdvanceReport {
        let interval = try SimulatedClock(state: workspace.state).advance(by: duration, actor: actor)
        var report = ClockAdvanceReport(from: interval.start, to: interval.end, served: [])
        guard try ModelRegistry(workspace: workspace).aliased("champion") != nil else { return report }
        let production = try ProductionView(workspace: workspace)
        var simulator = try TrafficSimulator(workspace: workspace)
        simulator.meter = meter
        let firstDay = production.scenario.streamDay(at: interval.start)
        for traffic in try simulator.serveCompletedDays(from: firstDay, production: production) where traffic.requests > 0 {
            report.served.append(.init(day: traffic.day, date: traffic.date, requests: traffic.requests,
                                       errors: traffic.versions.filter { $0.role != .shadow }.map(\.errors).reduce(0, +)))
        }
        return report
    }
}
