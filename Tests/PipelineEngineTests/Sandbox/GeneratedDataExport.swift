import Foundation
import Testing

@testable import PipelineEngine

/// Writes larger generated sets and production-stream days for the Python reference script.
///
/// Not a check: it runs only when `CICDLAB_EXPORT_DIR` names a folder, e.g.
/// `CICDLAB_EXPORT_DIR=/tmp/sets swift test --filter GeneratedDataExport`, then
/// `/work/venv/ref/bin/python Tests/PipelineEngineTests/References/sandbox_datasets.py /tmp/sets`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CICDLAB_EXPORT_DIR"] != nil))
struct GeneratedDataExport {
    static let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CICDLAB_EXPORT_DIR"] ?? "/tmp")
    static let seed = UInt64(ProcessInfo.processInfo.environment["CICDLAB_EXPORT_SEED"] ?? "") ?? 1

    static func write(_ text: String, to name: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    @Test(arguments: DatasetGenerator.names)
    func largerSets(_ name: String) throws {
        let training = try DatasetGenerator.generate(name: name, rows: 20_000, seed: Self.seed)
        try Self.write(training.csv, to: "\(name).csv")
        // The label incident: the same training rows with a fifth of the labels flipped, and
        // with 15 % of all labels flipped from the majority class only.
        try Self.write(training.flippingLabels(share: 0.2, seed: Self.seed).dataset.csv, to: "\(name)-flipped.csv")
        let majority = name == "reviews" ? "positive" : "0"
        try Self.write(
            training.flippingLabels(share: 0.15, seed: Self.seed, onlyFrom: majority).dataset.csv,
            to: "\(name)-flipped-one-sided.csv")
        try Self.write(
            try DatasetGenerator.generate(name: name, rows: 10_000, seed: Self.seed, startRow: 20_000).csv,
            to: "\(name)-test.csv")
    }

    /// The drift incident: from day 3, broken HTML reaches 12 % of review texts within a week.
    @Test func driftIncidentDays() throws {
        let stream = try ProductionStream(
            dataset: "reviews", seed: Self.seed, startDate: CivilDate(year: 2025, month: 12, day: 1), rowsPerDay: 1000,
            changes: [.driftIncidentCorruption(fromDay: 3)])
        for batch in stream.batches(0..<12) {
            try Self.write(batch.labeledCSV, to: "drift-day-\(FixedDecimal.padded(batch.day, width: 2)).csv")
        }
    }
}
