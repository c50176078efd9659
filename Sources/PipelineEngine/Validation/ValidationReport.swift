/// The outcome of validating a table against a suite: what `data validate` reports.
///
/// Shaped like a Great Expectations validation result, cut down to what a learner reads: one
/// result per expectation with the counts, the observed value, a sentence, and a few of the
/// rows that failed (by data row and by file line, so they can be found in an editor).
package struct ValidationReport: Sendable, Encodable {
    /// The data file and the suite file, as the user named them.
    package var data: String
    package var suite: String
    package var rows: Int
    package var results: [ExpectationResult]

    /// Whether every expectation passed.
    package var success: Bool { results.allSatisfy(\.success) }
    package var successful: Int { results.filter(\.success).count }

    private enum CodingKeys: String, CodingKey {
        case success, data, suite, rows, statistics, results
    }

    private enum StatisticsKeys: String, CodingKey {
        case evaluated, successful, unsuccessful
        case successPercent = "success_percent"
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(success, forKey: .success)
        try container.encode(data, forKey: .data)
        try container.encode(suite, forKey: .suite)
        try container.encode(rows, forKey: .rows)
        var statistics = container.nestedContainer(keyedBy: StatisticsKeys.self, forKey: .statistics)
        try statistics.encode(results.count, forKey: .evaluated)
        try statistics.encode(successful, forKey: .successful)
        try statistics.encode(results.count - successful, forKey: .unsuccessful)
        try statistics.encode(
            results.isEmpty ? 100 : Double(successful) / Double(results.count) * 100,
            forKey: .successPercent)
        try container.encode(results, forKey: .results)
    }
}

/// The outcome of one expectation.
package struct ExpectationResult: Sendable, Encodable {
    package var expectation: ExpectationKind
    package var column: String?
    package var success: Bool
    /// Values checked: rows for `not_null`, non-null values for other per-value checks; nil
    /// for checks of the data as a whole.
    package var elementCount: Int?
    /// Values that failed (nil for checks of the whole data that count nothing).
    package var unexpectedCount: Int?
    /// `unexpectedCount` as a percentage of the non-null values (of all rows for `not_null`),
    /// as Great Expectations reports it; nil when nothing was counted.
    package var unexpectedPercent: Double?
    /// What was measured: a mean, a ratio, the observed range, the unexpected values.
    package var observedValue: ObservedValue
    /// One sentence saying what was found and what was expected.
    package var message: String
    /// Up to five failing rows, in row order.
    package var examples: [FailingRow]
    /// The expectation's `mostly`, for per-value checks.
    package var mostly: Double?
    /// The line of the suite where the expectation starts.
    package var suiteLine: Int

    private enum CodingKeys: String, CodingKey {
        case expectation, column, success
        case elementCount = "element_count"
        case unexpectedCount = "unexpected_count"
        case
            unexpectedPercent = "unexpected_percent"
        case observedValue = "observed_value"
        case message, examples, mostly
        case
            suiteLine = "suite_line"
    }

    /// Every key is written, with null where a value does not apply, so the shape is fixed.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(expectation, forKey: .expectation)
        try container.encode(column, forKey: .column)
        try container.encode(success, forKey: .success)
        try container.encode(elementCount, forKey: .elementCount)
        try container.encode(unexpectedCount, forKey: .unexpectedCount)
        try container.encode(unexpectedPercent, forKey: .unexpectedPercent)
        try container.encode(observedValue, forKey: .observedValue)
        try container.encode(message, forKey: .message)
        try container.encode(examples, forKey: .examples)
        try container.encode(mostly, forKey: .mostly)
        try container.encode(suiteLine, forKey: .suiteLine)
    }
}

/// A row that failed an expectation.
package struct FailingRow: Sendable, Equatable, Encodable {
    /// The 1-based data row (the first row after the header is 1).
    package var row: Int
    /// The 1-based line of the file the row starts on.
    package var line: Int
    /// The failing value as text; nil when it is null (or for whole-row checks).
    package var value: String?

    package init(row: Int, line: Int, value: String?) {
        self.row = row
        self.line = line
        self.value = value
    }

    private enum CodingKeys: String, CodingKey { case row, line, value }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(row, forKey: .row)
        try container.encode(line, forKey: .line)
        try container.encode(value, forKey: .value)
    }
}

/// A measured value of any JSON shape, for `observed_value`.
package indirect enum ObservedValue: Sendable, Equatable, Encodable {
    case null
    case integer(Int)
    case number(Double)
    case text(String)
    case list([ObservedValue])
    case object([String: ObservedValue])

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .integer(let value): try container.encode(value)
        case .number(let value): value.isFinite ? try container.encode(value) : try container.encodeNil()
        case .text(let value): try container.encode(value)
        case .list(let values): try container.encode(values)
        case .object(let fields): try container.encode(fields)
        }
    }
}
