import Foundation
import LabSupport

/// An ancestor's result read back from its result file, for a run of one stage on its own.
struct UpstreamResult {
    var stage: StageDefinition
    var record: StageRecord
    /// The `result` payload exactly as the file holds it, so it hashes as it did for the run
    /// that made it, and later stages read the same bytes.
    var payload: Data?
}

/// The fields of a result file that a run of one stage reads back (the payload is taken raw).
private struct ResultFileFields: Decodable {
    var kind: String
    var metrics: [String: Double]
    var outs: [FileHash]
    var run: Int
    var stage: String
    var summary: String
}

extension PipelineRunner {
    /// The result file the runner writes for `stage`, relative to the workspace.
    package static func resultFile(_ stage: String) -> String { ".lab/results/\(stage).json" }

    /// The results of every stage `target` needs, directly or not, in run order, read from
    /// their result files (`.lab/results/STAGE.json`), with their outputs checked on disk.
    ///
    /// Those files are what a CI job downloads from the jobs it needs, or what an earlier run
    /// in the same folder left; nothing upstream is run or taken from the run cache. A missing
    /// result or output, an output that differs from what its stage wrote, or a damaged file is
    /// refused with the file, the stage and the remedy.
    func upstreamResults(for target: String) throws -> [UpstreamResult] {
        _ = try selection(target)
        let ancestors = Set(PipelineGraph(pipeline.stages).ancestors(of: target))
        let stages = pipeline.order.filter(ancestors.contains).compactMap { pipeline.stage($0) }
        // The nearest missing one is named: its remedy, a run of it, makes those before it too.
        var files: [(StageDefinition, Data)] = []
        var missing: StageDefinition?
        for stage in stages {
            if let data = try workspace.files.contents(of: workspace.root + "/" + Self.resultFile(stage.name)) {
                files.append((stage, data))
            } else {
                missing = stage
            }
        }
        if let missing {
            let file = Self.resultFile(missing.name)
            throw LabError(
                .pipelineMissingUpstream,
                "stage '\(target)' needs the result of stage '\(missing.name)' (\(file)), which is not here: run "
                    + "`cicdlab pipeline run \(ExportText.shellWord(pipeline.file)) --stage "
                    + "\(ExportText.shellWord(missing.name))` in this folder first, or download the files its CI job "
                    + "uploaded",
                kind: .failed)
        }
        let results = try files.map { try readResult(of: $0.0, data: $0.1) }
        for result in results {
            try checkOutputs(of: result, neededBy: target)
        }
        return results
    }

    /// Refuses, as ``runAlone(_:force:)`` would, a run of `target` on its own whose upstream
    /// results or outputs are missing, damaged or changed; nothing is run or written.
    package func checkUpstream(of target: String) throws {
        _ = try upstreamResults(for: target)
    }

    private func readResult(of stage: StageDefinition, data: Data) throws -> UpstreamResult {
        let file = Self.resultFile(stage.name)
        func damaged(_ problem: String) -> LabError {
            LabError(
                .pipelineBadResult,
                "not a stage result as `pipeline run` writes it: \(problem); expected a JSON object with kind, metrics, "
                    + "outs, run, stage and summary (run stage '\(stage.name)' again, or download its CI job's files again)",
                file: file, kind: .failed)
        }
        let fields: ResultFileFields
        do {
            fields = try JSONDecoder().decode(ResultFileFields.self, from: data)
        } catch let error as DecodingError {
            throw damaged(Self.describe(error))
        }
        guard fields.stage == stage.name else {
            throw damaged("it is the result of stage '\(fields.stage)'")
        }
        guard fields.kind == stage.kind.rawValue else {
            throw damaged(
                "it is the result of a \(fields.kind) stage, and '\(stage.name)' is a \(stage.kind.rawValue) stage")
        }
        // The record's result hash is set when the payload goes into the artifact store.
        let record = StageRecord(
            stage: stage.name, kind: stage.kind, runID: fields.run, outs: fields.outs, resultHash: nil,
            summary: fields.summary, metrics: fields.metrics, gates: [], cost: StageCost())
        return UpstreamResult(stage: stage, record: record, payload: JSONMember.raw("result", in: data))
    }

    /// Refuses an output of an upstream stage that is missing or differs from what it wrote.
    private func checkOutputs(of result: UpstreamResult, neededBy target: String) throws {
        let name = result.stage.name
        for out in result.record.outs {
            guard let found = try StageInputs.hash(out.path, in: workspace) else {
                throw LabError(
                    .pipelineMissingUpstream,
                    "stage '\(target)' needs '\(out.path)', which stage '\(name)' wrote (\(Self.resultFile(name))), "
                        + "and it is not here: download it with the other files stage '\(name)' uploaded, or run "
                        + "`cicdlab pipeline run \(ExportText.shellWord(pipeline.file)) --stage "
                        + "\(ExportText.shellWord(name))` in this folder",
                    kind: .failed)
            }
            guard found.sha256 == out.sha256 else {
                throw LabError(
                    .pipelineUpstreamChanged,
                    "'\(out.path)' differs from what stage '\(name)' wrote (sha256 \(found.sha256.prefix(12)), "
                        + "\(Self.resultFile(name)) says \(out.sha256.prefix(12))): put back the file stage '\(name)' "
                        + "uploaded, or run stage '\(name)' again",
                    kind: .failed)
            }
        }
    }

    /// What is wrong with a result file, in words, from the decoder's error.
    private static func describe(_ error: DecodingError) -> String {
        func name(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }
                .description
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "it has no '\(name(context.codingPath + [key]))'"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let expected =
                [
                    ObjectIdentifier(Double.self): "a number", ObjectIdentifier(Int.self): "a whole number",
                    ObjectIdentifier(String.self): "a string",
                ][ObjectIdentifier(type)] ?? "what `pipeline run` writes there"
            return context.codingPath.isEmpty
                ? "it is not a JSON object" : "'\(name(context.codingPath))' is not \(expected)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not JSON" : "'\(name(context.codingPath))' is not valid"
        @unknown default:
            return "it cannot be read"
        }
    }

    /// Makes the upstream results this run's records, as a cache restore does: payloads go into
    /// the artifact store (so `payload(of:)` reads them) and each stage's executor puts back what
    /// lives outside its outputs, in run order (a train stage's model becomes `challenger` again).
    func adopt(_ results: [UpstreamResult], state: inout RunState) throws {
        for result in results {
            var record = result.record
            if let payload = result.payload { record.resultHash = try workspace.artifacts.put(payload) }
            let context = stageContext(for: result.stage, state: state)
            try executors[result.stage.kind]?.restored(result.stage, record: record, in: context)
            state.records[result.stage.name] = record
        }
    }
}

/// Finds the bytes of one member of a top-level JSON object exactly as they are written.
enum JSONMember {
    /// The raw value of `key` in the JSON object `data` (already known to be valid JSON), or nil.
    static func raw(_ key: String, in data: Data) -> Data? {
        let bytes = [UInt8](data)
        let wanted = Array(("\"" + key + "\"").utf8)
        var index = 0
        func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }
        func skipString() {
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            index += 1
        }
        func skipValue() {
            guard index < bytes.count else { return }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: "\""):
                        skipString()
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                    default:
                        break
                    }
                    index += 1
                    if depth == 0 { return }
                }
            default:
                let ends = Array(",}] \t\r\n".utf8)
                while index < bytes.count, !ends.contains(bytes[index]) { index += 1 }
            }
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        while index < bytes.count {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let keyStart = index
            skipString()
            let isWanted = Array(bytes[keyStart..<min(index, bytes.count)]) == wanted
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            let valueStart = index
            skipValue()
            if isWanted { return Data(bytes[valueStart..<min(index, bytes.count)]) }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
        return nil
    }
}
