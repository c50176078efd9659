import Foundation
import LabSupport

/// What a check of each value found in one column, before it is worded as a result.
struct PerValueOutcome {
    /// Values checked: the non-null ones (every row for `not_null`).
    var checked = 0
    var unexpected = 0
    /// The first few failing rows (0-based), in row order.
    var exampleRows: [Int] = []
    var observed: ObservedValue = .null
    /// What the failing values are, after "N of M values": `outside [0, 120]`.
    var problem = ""
    /// What all values are when none fails: `within [0, 120]`.
    var allGood = ""
    /// Each distinct failing value with its count, for checks that list them.
    var failing: [CodePoints: Int] = [:]

    static let exampleLimit = 5

    @inline(__always)
    mutating func reject(_ row: Int) {
        unexpected += 1
        if exampleRows.count < Self.exampleLimit { exampleRows.append(row) }
    }
}

/// The checks that judge each value on its own.
///
/// They are `not_null`, `between`, `in_set`, `unique`, `match_regex` and `length_between`.
/// Nulls are skipped by all but `not_null`, as in Great Expectations.
enum PerValueChecks {
    static func notNull(_ column: Column) -> PerValueOutcome {
        var outcome = PerValueOutcome(checked: column.count, problem: "are null", allGood: "are present")
        if !column.nulls.isEmpty {
            for (row, isNull) in column.nulls.enumerated() where isNull { outcome.reject(row) }
        }
        outcome.observed = .integer(outcome.unexpected)
        return outcome
    }

    static func between(_ column: Column, _ bounds: Bounds) -> PerValueOutcome {
        var outcome = PerValueOutcome(problem: outside(bounds), allGood: "within \(bounds.description)")
        var low = Double.infinity
        var high = -Double.infinity
        func visit(_ row: Int, _ value: Double) {
            outcome.checked += 1
            if value < low { low = value }
            if value > high { high = value }
            if !bounds.contains(value) { outcome.reject(row) }
        }
        let nulls = column.nulls
        switch column.storage {
        case .integer(let values):
            values.forEachValue { row, value in if nulls.isEmpty || !nulls[row] { visit(row, Double(value)) } }
        case .double(let values):
            for row in values.indices where nulls.isEmpty || !nulls[row] { visit(row, values[row]) }
        case .boolean, .string:
            break
        }
        if outcome.checked > 0 { outcome.observed = .object(["min": .number(low), "max": .number(high)]) }
        return outcome
    }

    static func inSet(_ column: Column, _ values: [SetValue]) -> PerValueOutcome {
        let listed = values.map(\.text).joined(separator: ", ")
        var outcome = PerValueOutcome(problem: "not in [\(listed)]", allGood: "in [\(listed)]")
        switch column.storage {
        case .integer, .double:
            let allowed = Set(values.compactMap(\.number))
            var failing: [Double: Int] = [:]
            for row in 0..<column.count {
                guard let value = column.double(at: row) else { continue }
                outcome.checked += 1
                if !allowed.contains(value) {
                    outcome.reject(row)
                    failing[value, default: 0] += 1
                }
            }
            for (value, count) in failing { outcome.failing[CodePoints(formatDouble(value)), default: 0] += count }
        case .boolean(let flags):
            let allowed = Set(values.compactMap(\.boolean))
            for row in flags.indices where !column.isNull(row) {
                outcome.checked += 1
                if !allowed.contains(flags[row]) {
                    outcome.reject(row)
                    outcome.failing[CodePoints(flags[row] ? "true" : "false"), default: 0] += 1
                }
            }
        case .string:
            let allowed = Set(values.map { CodePoints($0.text) })
            tallyText(column, &outcome) { allowed.contains(CodePoints($0)) }
        }
        outcome.observed = unexpectedValues(outcome)
        return outcome
    }

    static func unique(_ column: Column) -> PerValueOutcome {
        var outcome = PerValueOutcome(problem: "are not unique", allGood: "are unique")
        var repeated = 0
        func tally<Key: Hashable>(_ keys: [Key]) {
            var counts: [Key: Int] = [:]
            for row in keys.indices where !column.isNull(row) { counts[keys[row], default: 0] += 1 }
            repeated = counts.values.filter { $0 > 1 }.count
            for row in keys.indices where !column.isNull(row) {
                outcome.checked += 1
                if counts[keys[row], default: 0] > 1 { outcome.reject(row) }
            }
        }
        switch column.storage {
        case .integer(let values): tally(Array(values))
        case .double(let values): tally(values)
        case .boolean(let values): tally(values)
        case .string(let codes, _): tally(codes)
        }
        outcome.observed = .integer(repeated)
        if repeated > 0 { outcome.problem += " (\(repeated) value\(repeated == 1 ? "" : "s") repeat)" }
        return outcome
    }

    static func matchRegex(_ column: Column, _ pattern: String) -> PerValueOutcome {
        var outcome = PerValueOutcome(problem: "do not match /\(pattern)/", allGood: "match /\(pattern)/")
        guard let regex = try? PythonRegex.compile(pattern) else { return outcome }
        tallyText(column, &outcome) { text in
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        outcome.observed = unexpectedValues(outcome)
        return outcome
    }

    /// Lengths in Unicode scalars, as Python's `len` counts them.
    static func lengthBetween(_ column: Column, _ bounds: Bounds) -> PerValueOutcome {
        var outcome = PerValueOutcome(
            problem: "have a length \(outside(bounds))",
            allGood: "have a length within \(bounds.description)")
        var shortest = Int.max
        var longest = -1
        tallyText(column, &outcome, listFailing: false) { text in
            let length = text.unicodeScalars.count
            shortest = min(shortest, length)
            longest = max(longest, length)
            return bounds.contains(Double(length))
        }
        if longest >= 0 {
            outcome.observed = .object(["min_length": .integer(shortest), "max_length": .integer(longest)])
        }
        return outcome
    }

    // MARK: Helpers

    /// How failing values are described: `outside [0, 120]`, `below 0`, `at or above 5`.
    static func outside(_ bounds: Bounds) -> String {
        switch (bounds.min, bounds.max) {
        case (_?, _?): "outside \(bounds.description)"
        case (let min?, nil): "\(bounds.strictMin ? "at or below" : "below") \(formatDouble(min))"
        case (nil, let max?): "\(bounds.strictMax ? "at or above" : "above") \(formatDouble(max))"
        case (nil, nil): "outside any range"
        }
    }

    /// Judges each non-null value by its text as pandas writes it (see ``PandasText``), once per
    /// distinct value.
    private static func tallyText(
        _ column: Column, _ outcome: inout PerValueOutcome, listFailing: Bool = true,
        _ pass: (String) -> Bool
    ) {
        if case .string(let codes, let dictionary) = column.storage {
            let verdicts = dictionary.map(pass)
            var failingCounts = [Int](repeating: 0, count: dictionary.count)
            for (row, code) in codes.enumerated() where code >= 0 {
                outcome.checked += 1
                if !verdicts[Int(code)] {
                    outcome.reject(row)
                    failingCounts[Int(code)] += 1
                }
            }
            if listFailing {
                for (code, count) in failingCounts.enumerated() where count > 0 {
                    outcome.failing[CodePoints(dictionary[code])] = count
                }
            }
            return
        }
        var verdicts: [CodePoints: Bool] = [:]
        for row in 0..<column.count {
            guard let text = PandasText.text(column, at: row) else { continue }
            outcome.checked += 1
            let key = CodePoints(text)
            let verdict = verdicts[key] ?? pass(text)
            verdicts[key] = verdict
            if !verdict {
                outcome.reject(row)
                if listFailing { outcome.failing[key, default: 0] += 1 }
            }
        }
    }

    /// Up to ten distinct failing values with their counts, most frequent first, as Great
    /// Expectations' `partial_unexpected_counts`.
    private static func unexpectedValues(_ outcome: PerValueOutcome) -> ObservedValue {
        let ranked = outcome.failing.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return .list(ranked.prefix(10).map { .object(["value": .text($0.key.text), "count": .integer($0.value)]) })
    }
}
