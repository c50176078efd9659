import Foundation
import GRDB

/// Writes `data/feedback.csv`: the production requests served so far whose labels have come
/// back, with those labels, in the stream's columns, so that a pipeline can retrain on what
/// production taught it and a `data_change` trigger can watch new batches arrive.
struct FeedbackFile {
    static let path = "data/feedback.csv"

    let workspace: Workspace
    /// Batches already drawn, by stream day (a clock advance writes the file once a day).
    var batches: [Int: ProductionBatch] = [:]

    init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Rewrites the file with every served request labelled by stream day `today`.
    mutating func write(production: ProductionView) throws {
        let served = try workspace.state.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT stream_day, row, label FROM served_request WHERE label_day <= ? ORDER BY stream_day, row
                    """, arguments: [production.today])
        }
        var rows: [[String]] = []
        for entry in served {
            let day: Int = entry["stream_day"]
            let position: Int = entry["row"]
            if batches[day] == nil { batches[day] = production.stream.batch(day: day) }
            guard let batch = batches[day], batch.rows.indices.contains(position) else { continue }
            rows.append(batch.rows[position])
        }
        let path = try workspace.paths.resolve(Self.path)
        let text = CSVText.document(header: production.stream.schema.columnNames, rows: rows)
        if try workspace.files.contents(of: path) != Data(text.utf8) {
            try workspace.files.write(Data(text.utf8), to: path)
        }
    }
}
