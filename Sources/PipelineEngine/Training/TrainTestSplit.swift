import LabSupport

/// The seeded split of one table into training and test rows.
///
/// The test share is rounded up, as scikit-learn's `train_test_split` does, and the rows are
/// drawn with a Fisher-Yates shuffle driven by ``SeededRandom``, so that a seed names the same
/// split on every machine.
enum TrainTestSplit {
    /// Row indices of the training and test parts, each in table order.
    static func split(rowCount: Int, testRatio: Double, seed: UInt64) -> (train: [Int], test: [Int]) {
        var order = Array(0..<rowCount)
        var random = SeededRandom(seed: seed)
        for i in stride(from: rowCount - 1, to: 0, by: -1) {
            let j = Int(random.next() % UInt64(i + 1))
            order.swapAt(i, j)
        }
        let testCount = min(rowCount, Int((Double(rowCount) * testRatio).rounded(.up)))
        return (Array(order[testCount...]).sorted(), Array(order[..<testCount]).sorted())
    }

    /// The given rows of `table`, in the given order (the table itself when that is all of it).
    static func rows(_ rows: [Int], of table: DataTable) -> DataTable {
        if rows.count == table.rowCount, rows.elementsEqual(0..<table.rowCount) { return table }
        // Rows keep the file lines they came from, for messages that point at them.
        return DataTable(
            columns: table.columns.map { gather($0, rows) }, source: table.source,
            rowLines: rows.map { table.line(ofRow: $0) })
    }

    private static func gather(_ column: Column, _ rows: [Int]) -> Column {
        let nulls = column.nulls.isEmpty ? [] : rows.map { column.nulls[$0] }
        let storage: Column.Storage =
            switch column.storage {
            case .integer(let v): .integer(IntegerValues(rows.map { v[$0] }))
            case .double(let v): .double(rows.map { v[$0] })
            case .boolean(let v): .boolean(rows.map { v[$0] })
            case .string(let codes, let dictionary): .string(codes: rows.map { codes[$0] }, dictionary: dictionary)
            }
        return Column(name: column.name, storage: storage, nulls: nulls)
    }
}
