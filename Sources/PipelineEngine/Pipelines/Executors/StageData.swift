import Foundation
import LabSupport

/// Reading stage inputs and writing stage payloads, shared by the executors.
enum StageData {
    /// The CSV at `path`, named in messages as the pipeline names it.
    static func table(at path: String, named name: String) throws -> DataTable {
        var table = try naming(path, as: name) { try CSVReader.read(file: path) }
        table.source = name
        return table
    }

    /// The model file at `path`, named in messages as the pipeline names it.
    static func model(at path: String, named name: String) throws -> TrainedModel {
        try modelFile(at: path, named: name).model
    }

    /// The model file at `path` with its SHA-256, errors naming it `name`.
    static func modelFile(at path: String, named name: String) throws -> ModelFile {
        try naming(path, as: name) { try TrainedModel.open(path) }
    }

    /// Runs `body`, rewriting errors about the absolute `path` to name the file as the pipeline
    /// does (`data/churn.csv`), so messages read the same in every workspace.
    static func naming<T>(_ path: String, as name: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as LabError {
            if error.file == path { error.file = name }
            error.message = error.message.replacingOccurrences(of: path, with: name)
            throw error
        }
    }

    /// `value` as sorted-key JSON, with non-finite numbers as strings (`nan`), for payloads.
    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(type, from: data)
    }

    /// The metrics of a metric set that have values.
    static func metrics(_ set: MetricSet) -> [String: Double] {
        var result: [String: Double] = [:]
        for entry in set.entries { if let value = entry.value { result[entry.name] = value } }
        return result
    }

    /// `accuracy 0.846, f1 0.712`: the headline metrics in a line.
    static func headline(_ metrics: [String: Double]) -> String {
        let order = ["accuracy", "f1", "roc_auc", "r2", "rmse", "mae"]
        return order.compactMap { name in metrics[name].map { "\(name) \(String(format: "%.3f", $0))" } }.prefix(3)
            .joined(separator: ", ")
    }
}
