import LabSupport

/// Per-prediction latency of a candidate and of the champion, timed in turn on the same rows.
///
/// Both models answer each row, one right after the other in the same process, and which
/// goes first alternates from row to row. A busy machine therefore slows both alike, and the
/// ratio of their p95s says how much slower the candidate is, not how busy the machine was.
package struct RelativeLatency: Sendable, Equatable, Codable {
    /// The candidate's single-row latencies, in milliseconds.
    package var candidate: LatencyPercentiles
    /// The champion's single-row latencies on the same rows, in milliseconds.
    package var champion: LatencyPercentiles

    /// The candidate's p95 over the champion's: 2 means twice as slow.
    package var p95Ratio: Double {
        champion.p95 > 0 ? candidate.p95 / champion.p95 : (candidate.p95 > 0 ? .infinity : 1)
    }

    /// Times single-row predictions of both models on the first `rows` rows of `table`,
    /// interleaved, after one untimed pass over the first rows to warm caches.
    package static func measure(
        candidate: TrainedModel, champion: TrainedModel, on table: DataTable, rows: Int = 1000
    ) throws -> RelativeLatency {
        var first = try ModelPredictor(model: candidate, table: table)
        var second = try ModelPredictor(model: champion, table: table)
        let count = min(rows, table.rowCount)
        var sink = 0.0
        for row in 0..<min(count, 20) {
            sink += first.predict(row: row) + second.predict(row: row)
        }
        var candidateTimes: [Double] = []
        var championTimes: [Double] = []
        candidateTimes.reserveCapacity(count)
        championTimes.reserveCapacity(count)
        for row in 0..<count {
            let candidateFirst = row % 2 == 0
            for turn in 0..<2 {
                let timesCandidate = (turn == 0) == candidateFirst
                let start = WallClock.instant()
                sink += timesCandidate ? first.predict(row: row) : second.predict(row: row)
                let milliseconds = WallClock.seconds(since: start) * 1000
                if timesCandidate { candidateTimes.append(milliseconds) } else { championTimes.append(milliseconds) }
            }
        }
        blackHole(sink)
        return RelativeLatency(
            candidate: LatencyPercentiles(milliseconds: candidateTimes),
            champion: LatencyPercentiles(milliseconds: championTimes))
    }
}
