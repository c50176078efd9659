/// The kinds of expectation a suite may list, with the arguments each one takes.
///
/// The names and semantics are Great Expectations' (`between` is
/// `expect_column_values_to_be_between`, and so on), trimmed to the ones an ML pipeline's
/// data check needs most.
package enum ExpectationKind: String, Sendable, CaseIterable, Codable {
    case columnsExist = "columns_exist"
    case notNull = "not_null"
    case inSet = "in_set"
    case between
    case unique
    case matchRegex = "match_regex"
    case rowCountBetween = "row_count_between"
    case meanBetween = "mean_between"
    case stdevBetween = "stdev_between"
    case classBalance = "class_balance"
    case duplicateRowsMax = "duplicate_rows_max"
    case lengthBetween = "length_between"

    /// Whether the expectation judges each value on its own, so that `mostly` applies.
    package var isPerValue: Bool {
        switch self {
        case .notNull, .inSet, .between, .unique, .matchRegex, .lengthBetween: true
        default: false
        }
    }

    /// Whether the expectation is about one column, named by `column`.
    package var needsColumn: Bool {
        switch self {
        case .columnsExist, .rowCountBetween, .duplicateRowsMax: false
        default: true
        }
    }

    /// The argument names the expectation accepts, besides `expect`.
    package var arguments: [String] {
        var names = needsColumn ? ["column"] : []
        switch self {
        case .columnsExist: names += ["columns"]
        case .notNull, .unique: break
        case .inSet: names += ["values"]
        case .between, .meanBetween, .stdevBetween: names += ["min", "max", "strict_min", "strict_max"]
        case .matchRegex: names += ["regex"]
        case .rowCountBetween: names += ["min_rows", "max_rows"]
        case .classBalance: names += ["min_ratio", "max_ratio"]
        case .duplicateRowsMax: names += ["max_ratio"]
        case .lengthBetween: names += ["min_length", "max_length"]
        }
        if isPerValue { names.append("mostly") }
        return names
    }
}

/// One check of a suite, with its arguments read and checked.
package struct Expectation: Sendable {
    /// What the expectation checks, with the arguments that kind takes.
    package enum Check: Sendable {
        case columnsExist([String])
        case notNull
        case inSet([SetValue])
        case between(Bounds)
        case unique
        case matchRegex(String)
        case rowCountBetween(Bounds)
        case meanBetween(Bounds)
        case stdevBetween(Bounds)
        /// The count of the least frequent class divided by that of the most frequent, over
        /// the non-null values, within `ratio`; 0 when fewer than two classes are present.
        case classBalance(ratio: Bounds)
        /// The share of rows equal in every column to an earlier row at most `maxRatio`.
        case duplicateRowsMax(maxRatio: Double)
        case lengthBetween(Bounds)
    }

    package var kind: ExpectationKind
    package var check: Check
    /// The column checked, for column expectations.
    package var column: String?
    /// The share of non-null values that must pass, for per-value expectations.
    package var mostly: Double
    /// The line of the suite file where the expectation starts.
    package var line: Int

    package init(kind: ExpectationKind, check: Check, column: String? = nil, mostly: Double = 1, line: Int = 0) {
        self.kind = kind
        self.check = check
        self.column = column
        self.mostly = mostly
        self.line = line
    }
}

/// A range with optional ends, each inclusive unless strict.
package struct Bounds: Sendable, Equatable {
    package var min: Double?
    package var max: Double?
    package var strictMin: Bool
    package var strictMax: Bool

    package init(min: Double? = nil, max: Double? = nil, strictMin: Bool = false, strictMax: Bool = false) {
        self.min = min
        self.max = max
        self.strictMin = strictMin
        self.strictMax = strictMax
    }

    /// Whether `value` lies within the bounds.
    @inline(__always)
    package func contains(_ value: Double) -> Bool {
        if let min, strictMin ? !(value > min) : !(value >= min) { return false }
        if let max, strictMax ? !(value < max) : !(value <= max) { return false }
        return true
    }

    /// The range as a person writes it: `[0, 120]`, `(0, 1]`, `≥ 0`, `< 5`.
    package var description: String {
        switch (min, max) {
        case (let min?, let max?):
            return "\(strictMin ? "(" : "[")\(formatDouble(min)), \(formatDouble(max))\(strictMax ? ")" : "]")"
        case (let min?, nil): return "\(strictMin ? ">" : "≥") \(formatDouble(min))"
        case (nil, let max?): return "\(strictMax ? "<" : "≤") \(formatDouble(max))"
        case (nil, nil): return "any value"
        }
    }
}

/// One entry of `in_set`'s `values`, kept as written and as the number or boolean it reads as.
package struct SetValue: Sendable, Equatable {
    /// The text as written in the suite (`0`, `basic`, `True`).
    package var text: String
    /// The value as a number, when YAML reads it as one or it is text that spells one.
    package var number: Double?
    /// The value as a boolean, when YAML reads it as one or it is `true`/`false` text.
    package var boolean: Bool?

    package init(text: String, number: Double? = nil, boolean: Bool? = nil) {
        self.text = text
        self.number = number
        self.boolean = boolean
    }
}
