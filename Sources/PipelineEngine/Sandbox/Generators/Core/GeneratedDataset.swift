import LabSupport

/// A data set drawn by ``DatasetGenerator``: its schema, its rows as text, and how it was made.
package struct GeneratedDataset: Sendable, Equatable {
    package var schema: DatasetSchema
    /// The seed it was drawn from.
    package var seed: UInt64
    /// The number of the first row: rows `startRow ..< startRow + rows.count` of the seed's
    /// sequence, so a test set can continue where a training set ends.
    package var startRow: Int
    /// The cells of every row, in ``DatasetSchema/columnNames`` order, formatted as they are
    /// written to CSV (an empty string is a null).
    package var rows: [[String]]

    package init(schema: DatasetSchema, seed: UInt64, startRow: Int, rows: [[String]]) {
        self.schema = schema
        self.seed = seed
        self.startRow = startRow
        self.rows = rows
    }

    /// The CSV header: the column names.
    package var header: [String] { schema.columnNames }

    /// The whole data set as RFC 4180 CSV text, header first, records ended by line feeds.
    package var csv: String { CSVText.document(header: header, rows: rows) }

    /// ``csv``, stopping with the "interrupted" error when Ctrl-C is pressed meanwhile.
    package func interruptibleCSV() throws -> String {
        var text = CSVText.record(header) + "\n"
        for (index, row) in rows.enumerated() {
            if index % 4096 == 0 { try Interruption.check() }
            text += CSVText.record(row)
            text += "\n"
        }
        return text
    }

    /// The values of the column called `name`, top to bottom; empty when there is none.
    package func values(of name: String) -> [String] {
        guard let index = schema.index(of: name) else { return [] }
        return rows.map { $0[index] }
    }
}
