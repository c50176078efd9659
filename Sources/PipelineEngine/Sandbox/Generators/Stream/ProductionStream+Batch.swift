import LabSupport

extension ProductionStream {
    /// The batch of requests of `day` (0 or later), with the world's changes applied.
    package func batch(day: Int) -> ProductionBatch {
        precondition(day >= 0, "stream days start at 0")
        var base: [Double] = []
        let state = WorldState(day: day, start: startDate, changes: changes, labels: labelValues) {
            base = baseShares(day: day)
            return base
        }
        let conditions = state.conditions
        let count = rowCount(day: day)
        let first = firstRowNumber(day: day)
        let date = startDate.adding(days: day)
        let timeline = Timeline(start: Timestamp.midnight(date), spacing: count > 0 ? Int64(86_400 / count) : 86_400)
        let acceptance = acceptanceChances(state: state, base: base)
        let labels = labelValues
        let labelIndex = labelIndex

        var rows: [[String]] = []
        var labelDays: [Int] = []
        rows.reserveCapacity(count)
        for position in 0..<count {
            let number = first + position
            var attempt: UInt64 = 0
            while true {
                var random = SeededRandom.derived(from: seed, UInt64(number), attempt)
                let time = timeline.time(at: position, random: &random)
                let row = model.row(number: number, time: time, random: &random, conditions: conditions)
                let chance = acceptance.isEmpty ? 1 : acceptance[labels.firstIndex(of: row[labelIndex]) ?? 0]
                attempt += 1
                if attempt < 1000, !random.chance(chance) { continue }
                rows.append(row)
                labelDays.append(day + random.integer(in: labelDelay))
                break
            }
        }
        let trueLabels = rows.map { $0[labelIndex] }
        rescale(&rows, factors: state.servingFactors)
        let corrupted = corrupt(&rows, share: state.corruptedShare, day: day)
        let flipped = flip(&rows, share: state.flippedShare, onlyFrom: state.flippedFrom, day: day)
        return ProductionBatch(
            day: day, date: date, state: state, schema: schema, rows: rows, trueLabels: trueLabels,
            labelDays: labelDays, flippedRows: flipped, corruptedRows: corrupted)
    }

    /// Per label, the chance a drawn row is kept so the day's labels follow a label shift.
    ///
    /// Keeping class c with a chance proportional to target(c) / base(c) changes how often each
    /// class appears without changing what its rows look like: a pure label shift.
    private func acceptanceChances(state: WorldState, base: [Double]) -> [Double] {
        guard !state.labelShares.isEmpty, base.count == state.labelShares.count else { return [] }
        let ratios = base.indices.map { base[$0] > 0 ? state.labelShares[$0] / base[$0] : 0 }
        let largest = ratios.max() ?? 0
        return largest > 0 ? ratios.map { $0 / largest } : []
    }

    /// Multiplies each column of `factors` by its factor, as a serving path with a unit bug
    /// would: the labels were drawn from the true values, so the model's answers suffer.
    private func rescale(_ rows: inout [[String]], factors: [String: Double]) {
        for (column, factor) in factors.sorted(by: { $0.key < $1.key }) {
            guard let index = schema.columns.firstIndex(where: { $0.name == column }) else { continue }
            let integer = schema.columns[index].type == .integer
            for row in rows.indices {
                guard let value = Double(rows[row][index]) else { continue }
                let scaled = value * factor
                rows[row][index] =
                    integer ? String(Int(scaled.rounded())) : FixedDecimal.format(scaled, decimals: 2)
            }
        }
    }

    /// Corrupts the text of `share` of the rows (rounded), chosen at random; returns which.
    private func corrupt(_ rows: inout [[String]], share: Double, day: Int) -> [Int] {
        guard share > 0, let column = schema.columns.firstIndex(where: { $0.role == .text }) else { return [] }
        var random = SeededRandom.derived(from: seed, 0xC0_22_07, UInt64(day))
        let chosen = Self.choose(share: share, of: rows.count, random: &random)
        for row in chosen { rows[row][column] = HTMLCorruption.corrupt(rows[row][column], random: &random) }
        return chosen
    }

    /// Flips the labels of `share` of the rows (rounded), chosen at random; returns which.
    private func flip(_ rows: inout [[String]], share: Double, onlyFrom: String?, day: Int) -> [Int] {
        guard share > 0 else { return [] }
        var random = SeededRandom.derived(from: seed, 0xF1_19, UInt64(day))
        return LabelFlip.flip(
            &rows, column: labelIndex, labels: labelValues, share: share, onlyFrom: onlyFrom, random: &random)
    }

    /// `share` of the indices `0..<count` (rounded to a whole number), in ascending order.
    static func choose(share: Double, of count: Int, random: inout SeededRandom) -> [Int] {
        choose(Int((share * Double(count)).rounded()), from: Array(0..<count), random: &random)
    }

    /// `wanted` of `candidates` (all of them if there are fewer), in ascending order.
    static func choose(_ wanted: Int, from candidates: [Int], random: inout SeededRandom) -> [Int] {
        let wanted = min(candidates.count, max(0, wanted))
        var indices = candidates
        for i in 0..<wanted {
            let j = i + Int(random.next() % UInt64(indices.count - i))
            indices.swapAt(i, j)
        }
        return indices[..<wanted].sorted()
    }
}
