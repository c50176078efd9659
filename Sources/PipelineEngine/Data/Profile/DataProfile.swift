/// A profile of a table, column by column: what `data profile` reports.
///
/// It answers the questions asked of a new dataset before trusting it: what type each column
/// has, how much is missing, how many different values there are, and how they are spread.
package struct DataProfile: Sendable, Encodable {
    /// The file the table came from.
    package var source: String
    package var rows: Int
    package var columns: [ColumnProfile]

    /// Profiles every column of `table`, keeping `topValues` most frequent values of text and
    /// boolean columns and `bins` histogram bins for numbers.
    package init(_ table: DataTable, topValues: Int = 5, bins: Int = 10) {
        source = table.source
        rows = table.rowCount
        columns = table.columns.map { ColumnProfile($0, topValues: topValues, bins: bins) }
    }
}

/// The profile of one column.
package struct ColumnProfile: Sendable, Encodable {
    package var name: String
    package var type: ColumnType
    /// Non-null values.
    package var count: Int
    package var nulls: Int
    /// Nulls as a percentage of all rows (0 for an empty table).
    package var nullPercent: Double
    /// Distinct non-null values.
    package var distinct: Int
    /// Range, centre, spread and histogram, for integer and double columns with a value.
    package var numbers: NumericSummary?
    /// The most frequent values with their counts, for text and boolean columns: by count,
    /// then by first appearance.
    package var topValues: [ValueCount]?
    /// How the column was read, where it matters: nulls written as words (`NA`), integers too
    /// large for 64 bits kept as text, infinity words that make a number column text.
    package var notes: [String]

    init(_ column: Column, topValues: Int, bins: Int) {
        name = column.name
        type = column.type
        nulls = column.nullCount
        count = column.count - nulls
        nullPercent = column.count == 0 ? 0 : Double(nulls) / Double(column.count) * 100
        notes = Self.readingNotes(column)
        if column.isNumeric {
            numbers = NumericSummary(column.numericValues(), bins: bins)
            distinct = numbers?.distinct ?? 0
        } else {
            let counts = column.valueCounts()
            distinct = counts.count
            let ranked = counts.enumerated().sorted { a, b in
                a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
            }
            self.topValues = ranked.prefix(topValues).map {
                ValueCount(value: $0.element.value, count: $0.element.count)
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case name, type, count, nulls
        case nullPercent = "null_percent"
        case distinct, min, max, mean, std, p25, median,
            p75, histogram
        case topValues = "top_values"
        case notes
    }

    /// One flat object per column, with the keys that apply to its type.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encode(count, forKey: .count)
        try container.encode(nulls, forKey: .nulls)
        try container.encode(nullPercent, forKey: .nullPercent)
        try container.encode(distinct, forKey: .distinct)
        if type == .integer || type == .double {
            try container.encode(numbers?.min, forKey: .min)
            try container.encode(numbers?.max, forKey: .max)
            try container.encode(numbers?.mean, forKey: .mean)
            try container.encode(numbers?.std, forKey: .std)
            try container.encode(numbers?.p25, forKey: .p25)
            try container.encode(numbers?.median, forKey: .median)
            try container.encode(numbers?.p75, forKey: .p75)
            try container.encode(numbers?.histogram, forKey: .histogram)
        } else {
            try container.encode(topValues ?? [], forKey: .topValues)
        }
        if !notes.isEmpty { try container.encode(notes, forKey: .notes) }
    }
}

/// A value (as text) and how many rows hold it.
package struct ValueCount: Sendable, Equatable, Encodable {
    package var value: String
    package var count: Int

    package init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}
