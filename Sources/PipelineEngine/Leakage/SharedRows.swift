/// Rows of the test file that also appear in the training file, cell for cell.
///
/// Cells are compared as text after the CSV reader has typed them (``Column/text(at:)``), the
/// same way for both files, so `1.0` in a number column and `1` compare equal; a null equals a
/// null (an empty field, `NA` and `NaN` alike) and nothing else. The id column, when given,
/// is left out: an id names a row, it is not one of its features.
package struct SharedRows: Sendable, Encodable, Equatable {
    /// One duplicated row: where it first appears in each file.
    package struct Example: Sendable, Encodable, Equatable {
        package var trainLine: Int
        package var testLine: Int

        private enum CodingKeys: String, CodingKey {
            case trainLine = "train_line"
            case testLine = "test_line"
        }
    }

    /// The columns compared, in the training file's order.
    package var columns: [String]
    /// Test rows whose every compared cell equals those of some training row.
    package var testRowsInTrain: Int
    /// Distinct rows present in both files.
    package var distinctSharedRows: Int
    /// The first five distinct shared rows, in test file order.
    package var examples: [Example]

    private enum CodingKeys: String, CodingKey {
        case columns
        case testRowsInTrain = "test_rows_in_train"
        case distinctSharedRows = "distinct_shared_rows"
        case examples
    }

    init(train: DataTable, test: DataTable, columns names: [String]) {
        columns = names
        let trainColumns = train.columnsByName()
        let testColumns = test.columnsByName()
        let trainKeys = Self.keys(of: train, columns: names.compactMap { trainColumns[$0] })
        var firstTrainRow: [String: Int] = [:]
        for (row, key) in trainKeys.enumerated() where firstTrainRow[key] == nil { firstTrainRow[key] = row }
        var seen: Set<String> = []
        var testRowsInTrain = 0
        var examples: [Example] = []
        for (row, key) in Self.keys(of: test, columns: names.compactMap { testColumns[$0] }).enumerated() {
            guard let trainRow = firstTrainRow[key] else { continue }
            testRowsInTrain += 1
            if seen.insert(key).inserted, examples.count < 5 {
                examples.append(Example(trainLine: train.line(ofRow: trainRow), testLine: test.line(ofRow: row)))
            }
        }
        self.testRowsInTrain = testRowsInTrain
        distinctSharedRows = seen.count
        self.examples = examples
    }

    /// One key per row: each cell as NUL, then `n` for null or `v` and its text (a CSV cell
    /// never holds a NUL, so two keys are equal exactly when every cell is).
    private static func keys(of table: DataTable, columns: [Column]) -> [String] {
        (0..<table.rowCount).map { row in
            var key = ""
            for column in columns {
                key += "\u{0}"
                if let text = column.text(at: row) { key += "v" + text } else { key += "n" }
            }
            return key
        }
    }
}

/// Ids present in both files, when the check is given an id column.
///
/// Ids compare as text; a null id is no id and never matches.
package struct SharedIDs: Sendable, Encodable, Equatable {
    /// One id found in both files, with the line of its first row in each.
    package struct Example: Sendable, Encodable, Equatable {
        package var id: String
        package var trainLine: Int
        package var testLine: Int

        private enum CodingKeys: String, CodingKey {
            case id
            case trainLine = "train_line"
            case testLine = "test_line"
        }
    }

    package var column: String
    /// Distinct ids present in both files.
    package var distinctSharedIDs: Int
    /// Test rows whose id is also a training row's.
    package var testRowsWithTrainID: Int
    /// The first five shared ids, in test file order.
    package var examples: [Example]

    private enum CodingKeys: String, CodingKey {
        case column
        case distinctSharedIDs = "distinct_shared_ids"
        case testRowsWithTrainID = "test_rows_with_train_id"
        case examples
    }

    init(train: DataTable, test: DataTable, trainIDs: Column, testIDs: Column) {
        column = trainIDs.name
        var firstTrainRow: [String: Int] = [:]
        for row in 0..<train.rowCount {
            if let id = trainIDs.text(at: row), firstTrainRow[id] == nil { firstTrainRow[id] = row }
        }
        var seen: Set<String> = []
        var testRows = 0
        var examples: [Example] = []
        for row in 0..<test.rowCount {
            guard let id = testIDs.text(at: row), let trainRow = firstTrainRow[id] else { continue }
            testRows += 1
            if seen.insert(id).inserted, examples.count < 5 {
                examples.append(
                    Example(id: id, trainLine: train.line(ofRow: trainRow), testLine: test.line(ofRow: row)))
            }
        }
        distinctSharedIDs = seen.count
        testRowsWithTrainID = testRows
        self.examples = examples
    }
}
