import Foundation
import GRDB

/// What `monitor` shows: production day by day over a window, from the served-request log
/// (traffic, errors, latency, live accuracy as labels come back) and from the stream (drift).
package struct MonitorReport: Sendable, Equatable, Codable {
    package var scenario: String
    package var champion: Int?
    package var method: DriftMethod
    /// The stream days the drift reference is made of, as dates: `2026-11-23 – 2026-11-29`.
    package var reference: String
    package var days: [MonitorDay]
    /// The champion's training data (found by its lineage's data hash) that skew is measured
    /// against; nil with no champion or when no workspace file has that hash.
    package var trainingData: String? = nil

    enum CodingKeys: String, CodingKey {
        case scenario, champion, method, reference, days
        case trainingData = "training_data"
    }

    /// One day of production.
    package struct MonitorDay: Sendable, Equatable, Codable {
        package var day: Int
        package var date: String
        package var requests: Int
        package var errors: Int
        /// The 95th percentile of platform latency, nil when nothing was served.
        package var p95Ms: Double?
        /// Served requests of the day whose labels are back, and how many were answered right.
        package var labelled: Int
        package var correct: Int
        package var pending: Int
        package var drift: [FeatureDrift]
        /// Training-serving skew: the champion's training data against the features served
        /// in the same days as `drift`; empty on days nothing was served or with no training data.
        package var skew: [FeatureDrift] = []

        package var errorRate: Double? { requests > 0 ? Double(errors) / Double(requests) : nil }
        package var accuracy: Double? { labelled > 0 ? Double(correct) / Double(labelled) : nil }

        enum CodingKeys: String, CodingKey {
            case day, date, requests, errors, labelled, correct, pending, drift, skew
            case p95Ms = "p95_ms"
        }
    }
}

/// Builds monitor reports for a workspace.
package struct ProductionMonitor: Sendable {
    package let workspace: Workspace

    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The last `window` of production up to now, drift measured with `method`.
    package func report(
        window: SimulatedDuration, method: DriftMethod = .psi,
        threshold: Double? = nil
    ) throws -> MonitorReport {
        let production = try ProductionView(workspace: workspace)
        let count = max(1, Int((window.seconds / 86_400).rounded(.up)))
        let days = max(0, production.today - count + 1)...production.today
        let watcher = ProductionDrift(stream: production.stream, historyDays: production.scenario.historyDays)
        let served = try servedByDay(days, today: production.today)
        let start = production.stream.startDate
        let reference =
            "\(start.adding(days: watcher.referenceDays.lowerBound)) – \(start.adding(days: watcher.referenceDays.upperBound - 1))"
        let champion = try ModelRegistry(workspace: workspace).aliased("champion")
        let skew = try champion.flatMap { try ServingSkew.locate($0, in: workspace) }
        return MonitorReport(
            scenario: production.scenario.name,
            champion: champion?.version,
            method: method, reference: reference,
            days: try days.map { day in
                var entry =
                    served[day]
                    ?? MonitorReport.MonitorDay(
                        day: day, date: "", requests: 0, errors: 0, p95Ms: nil, labelled: 0, correct: 0, pending: 0,
                        drift: [])
                entry.date = start.adding(days: day).description
                entry.drift = try watcher.drift(day: day, method: method, threshold: threshold)
                if let skew, entry.requests > 0 {
                    entry.skew = try skew.skew(
                        served: watcher.current(day: day), method: method, threshold: threshold)
                }
                return entry
            }, trainingData: skew?.trainingFile)
    }

    private func servedByDay(_ days: ClosedRange<Int>, today: Int) throws -> [Int: MonitorReport.MonitorDay] {
        try workspace.state.pool.read { db in
            var result: [Int: MonitorReport.MonitorDay] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT stream_day, COUNT(*) AS requests,
                        SUM(CASE WHEN error IS NOT NULL THEN 1 ELSE 0 END) AS errors,
                        SUM(CASE WHEN label_day <= ? AND error IS NULL THEN 1 ELSE 0 END) AS labelled,
                        SUM(CASE WHEN label_day <= ? AND error IS NULL AND prediction = label THEN 1 ELSE 0 END) AS correct,
                        SUM(CASE WHEN label_day > ? THEN 1 ELSE 0 END) AS pending
                    FROM served_request WHERE stream_day BETWEEN ? AND ? GROUP BY stream_day
                    """, arguments: [today, today, today, days.lowerBound, days.upperBound])
            for row in rows {
                let day: Int = row["stream_day"]
                let latencies = try Double.fetchAll(
                    db, sql: "SELECT latency_ms FROM served_request WHERE stream_day = ? ORDER BY latency_ms",
                    arguments: [day])
                result[day] = MonitorReport.MonitorDay(
                    day: day, date: "", requests: row["requests"], errors: row["errors"],
                    p95Ms: percentile(latencies, 95), labelled: row["labelled"], correct: row["correct"],
                    pending: row["pending"], drift: [])
            }
            return result
        }
    }
}
