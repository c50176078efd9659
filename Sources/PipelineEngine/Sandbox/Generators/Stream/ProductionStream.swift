import LabSupport

/// Simulated production traffic for a data set: dated daily batches under a changing world.
///
/// Day `d` of a stream is the same on every machine and in any order of asking, since each
/// day and row draws from generators derived from the seed, the day and the row. Rows are
/// the data set's population (as in its training data), changed by the ``WorldChange``s in
/// force that day; their ids continue after any template's, from 1 000 001 on.
package struct ProductionStream: Sendable {
    package let dataset: String
    package let seed: UInt64
    /// The date of day 0.
    package let startDate: CivilDate
    /// Requests on a usual day; a surge multiplies them.
    package let rowsPerDay: Int
    /// How many days after its request a row's label arrives, drawn uniformly per row.
    package let labelDelay: ClosedRange<Int>
    package let changes: [WorldChange]
    let model: any RowModel

    /// The number of the first row of day 0; template data sets use the numbers below it.
    static let firstRowNumber = 1_000_000
    /// Rows drawn to estimate the label shares a label shift starts from.
    static let baseShareSample = 4000

    package init(
        dataset: String, seed: UInt64, startDate: CivilDate, rowsPerDay: Int, labelDelay: ClosedRange<Int> = 1...3,
        changes: [WorldChange] = []
    ) throws {
        model = try DatasetGenerator.model(named: dataset)
        guard (0...100_000).contains(rowsPerDay) else {
            throw LabError(.streamBadRows, "rows per day must be between 0 and 100000, got \(rowsPerDay)")
        }
        guard labelDelay.lowerBound >= 0 else {
            throw LabError(.streamBadDelay, "a label delay must be 0 days or more, got \(labelDelay.lowerBound)")
        }
        try Self.check(changes, against: model)
        self.dataset = dataset
        self.seed = seed
        self.startDate = startDate
        self.rowsPerDay = rowsPerDay
        self.labelDelay = labelDelay
        self.changes = changes
    }

    package var schema: DatasetSchema { model.schema }

    /// What the world looks like on `day`.
    package func state(day: Int) -> WorldState {
        WorldState(day: day, start: startDate, changes: changes, labels: labelValues) {
            baseShares(day: day)
        }
    }

    /// The number of requests on `day`: the usual count times the day's surge.
    package func rowCount(day: Int) -> Int {
        let traffic = WorldState(day: day, start: startDate, changes: changes, labels: [], baseShares: { [] })
        return Int((Double(rowsPerDay) * traffic.requestMultiplier).rounded())
    }

    /// The batches of `days`, in order.
    package func batches(_ days: Range<Int>) -> [ProductionBatch] {
        days.map { batch(day: $0) }
    }

    /// The rows of `days` whose labels have arrived by `knownBy`, as a data set to retrain on.
    package func labeledData(days: Range<Int>, knownBy: Int) -> GeneratedDataset {
        let rows = batches(days).flatMap { $0.labeledRows(knownBy: knownBy) }
        return GeneratedDataset(schema: schema, seed: seed, startRow: Self.firstRowNumber, rows: rows)
    }

    var labelValues: [String] { model.schema.label?.values ?? [] }

    var labelIndex: Int { model.schema.columns.firstIndex { $0.role == .label } ?? 0 }

    /// The label shares with no label shift, estimated from a sample of the day's population.
    func baseShares(day: Int) -> [Double] {
        let conditions = WorldState(day: day, start: startDate, changes: changes, labels: [], baseShares: { [] })
            .conditions
        let labels = labelValues
        var counts = [Double](repeating: 0, count: labels.count)
        let timeline = Timeline(start: Timestamp.midnight(startDate.adding(days: day)), spacing: 1)
        for number in 0..<Self.baseShareSample {
            var random = SeededRandom.derived(from: seed, 0xBA5E, UInt64(day), UInt64(number))
            let time = timeline.time(at: number, random: &random)
            let row = model.row(number: number, time: time, random: &random, conditions: conditions)
            if let index = labels.firstIndex(of: row[labelIndex]) { counts[index] += 1 }
        }
        return counts.map { $0 / Double(Self.baseShareSample) }
    }

    /// The number of the first row of `day`: rows are numbered on from earlier days.
    func firstRowNumber(day: Int) -> Int {
        var number = Self.firstRowNumber
        for earlier in 0..<day { number += rowCount(day: earlier) }
        return number
    }
}
