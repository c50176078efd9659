import Foundation

@testable import LabSupport
@testable import PipelineEngine

/// Tables for tests, built from simple CSV text (no quoting) or from the fixture files.
///
/// This is deliberately not the engine's CSV reader: the training tests should not depend on
/// it, only on `DataTable`. Types are inferred per column: integer, double, boolean
/// (`true`/`false`), else string; an empty field is null.
enum TestTables {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The path of a fixture file such as `wine-train.csv`.
    static func fixturePath(_ name: String) -> String {
        fixtures.appendingPathComponent(name).path
    }

    /// The fixture `name`, read with ``csv(_:source:)``.
    static func fixture(_ name: String) throws -> DataTable {
        csv(try String(contentsOfFile: fixturePath(name), encoding: .utf8), source: name)
    }

    /// A table from CSV text whose first line is the header.
    static func csv(_ text: String, source: String = "test.csv") -> DataTable {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let cells = lines.dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let columns = header.indices.map { i in column(header[i], cells.map { $0[i] }) }
        return DataTable(columns: columns, source: source)
    }

    static func column(_ name: String, _ fields: [String]) -> Column {
        let nulls = fields.map(\.isEmpty)
        let present = fields.filter { !$0.isEmpty }
        let anyNull = nulls.contains(true)
        if present.allSatisfy({ Int64($0) != nil }) {
            return Column(
                name: name, storage: .integer(IntegerValues(fields.map { Int64($0) ?? 0 })), nulls: anyNull ? nulls : []
            )
        }
        if present.allSatisfy({ Double($0) != nil }) {
            return Column(name: name, storage: .double(fields.map { Double($0) ?? 0 }), nulls: anyNull ? nulls : [])
        }
        if present.allSatisfy({ $0 == "true" || $0 == "false" }) {
            return Column(name: name, storage: .boolean(fields.map { $0 == "true" }), nulls: anyNull ? nulls : [])
        }
        var dictionary: [String] = []
        var codes: [Int32] = []
        var index: [String: Int32] = [:]
        for field in fields {
            if field.isEmpty {
                codes.append(-1)
                continue
            }
            if index[field] == nil {
                index[field] = Int32(dictionary.count)
                dictionary.append(field)
            }
            codes.append(index[field]!)
        }
        return Column(name: name, storage: .string(codes: codes, dictionary: dictionary), nulls: anyNull ? nulls : [])
    }

    /// A fresh temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-train-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension TrainingRequest {
    /// A request for the `name-train.csv` / `name-test.csv` fixture pair.
    static func fixture(_ name: String, target: String, model: ModelKind) throws -> TrainingRequest {
        var request = TrainingRequest(
            train: try TestTables.fixture("\(name)-train.csv"), target: target,
            dataHash: try ContentHash.hex(fileAt: TestTables.fixturePath("\(name)-train.csv")))
        request.test = try TestTables.fixture("\(name)-test.csv")
        request.model = model
        return request
    }
}
