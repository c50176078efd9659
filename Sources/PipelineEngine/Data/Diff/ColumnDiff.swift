import LabSupport

/// How one column present in both tables changed.
package struct ColumnDiff: Sendable, Encodable {
    package var column: String
    package var type: Pair<ColumnType>
    /// Nulls as a percentage of rows.
    package var nullPercent: Pair<Double>
    package var distinct: Pair<Int>
    /// Means and sample standard deviations, when the column is numeric in both tables (nil
    /// inside a pair when that side has too few values).
    package var mean: Pair<Double?>?
    package var std: Pair<Double?>?
    /// How far the mean moved, in reference standard deviations (nil when that is 0 or unknown).
    package var meanShift: Double?
    /// Why `meanShift` is missing although both sides have a mean and a spread.
    package var meanShiftNote: String?
    /// Values of a text or boolean column that the reference never had, most frequent first.
    package var newCategories: [ValueCount]?
    /// Values the reference had that the current data lacks, most frequent (in the reference)
    /// first.
    package var missingCategories: [ValueCount]?

    init(reference: Column, current: Column) {
        column = reference.name
        type = Pair(reference: reference.type, current: current.type)
        nullPercent = Pair(reference: Self.nullPercent(reference), current: Self.nullPercent(current))
        if reference.isNumeric && current.isNumeric {
            let old = reference.numericValues()
            let new = current.numericValues()
            let oldMean = old.isEmpty ? nil : NumericSummary.mean(old)
            let newMean = new.isEmpty ? nil : NumericSummary.mean(new)
            let oldStd = oldMean.flatMap { NumericSummary.sampleStandardDeviation(old, mean: $0) }
            let newStd = newMean.flatMap { NumericSummary.sampleStandardDeviation(new, mean: $0) }
            mean = Pair(reference: oldMean, current: newMean)
            std = Pair(reference: oldStd, current: newStd)
            if let oldMean, let newMean, let oldStd, oldStd > 0 {
                meanShift = ExtremeValues.scaledDifference(newMean, oldMean, over: oldStd)
                if meanShift == nil {
                    meanShiftNote =
                        "not computed: the shift of the mean, in reference standard deviations, overflows a double"
                }
            }
            distinct = Pair(reference: DistinctCounter.count(old), current: DistinctCounter.count(new))
        } else {
            let old = reference.valueCounts()
            let new = current.valueCounts()
            distinct = Pair(reference: old.count, current: new.count)
            if !reference.isNumeric && !current.isNumeric {
                let oldValues = Set(old.map { CodePoints($0.value) })
                let newValues = Set(new.map { CodePoints($0.value) })
                newCategories = Self.ranked(new.filter { !oldValues.contains(CodePoints($0.value)) })
                missingCategories = Self.ranked(old.filter { !newValues.contains(CodePoints($0.value)) })
            }
        }
    }

    private static func nullPercent(_ column: Column) -> Double {
        column.count == 0 ? 0 : Double(column.nullCount) / Double(column.count) * 100
    }

    private static func ranked(_ counts: [(value: String, count: Int)]) -> [ValueCount] {
        counts.enumerated()
            .sorted {
                $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset
            }
            .map { ValueCount(value: $0.element.value, count: $0.element.count) }
    }

    private enum CodingKeys: String, CodingKey {
        case column, type
        case nullPercent = "null_percent"
        case distinct, mean, std
        case meanShift = "mean_shift"
        case meanShiftNote = "mean_shift_note"
        case
            newCategories = "new_categories"
        case missingCategories = "missing_categories"
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(column, forKey: .column)
        try container.encode(type, forKey: .type)
        try container.encode(nullPercent, forKey: .nullPercent)
        try container.encode(distinct, forKey: .distinct)
        if let mean {
            try container.encode(mean, forKey: .mean)
            try container.encode(std, forKey: .std)
            try container.encode(meanShift, forKey: .meanShift)
            try container.encodeIfPresent(meanShiftNote, forKey: .meanShiftNote)
        }
        if let newCategories {
            try container.encode(newCategories, forKey: .newCategories)
            try container.encode(missingCategories, forKey: .missingCategories)
        }
    }
}
