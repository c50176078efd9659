import LabSupport

/// Draws the sandbox's data sets, deterministically from a name, a row count and a seed.
///
/// The same name, rows and seed give byte-identical CSV on every machine: all randomness comes
/// from ``SeededRandom``, all arithmetic is IEEE-754 without libm (see `PortableMath`) and
/// numbers are written with fixed decimals. Each row is drawn from its own generator derived
/// from the seed and its number, so rows 2000..<2500 of a seed are the natural test set for a
/// training set of rows 0..<2000.
package enum DatasetGenerator {
    /// The data sets there are, by name.
    package static let names = ["churn", "credit", "reviews"]

    /// The most rows one call draws; larger sets would not fit comfortably in memory.
    package static let maximumRows = 2_000_000

    /// Review timestamps of a static data set start here and advance about three hours a row.
    static let reviewTimeline = Timeline(
        start: Timestamp.midnight(CivilDate(year: 2025, month: 1, day: 1)), spacing: 10_800)

    /// The schema of the data set called `name`.
    package static func schema(for name: String) throws -> DatasetSchema {
        try model(named: name).schema
    }

    /// Draws rows `startRow ..< startRow + rows` of the data set `name` from `seed`.
    package static func generate(name: String, rows: Int, seed: UInt64, startRow: Int = 0) throws -> GeneratedDataset {
        let model = try model(named: name)
        guard (0...maximumRows).contains(rows) else {
            throw LabError(
                .sandboxBadRows, "--rows must be between 0 and \(maximumRows), got \(rows)")
        }
        guard startRow >= 0, startRow <= Int.max - rows else {
            throw LabError(.sandboxBadRows, "the first row must be 0 or more, got \(startRow)")
        }
        var drawn: [[String]] = []
        drawn.reserveCapacity(rows)
        for number in startRow..<(startRow + rows) {
            if number % 4096 == 0 { try Interruption.check() }
            var random = SeededRandom.derived(from: seed, UInt64(number))
            let time = reviewTimeline.time(at: number, random: &random)
            drawn.append(model.row(number: number, time: time, random: &random, conditions: GenerationConditions()))
        }
        return GeneratedDataset(schema: model.schema, seed: seed, startRow: startRow, rows: drawn)
    }

    /// The generator behind `name`, or an error that suggests the nearest name.
    static func model(named name: String) throws -> any RowModel {
        switch name {
        case "churn": return ChurnModel()
        case "credit": return CreditModel()
        case "reviews": return ReviewsModel()
        default:
            var message = "unknown data set '\(name)'"
            if let guess = closestMatch(to: name, among: names) { message += ". Did you mean '\(guess)'?" }
            message += " (data sets: \(names.joined(separator: ", ")))"
            throw LabError(.sandboxUnknownDataset, message)
        }
    }
}
