import Foundation
import LabSupport

extension ExpectationSuite {
    /// Checks `table` against every expectation of the suite, in order.
    ///
    /// A column the suite names but the table lacks fails that expectation (with a suggestion)
    /// rather than stopping the run, so one report shows everything that is wrong.
    package func validate(_ table: DataTable) -> ValidationReport {
        let results = expectations.map { ExpectationRun(table: table, expectation: $0).result() }
        return ValidationReport(data: table.source, suite: source, rows: table.rowCount, results: results)
    }
}

/// One expectation checked against one table, worded as a result.
struct ExpectationRun {
    let table: DataTable
    let expectation: Expectation

    func result() -> ExpectationResult {
        guard let name = expectation.column else { return tableResult() }
        let column: Column
        do {
            column = try table.requireColumn(name)
        } catch {
            let message = (error as? LabError)?.message ?? "no column '\(name)'"
            return failure(message: message)
        }
        if let needed = neededType, !typeFits(column) {
            return failure(
                message: "\(name): column holds \(describe(column.type)) values; \(expectation.kind.rawValue) "
                    + "needs \(needed)")
        }
        switch expectation.check {
        case .notNull: return perValue(column, PerValueChecks.notNull(column), noun: "values")
        case .between(let bounds): return perValue(column, PerValueChecks.between(column, bounds))
        case .inSet(let values): return perValue(column, PerValueChecks.inSet(column, values))
        case .unique: return perValue(column, PerValueChecks.unique(column))
        case .matchRegex(let pattern): return perValue(column, PerValueChecks.matchRegex(column, pattern))
        case .lengthBetween(let bounds): return perValue(column, PerValueChecks.lengthBetween(column, bounds))
        case .meanBetween(let bounds): return TableChecks.mean(column, bounds, self)
        case .stdevBetween(let bounds): return TableChecks.standardDeviation(column, bounds, self)
        case .classBalance(let ratio): return TableChecks.classBalance(column, ratio, self)
        case .columnsExist, .rowCountBetween, .duplicateRowsMax: return tableResult()
        }
    }

    private func tableResult() -> ExpectationResult {
        switch expectation.check {
        case .columnsExist(let names): TableChecks.columnsExist(names, self)
        case .rowCountBetween(let bounds): TableChecks.rowCount(bounds, self)
        case .duplicateRowsMax(let maxRatio): TableChecks.duplicateRows(maxRatio, self)
        default: failure(message: "\(expectation.kind.rawValue) needs a column")
        }
    }

    /// The numbers a check needs, when it needs them.
    private var neededType: String? {
        switch expectation.kind {
        case .between, .meanBetween, .stdevBetween: "numbers"
        default: nil
        }
    }

    /// Numeric checks accept numeric columns, and any column that has no values at all.
    private func typeFits(_ column: Column) -> Bool {
        column.isNumeric || column.nullCount == column.count
    }

    private func describe(_ type: ColumnType) -> String {
        switch type {
        case .integer: "integer"
        case .double: "number"
        case .boolean: "boolean"
        case .string: "text"
        }
    }

    /// A result for a per-value check, with Great Expectations' `mostly` arithmetic: it passes
    /// when (checked - unexpected) / checked >= mostly, or when nothing was checked.
    func perValue(_ column: Column, _ outcome: PerValueOutcome, noun: String = "non-null values") -> ExpectationResult {
        let checked = outcome.checked
        let unexpected = outcome.unexpected
        let mostly = expectation.mostly
        let success = checked == 0 || Double(checked - unexpected) / Double(checked) >= mostly
        let percent = checked == 0 ? nil : Double(unexpected) / Double(checked) * 100
        var message: String
        if let percent, unexpected > 0 {
            message =
                "\(column.name): \(unexpected) of \(checked) \(noun) (\(Self.percentText(percent))) \(outcome.problem)"
            if mostly < 1 {
                message +=
                    "; \(Self.percentText(100 - percent)) pass, mostly \(formatDouble(mostly)) needs "
                    + Self.percentText(mostly * 100)
            }
        } else if checked == 0 {
            message = "\(column.name): no non-null values to check"
        } else {
            message = "\(column.name): all \(checked) \(noun) \(outcome.allGood)"
        }
        let examples = outcome.exampleRows.map {
            FailingRow(row: $0 + 1, line: table.line(ofRow: $0), value: column.text(at: $0))
        }
        return ExpectationResult(
            expectation: expectation.kind, column: column.name, success: success, elementCount: checked,
            unexpectedCount: unexpected, unexpectedPercent: percent, observedValue: outcome.observed, message: message,
            examples: examples, mostly: mostly, suiteLine: expectation.line)
    }

    /// A result for a check of the whole data or column.
    func aggregate(
        success: Bool, observed: ObservedValue, message: String, elementCount: Int? = nil,
        unexpectedCount: Int? = nil, unexpectedPercent: Double? = nil,
        examples: [FailingRow] = []
    ) -> ExpectationResult {
        ExpectationResult(
            expectation: expectation.kind, column: expectation.column, success: success, elementCount: elementCount,
            unexpectedCount: unexpectedCount, unexpectedPercent: unexpectedPercent, observedValue: observed,
            message: message, examples: examples, mostly: expectation.kind.isPerValue ? expectation.mostly : nil,
            suiteLine: expectation.line)
    }

    func failure(message: String) -> ExpectationResult {
        aggregate(success: false, observed: .null, message: message)
    }

    /// A percentage for a sentence: `0.3%`, `12.35%`, `<0.01%`, `100%`.
    static func percentText(_ percent: Double) -> String {
        if percent > 0, percent < 0.01 { return "<0.01%" }
        if percent < 100, percent > 99.99 { return ">99.99%" }
        let rounded = (percent * 100).rounded() / 100
        return formatDouble(rounded) + "%"
    }

    /// A measured number for a sentence, to six significant digits: `32.4512`, `0.361111`.
    static func measureText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return formatDouble(value) }
        return String(format: "%.6g", value)
    }
}
