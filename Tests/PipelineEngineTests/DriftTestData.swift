import Foundation

@testable import LabSupport
@testable import PipelineEngine

/// Samples and tables for the drift tests, drawn exactly as References/drift_references.py
/// draws them, so that Swift and the Python references see the same numbers.
enum DriftTestData {
    /// Gaussian draws rounded to multiples of 1/quantum.
    static func normal(
        seed: UInt64, count: Int, mean: Double = 0, sd: Double = 1,
        quantum: Double = 1024
    ) -> [Double] {
        var rng = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            ((mean + sd * rng.nextGaussian()) * quantum + 0.5).rounded(.down) / quantum
        }
    }

    /// Draws from `names` with the given weights.
    static func categories(seed: UInt64, count: Int, names: [String], weights: [Double]) -> [String] {
        var rng = SeededRandom(seed: seed)
        let total = weights.reduce(0, +)
        var cumulative: [Double] = []
        var running = 0.0
        for w in weights {
            running += w
            cumulative.append(running / total)
        }
        return (0..<count).map { _ in
            let u = rng.nextUnit()
            var index = 0
            while index < names.count - 1 && u >= cumulative[index] { index += 1 }
            return names[index]
        }
    }

    /// A (seed, count, mean, sd, quantum) tuple as the reference script prints it.
    typealias Spec = (UInt64, Int, Double, Double, Double)

    static func normal(_ spec: Spec) -> [Double] {
        normal(seed: spec.0, count: spec.1, mean: spec.2, sd: spec.3, quantum: spec.4)
    }

    static func doubleColumn(_ name: String, _ values: [Double?]) -> Column {
        let nulls = values.map { $0 == nil }
        return Column(
            name: name, storage: .double(values.map { $0 ?? 0 }),
            nulls: nulls.contains(true) ? nulls : [])
    }

    static func integerColumn(_ name: String, _ values: [Int64?]) -> Column {
        let nulls = values.map { $0 == nil }
        return Column(
            name: name, storage: .integer(IntegerValues(values.map { $0 ?? 0 })),
            nulls: nulls.contains(true) ? nulls : [])
    }

    static func stringColumn(_ name: String, _ values: [String?]) -> Column {
        var dictionary: [String] = []
        var codes: [String: Int32] = [:]
        let encoded: [Int32] = values.map { value in
            guard let value else { return -1 }
            if let code = codes[value] { return code }
            let code = Int32(dictionary.count)
            dictionary.append(value)
            codes[value] = code
            return code
        }
        let nulls = values.map { $0 == nil }
        return Column(
            name: name, storage: .string(codes: encoded, dictionary: dictionary),
            nulls: nulls.contains(true) ? nulls : [])
    }

    static func booleanColumn(_ name: String, _ values: [Bool?]) -> Column {
        let nulls = values.map { $0 == nil }
        return Column(
            name: name, storage: .boolean(values.map { $0 ?? false }),
            nulls: nulls.contains(true) ? nulls : [])
    }

    /// Whether `actual` is within `relative` of `expected` (or within `absolute` near zero).
    static func close(
        _ actual: Double?, _ expected: Double, relative: Double = 1e-9,
        absolute: Double = 1e-300
    ) -> Bool {
        guard let actual else { return false }
        return abs(actual - expected) <= max(absolute, relative * abs(expected))
    }
}

extension DriftTestData {
    /// A table of the given columns.
    static func table(_ columns: Column...) -> DataTable {
        DataTable(columns: columns, source: "test")
    }

    /// A one-column table of doubles.
    static func numbers(_ name: String, _ values: [Double]) -> DataTable {
        table(doubleColumn(name, values))
    }

    /// A one-column table of strings.
    static func strings(_ name: String, _ values: [String]) -> DataTable {
        table(stringColumn(name, values))
    }

    /// The single result for `column` in a report.
    static func result(_ report: DriftReport, _ column: String, aspect: String? = nil) -> DriftColumnResult? {
        report.columns.first { $0.column == column && $0.aspect == aspect }
    }
}

extension DriftTestData {
    static let vocabulary = (0..<60).map { "w\($0)" }

    /// Sentences of 3 to 8 words, as `texts` in the reference script draws them.
    static func texts(seed: UInt64, count: Int, wordWeights: [Double], lengthWeights: [Double]) -> [String] {
        let lengths = categories(seed: seed, count: count, names: (3...8).map(String.init), weights: lengthWeights)
            .compactMap { Int($0) }
        let words = categories(seed: seed + 1000, count: lengths.reduce(0, +), names: vocabulary, weights: wordWeights)
        var out: [String] = []
        var start = 0
        for n in lengths {
            out.append("Say " + words[start..<(start + n)].joined(separator: " ") + ".")
            start += n
        }
        return out
    }
}
