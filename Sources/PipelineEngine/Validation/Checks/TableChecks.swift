import LabSupport

/// The checks that judge the data or a column as a whole: `columns_exist`,
/// `row_count_between`, `mean_between`, `stdev_between`, `class_balance`,
/// `duplicate_rows_max`.
enum TableChecks {
    static func columnsExist(_ names: [String], _ run: ExpectationRun) -> ExpectationResult {
        let present = run.table.columnNames
        let missing = names.filter { !present.contains($0) }
        let observed = ObservedValue.list(present.map { .text($0) })
        guard !missing.isEmpty else {
            return run.aggregate(
                success: true, observed: observed,
                message: "all \(names.count) column\(names.count == 1 ? "" : "s") present",
                unexpectedCount: 0)
        }
        let described = missing.map { name in
            closestMatch(to: name, among: present).map { "'\(name)' (did you mean '\($0)'?)" } ?? "'\(name)'"
        }
        return run.aggregate(
            success: false, observed: observed,
            message: "missing column\(missing.count == 1 ? "" : "s") \(described.joined(separator: ", "))",
            unexpectedCount: missing.count)
    }

    static func rowCount(_ bounds: Bounds, _ run: ExpectationRun) -> ExpectationResult {
        let rows = run.table.rowCount
        return run.aggregate(
            success: bounds.contains(Double(rows)), observed: .integer(rows),
            message: "\(rows) row\(rows == 1 ? "" : "s"); expected \(expected(bounds))")
    }

    static func mean(_ column: Column, _ bounds: Bounds, _ run: ExpectationRun) -> ExpectationResult {
        let values = column.numericValues()
        guard !values.isEmpty else {
            return run.aggregate(
                success: false, observed: .null, message: "\(column.name): no values to average",
                elementCount: 0)
        }
        let mean = NumericSummary.mean(values)
        return run.aggregate(
            success: bounds.contains(mean), observed: .number(mean),
            message: "\(column.name): mean \(ExpectationRun.measureText(mean)); expected \(expected(bounds))",
            elementCount: values.count)
    }

    /// The sample standard deviation (ddof 1), as pandas' `std()`.
    static func standardDeviation(_ column: Column, _ bounds: Bounds, _ run: ExpectationRun) -> ExpectationResult {
        let values = column.numericValues()
        guard let std = NumericSummary.sampleStandardDeviation(values, mean: NumericSummary.mean(values)) else {
            return run.aggregate(
                success: false, observed: .null,
                message: "\(column.name): \(values.count) value\(values.count == 1 ? "" : "s"); "
                    + "a standard deviation needs at least 2", elementCount: values.count)
        }
        return run.aggregate(
            success: bounds.contains(std), observed: .number(std),
            message: "\(column.name): standard deviation \(ExpectationRun.measureText(std)); "
                + "expected \(expected(bounds))", elementCount: values.count)
    }

    /// The ratio of the least frequent class's count to the most frequent one's, over the
    /// non-null values.
    ///
    /// With fewer than two classes present the ratio is 0: data with one class
    /// left is as unbalanced as it gets, and that is what the check exists to catch.
    static func classBalance(_ column: Column, _ ratio: Bounds, _ run: ExpectationRun) -> ExpectationResult {
        let counts = column.valueCounts()
        let total = counts.reduce(0) { $0 + $1.count }
        guard let mostIndex = counts.indices.max(by: { counts[$0].count < counts[$1].count }) else {
            return run.aggregate(
                success: false, observed: .null, message: "\(column.name): no values to count classes in",
                elementCount: 0)
        }
        // The first class to reach the extreme count wins ties, so the message is stable.
        let most = counts[mostIndex]
        let least =
            counts.indices.filter { $0 != mostIndex }.min(by: { counts[$0].count < counts[$1].count })
            .map { counts[$0] } ?? most
        let value = counts.count < 2 ? 0 : Double(least.count) / Double(most.count)
        let message: String
        if counts.count < 2 {
            message =
                "\(column.name): only one class ('\(most.value)', \(most.count) rows), so the ratio is 0; "
                + "expected \(expected(ratio))"
        } else {
            message =
                "\(column.name): least frequent class '\(least.value)' (\(least.count)) / most frequent "
                + "'\(most.value)' (\(most.count)) = \(ExpectationRun.measureText(value)); expected \(expected(ratio))"
        }
        return run.aggregate(
            success: ratio.contains(value), observed: .number(value), message: message,
            elementCount: total)
    }

    /// Rows that repeat an earlier row in every column, over all rows (pandas' `duplicated()`).
    static func duplicateRows(_ maxRatio: Double, _ run: ExpectationRun) -> ExpectationResult {
        let rows = run.table.rowCount
        let (count, exampleRows) = DuplicateRows.find(in: run.table)
        let ratio = rows == 0 ? 0 : Double(count) / Double(rows)
        let examples = exampleRows.map { FailingRow(row: $0 + 1, line: run.table.line(ofRow: $0), value: nil) }
        let limit = ExpectationRun.percentText(maxRatio * 100)
        let message =
            count == 0
            ? "no row repeats an earlier one (\(rows) rows)"
            : "\(count) of \(rows) rows (\(ExpectationRun.percentText(ratio * 100))) repeat an earlier row; "
                + "expected at most \(limit)"
        return run.aggregate(
            success: ratio <= maxRatio, observed: .number(ratio), message: message,
            elementCount: rows, unexpectedCount: count,
            unexpectedPercent: rows == 0 ? nil : ratio * 100, examples: examples)
    }

    /// What a range expects, in words: `between 0 and 120`, `at least 5`, `less than 1`.
    static func expected(_ bounds: Bounds) -> String {
        switch (bounds.min, bounds.max) {
        case (let min?, let max?) where !bounds.strictMin && !bounds.strictMax:
            return "between \(formatDouble(min)) and \(formatDouble(max))"
        case (_?, _?): return "within \(bounds.description)"
        case (let min?, nil): return "\(bounds.strictMin ? "more than" : "at least") \(formatDouble(min))"
        case (nil, let max?): return "\(bounds.strictMax ? "less than" : "at most") \(formatDouble(max))"
        case (nil, nil): return "any value"
        }
    }
}
