import Foundation
import GRDB

/// Decides, at the end of each production day, whether a pipeline's `data_change` and `drift`
/// triggers fire.
///
/// - `data_change` watches its `paths` (or every file the pipeline's stages read) and fires
///   when one's content differs from when it last looked. The hashes it saw are kept in
///   `state.sqlite`, so a change made between two `clock advance` commands is noticed too.
/// - `drift` fires on the day some feature's drift crosses the threshold (judged as `monitor`
///   judges it) after a day on which none had: once per crossing, not every day drift lasts.
struct TriggerWatch {
    let workspace: Workspace
    let pipeline: PipelineDefinition

    static let hashesKey = "trigger_data_change_hashes"

    /// The files a `data_change` trigger with `paths` watches: those, or every file a stage
    /// reads that no stage writes (a run rewriting its own model must not trigger the next).
    func watched(_ paths: [String]) -> [String] {
        guard paths.isEmpty else { return paths }
        let outputs = Set(pipeline.stages.flatMap(\.outs))
        var files: [String] = []
        for stage in pipeline.stages {
            for file in stage.dependencies where !files.contains(file) && !outputs.contains(file) { files.append(file) }
        }
        return files
    }

    /// The content hash of each watched file (`absent` when missing).
    func hashes(_ files: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for file in files {
            let path = try workspace.paths.resolve(file, in: pipeline.file)
            result[file] = FileManager.default.fileExists(atPath: path) ? try ContentHash.hex(fileAt: path) : "absent"
        }
        return result
    }

    /// The hashes last seen, if any were recorded.
    func recordedHashes() throws -> [String: String]? {
        let text = try workspace.state.pool.read { db in try LabSettings.value(Self.hashesKey, db) }
        return text.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) }
    }

    /// The content hash of each file as the pipeline's last successful run read it (its lock file).
    func lockedHashes() throws -> [String: String] {
        let path = try workspace.paths.resolve(pipeline.lockFile, in: pipeline.file)
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let lock = try LockFile.read(path: path, displayName: pipeline.lockFile)
        var result: [String: String] = [:]
        for entry in lock.stages.values {
            for dep in entry.deps { result[dep.path] = dep.sha256 }
        }
        return result
    }

    func record(_ hashes: [String: String]) throws {
        let text = String(decoding: try JSONEncoder.sorted.encode(hashes), as: UTF8.self)
        try workspace.state.pool.write { db in try LabSettings.set(Self.hashesKey, text, db) }
    }

    /// The watched files whose content changed since `seen`, with what is seen now.
    func changes(_ files: [String], since seen: [String: String]) throws -> (changed: [String], now: [String: String]) {
        let now = try hashes(files)
        return (files.filter { seen[$0] != now[$0] }, now)
    }

    /// Why the drift trigger fires on stream day `day`, or nil: the features that drifted that
    /// day when none had the day before.
    func driftCrossing(day: Int, method: String, threshold: Double?, production: ProductionView) throws -> String? {
        let method = try DriftMethod.parse(method)
        let watcher = ProductionDrift(stream: production.stream, historyDays: production.scenario.historyDays)
        let today = try watcher.drift(day: day, method: method, threshold: threshold).filter(\.drifted)
        guard !today.isEmpty else { return nil }
        if day > 0, try watcher.drift(day: day - 1, method: method, threshold: threshold).contains(where: \.drifted) {
            return nil
        }
        return today.map { entry in
            method.isTest
                ? "\(entry.column) p \(String(format: "%.4f", entry.pValue ?? 1)) ≤ \(formatDouble(entry.threshold))"
                : "\(entry.column) \(method.rawValue) \(String(format: "%.3f", entry.statistic)) ≥ \(formatDouble(entry.threshold))"
        }.joined(separator: ", ")
    }
}
