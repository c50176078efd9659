import Foundation
import GRDB

/// The log of every request production served (`served_request`), and what it tells once
/// labels come back.
struct ServedRequestLog {
    let state: StateStore

    /// One logged request.
    struct Entry {
        var deployment: Int?
        var at: Date
        var day: Int
        var row: Int
        var servedVersion: Int
        var prediction: String?
        var shadowVersion: Int?
        var shadowPrediction: String?
        var latencyMs: Double
        var error: String?
        var label: String
        var labelDay: Int
    }

    /// How many requests of stream day `day` have been served.
    func servedCount(day: Int) throws -> Int {
        try state.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM served_request WHERE stream_day = ?", arguments: [day]) ?? 0
        }
    }

    func append(_ entries: [Entry]) throws {
        try state.pool.write { db in
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO served_request (deployment_id, at, stream_day, row, served_version, prediction, shadow_version,
                        shadow_prediction, latency_ms, error, label, label_day)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for e in entries {
                try statement.execute(arguments: [
                    e.deployment, e.at, e.day, e.row, e.servedVersion, e.prediction,
                    e.shadowVersion, e.shadowPrediction, e.latencyMs, e.error, e.label,
                    e.labelDay,
                ])
            }
        }
    }

    /// Live accuracy per served version, over the requests whose labels are back by `today`.
    func liveAccuracy(today: Int) throws -> [LiveAccuracy] {
        try state.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT served_version AS version,
                        SUM(CASE WHEN label_day <= ? AND error IS NULL THEN 1 ELSE 0 END) AS labelled,
                        SUM(CASE WHEN label_day <= ? AND error IS NULL AND prediction = label THEN 1 ELSE 0 END) AS correct,
                        SUM(CASE WHEN label_day > ? THEN 1 ELSE 0 END) AS pending
                    FROM served_request GROUP BY served_version ORDER BY served_version
                    """, arguments: [today, today, today]
            ).map {
                LiveAccuracy(
                    version: $0["version"], labelled: $0["labelled"], correct: $0["correct"], pending: $0["pending"])
            }
        }
    }

    /// The shadow `version` against the champion it mirrored, over every logged request.
    func shadowComparison(version: Int, today: Int) throws -> ShadowComparison? {
        try state.pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT MIN(served_version) AS champion,
                            SUM(CASE WHEN prediction IS NOT NULL AND shadow_prediction IS NOT NULL THEN 1 ELSE 0 END) AS compared,
                            SUM(CASE WHEN prediction = shadow_prediction THEN 1 ELSE 0 END) AS agreed,
                            SUM(CASE WHEN label_day <= ? AND prediction IS NOT NULL AND shadow_prediction IS NOT NULL
                                THEN 1 ELSE 0 END) AS labelled,
                            SUM(CASE WHEN label_day <= ? AND prediction = label AND shadow_prediction IS NOT NULL
                                THEN 1 ELSE 0 END) AS champion_correct,
                            SUM(CASE WHEN label_day <= ? AND shadow_prediction = label AND prediction IS NOT NULL
                                THEN 1 ELSE 0 END) AS shadow_correct
                        FROM served_request WHERE shadow_version = ?
                        """, arguments: [today, today, today, version]),
                let champion: Int = row["champion"]
            else { return nil }
            let compared: Int = row["compared"]
            let agreed: Int = row["agreed"]
            let labelled: Int = row["labelled"]
            let championCorrect: Int = row["champion_correct"]
            let shadowCorrect: Int = row["shadow_correct"]
            return ShadowComparison(
                version: version, champion: champion, compared: compared,
                agreement: compared > 0 ? Double(agreed) / Double(compared) : nil, labelled: labelled,
                championAccuracy: labelled > 0 ? Double(championCorrect) / Double(labelled) : nil,
                shadowAccuracy: labelled > 0 ? Double(shadowCorrect) / Double(labelled) : nil)
        }
    }
}
