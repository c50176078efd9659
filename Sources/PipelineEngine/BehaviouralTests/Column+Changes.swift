/// The changes a behavioural test makes to one column, keeping its name and its rows.
///
/// Each returns nil when the values given cannot be held by the column (text for a numeric
/// column); the runner turns that into an error at the spec's line.
extension Column {
    /// The column with `value` in every row and no nulls.
    func settingEvery(to value: String) -> Column? {
        let rows = count
        let storage: Storage
        switch self.storage {
        case .string:
            storage = .string(codes: [Int32](repeating: 0, count: rows), dictionary: [value])
        case .integer:
            if let whole = Int64(value) {
                storage = .integer(IntegerValues([Int64](repeating: whole, count: rows)))
            } else if let number = Double(value), number.isFinite {
                storage = .double([Double](repeating: number, count: rows))
            } else {
                return nil
            }
        case .double:
            guard let number = Double(value), number.isFinite else { return nil }
            storage = .double([Double](repeating: number, count: rows))
        case .boolean:
            guard let truth = Self.truth(value) else { return nil }
            storage = .boolean([Bool](repeating: truth, count: rows))
        }
        return Column(name: name, storage: storage)
    }

    /// The column with values `a` and `b` exchanged, and the rows that held either.
    ///
    /// Numbers are compared as numbers, so `1.0` swaps a stored `1`.
    func swapping(_ a: String, _ b: String) -> (column: Column, rows: [Int])? {
        var changed = self
        var rows: [Int] = []
        switch storage {
        case .string(let codes, let dictionary):
            let swapped = dictionary.map { $0 == a ? b : $0 == b ? a : $0 }
            let touched = dictionary.map { $0 == a || $0 == b }
            rows = codes.indices.filter { codes[$0] >= 0 && touched[Int(codes[$0])] }
            changed.storage = .string(codes: codes, dictionary: swapped)
        case .integer, .double:
            guard let x = Double(a), let y = Double(b), x.isFinite, y.isFinite else { return nil }
            var values = (0..<count).map { double(at: $0) ?? 0 }
            for row in values.indices where !isNull(row) && (values[row] == x || values[row] == y) {
                values[row] = values[row] == x ? y : x
                rows.append(row)
            }
            if case .integer = storage, x == x.rounded(), y == y.rounded(), abs(x) < 9e15, abs(y) < 9e15 {
                changed.storage = .integer(IntegerValues(values.map { Int64($0) }))
            } else {
                changed.storage = .double(values)
            }
        case .boolean(let values):
            // Two different truths are true and false: every non-null value flips.
            guard let x = Self.truth(a), let y = Self.truth(b), x != y else { return nil }
            rows = values.indices.filter { !isNull($0) }
            changed.storage = .boolean(values.map { !$0 })
        }
        return (changed, rows)
    }

    /// The numeric column with `delta` added to every value; nulls stay null.
    func moved(by delta: Double) -> Column? {
        guard isNumeric else { return nil }
        var changed = self
        changed.storage = .double((0..<count).map { isNull($0) ? 0 : (double(at: $0) ?? 0) + delta })
        return changed
    }

    /// The rows that hold a value (not null).
    var presentRows: [Int] { (0..<count).filter { !isNull($0) } }

    private static func truth(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }
}

extension DataTable {
    /// The table with `column` in place of the column of the same name.
    func replacing(_ column: Column) -> DataTable {
        var table = self
        if let index = table.columns.firstIndex(where: { $0.name == column.name }) {
            table.columns[index] = column
        }
        return table
    }
}
