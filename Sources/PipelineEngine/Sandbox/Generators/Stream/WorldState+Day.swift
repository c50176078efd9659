extension WorldState {
    /// The state on day `day` of a stream that starts on `start` and has `schema`'s columns.
    ///
    /// `baseShares` are the label shares with no label shift, per label of `labels`, needed to
    /// interpolate towards a shift's target; it is called only when a shift is in force. With
    /// no `labels`, label shifts are left out (for callers that need only the traffic).
    init(day: Int, start: CivilDate, changes: [WorldChange], labels: [String], baseShares: () -> [Double]) {
        shifts = []
        corruptedShare = 0
        labelShares = []
        flippedShare = 0
        flippedFrom = nil
        requestMultiplier = 1
        for change in changes {
            switch change {
            case .gradualDrift(let column, let perDay, let fromDay):
                guard day > fromDay else { continue }
                let amount = perDay * Double(day - fromDay)
                if let index = shifts.firstIndex(where: { $0.column == column }) {
                    shifts[index].deviations += amount
                } else {
                    shifts.append(ColumnShift(column: column, deviations: amount))
                }
            case .htmlCorruption(let share, let fromDay, let rampDays):
                guard day >= fromDay else { continue }
                corruptedShare = min(1, corruptedShare + share * Self.progress(day: day, from: fromDay, over: rampDays))
            case .labelShift(let target, let fromDay, let overDays):
                guard day >= fromDay, !labels.isEmpty else { continue }
                let t = Self.progress(day: day, from: fromDay, over: overDays)
                let base = labelShares.isEmpty ? baseShares() : labelShares
                labelShares = labels.indices.map { base[$0] + t * ((target[labels[$0]] ?? 0) - base[$0]) }
            case .conceptDrift(let odds, let fromDay, let overDays):
                guard day >= fromDay else { continue }
                labelLogitShift += PortableMath.log(odds) * Self.progress(day: day, from: fromDay, over: overDays)
            case .labelFlips(let share, let fromDay, let onlyFrom):
                guard day >= fromDay else { continue }
                flippedShare = min(1, flippedShare + share)
                flippedFrom = onlyFrom
            case .holidaySurge(let peak, let month, let dayOfMonth, let widthDays):
                let date = start.adding(days: day)
                let distance = Self.daysToNearest(month: month, day: dayOfMonth, from: date)
                let z = Double(distance) / max(widthDays, 0.01)
                requestMultiplier *= 1 + (peak - 1) * PortableMath.exp(-0.5 * z * z)
            case .servingUnits(let column, let factor, let fromDay):
                guard day >= fromDay else { continue }
                servingFactors[column, default: 1] *= factor
            }
        }
    }

    /// How far through a ramp that starts on `from` and lasts `over` days `day` is, 0 to 1.
    static func progress(day: Int, from: Int, over: Int) -> Double {
        over <= 0 ? 1 : min(1, Double(day - from + 1) / Double(over))
    }

    /// Days between `date` and the nearest `month`/`day` in the year before, of or after it.
    static func daysToNearest(month: Int, day: Int, from date: CivilDate) -> Int {
        var best = Int.max
        for year in (date.year - 1)...(date.year + 1) {
            let distance = abs(CivilDate(year: year, month: month, day: day).daysSinceEpoch - date.daysSinceEpoch)
            best = min(best, distance)
        }
        return best
    }

    /// The generator conditions for this state.
    var conditions: GenerationConditions {
        var conditions = GenerationConditions()
        for shift in shifts { conditions.shifts[shift.column] = shift.deviations }
        conditions.labelLogitShift = labelLogitShift
        return conditions
    }
}
