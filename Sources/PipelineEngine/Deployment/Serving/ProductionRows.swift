/// Production rows ready to replay: a typed table the models read, with each row's origin and
/// its label (nil until the label has come back).
struct ProductionRows: Sendable {
    /// Every column of the stream, label included (models read only their features).
    var table: DataTable
    /// The stream day and the position in that day's batch, per row.
    var days: [Int]
    var positions: [Int]
    /// The label as it will be reported, and the day it comes back, per row.
    var labels: [String]
    var labelDays: [Int]

    var count: Int { days.count }

    /// The rows of `days` of `stream`.
    static func from(_ stream: ProductionStream, days: ClosedRange<Int>) -> ProductionRows {
        var rows: [[String]] = []
        var origin = ProductionRows(table: DataTable(columns: []), days: [], positions: [], labels: [], labelDays: [])
        for day in days where day >= 0 {
            let batch = stream.batch(day: day)
            let labelIndex = batch.labelIndex
            for (position, row) in batch.rows.enumerated() {
                rows.append(row)
                origin.days.append(day)
                origin.positions.append(position)
                origin.labels.append(row[labelIndex])
                origin.labelDays.append(batch.labelDays[position])
            }
        }
        origin.table = DataTable(rows: rows, schema: stream.schema, source: "the production stream")
        return origin
    }

    /// The label of row `row` if it has come back by stream day `day`.
    func label(_ row: Int, knownBy day: Int) -> String? {
        labelDays[row] <= day ? labels[row] : nil
    }
}

extension DataTable {
    /// A table of generated rows, typed as their schema says; an empty or unreadable cell is null.
    init(rows: [[String]], schema: DatasetSchema, source: String) {
        var columns: [Column] = []
        for (index, spec) in schema.columns.enumerated() {
            let cells = rows.map { $0[index] }
            var nulls = [Bool](repeating: false, count: cells.count)
            let storage: Column.Storage
            switch spec.type {
            case .integer:
                storage = .integer(
                    IntegerValues(
                        cells.enumerated().map { i, cell in
                            guard let value = Int64(cell) else {
                                nulls[i] = true
                                return 0
                            }
                            return value
                        }))
            case .double:
                storage = .double(
                    cells.enumerated().map { i, cell in
                        guard let value = Double(cell) else {
                            nulls[i] = true
                            return 0
                        }
                        return value
                    })
            case .boolean:
                storage = .boolean(
                    cells.enumerated().map { i, cell in
                        guard cell == "true" || cell == "false" else {
                            nulls[i] = true
                            return false
                        }
                        return cell == "true"
                    })
            case .string:
                var dictionary: [String] = []
                var codes: [String: Int32] = [:]
                storage = .string(
                    codes: cells.enumerated().map { i, cell in
                        guard !cell.isEmpty else {
                            nulls[i] = true
                            return -1
                        }
                        if let code = codes[cell] { return code }
                        let code = Int32(dictionary.count)
                        codes[cell] = code
                        dictionary.append(cell)
                        return code
                    }, dictionary: dictionary)
            }
            columns.append(Column(name: spec.name, storage: storage, nulls: nulls.contains(true) ? nulls : []))
        }
        self.init(columns: columns, source: source)
    }
}
