/// One day of production traffic: the requests a served model answers, and their labels.
///
/// Labels come back late, as in production (a customer churns weeks after the prediction, a
/// reviewer is checked by a person later), so each row says on which day its label arrives.
package struct ProductionBatch: Sendable, Equatable {
    /// Days since the stream started, 0 first.
    package var day: Int
    package var date: CivilDate
    /// What the world looked like that day.
    package var state: WorldState
    package var schema: DatasetSchema
    /// Every row in schema order; the label cell holds the label as it will be reported
    /// (after any label flips).
    package var rows: [[String]]
    /// The labels as they really are, before flips, row by row.
    package var trueLabels: [String]
    /// The day each row's label arrives, row by row (at least `day`).
    package var labelDays: [Int]
    /// The rows whose reported label is wrong.
    package var flippedRows: [Int]
    /// The rows whose text arrived corrupted.
    package var corruptedRows: [Int]

    /// The position of the label column in a row.
    package var labelIndex: Int { schema.columns.firstIndex { $0.role == .label } ?? schema.columns.count - 1 }

    /// The column names of a request: every column but the label.
    package var requestColumns: [String] {
        var names = schema.columnNames
        names.remove(at: labelIndex)
        return names
    }

    /// The requests as the served model receives them: every column but the label.
    package var requests: [[String]] {
        let index = labelIndex
        return rows.map { row in
            var request = row
            request.remove(at: index)
            return request
        }
    }

    /// The requests as CSV text.
    package var requestsCSV: String { CSVText.document(header: requestColumns, rows: requests) }

    /// The rows whose labels have arrived by `day`, label included (as reported).
    package func labeledRows(knownBy day: Int) -> [[String]] {
        rows.indices.filter { labelDays[$0] <= day }.map { rows[$0] }
    }

    /// Every row with its reported label, as CSV text.
    package var labeledCSV: String { CSVText.document(header: schema.columnNames, rows: rows) }
}
