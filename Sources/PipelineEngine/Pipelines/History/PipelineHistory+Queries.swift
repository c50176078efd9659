package import Foundation
import GRDB
import LabSupport

/// One pipeline run as `pipeline runs` lists it.
package struct RunSummary: Sendable, Encodable, Equatable {
    /// Where a run stands.
    package enum Status: String, Sendable, Codable, CaseIterable {
        /// Its process is still at it.
        case running
        case passed
        case failed
        /// Its process ended before it finished.
        case interrupted

        /// The status of a run that finished with `status`.
        package init(_ status: PipelineRunReport.Status) {
            switch status {
            case .passed: self = .passed
            case .failed: self = .failed
            }
        }
    }

    package var id: Int
    package var pipeline: String
    package var startedAt: Date
    package var status: Status
    package var forced: Bool
    package var targetStage: String?
    package var seconds: Double
    package var cpuMinutes: Double
    package var gpuMinutes: Double
    package var cost: Double
    package var savedCost: Double
    /// How many stages ended in each status (`ran`, `cached`, `failed`, `skipped`).
    package var stageCounts: [String: Int]
    /// Metrics as `stage.metric`.
    package var metrics: [String: Double]
    package var params: [String: String]

    enum CodingKeys: String, CodingKey {
        case id, pipeline, status, forced, seconds, cost, metrics, params
        case startedAt = "started_at"
        case targetStage = "target_stage"
        case cpuMinutes = "cpu_minutes"
        case gpuMinutes = "gpu_minutes"
        case savedCost = "saved_cost"
        case stageCounts = "stage_counts"
    }
}

extension PipelineHistory {
    /// Every run, oldest first; runs whose process ended before they finished are first
    /// marked `interrupted`.
    package func runs() throws -> [RunSummary] {
        try markInterruptedRuns()
        return try state.pool.read { db in
            var metrics: [Int: [String: Double]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT run_id, stage, name, value FROM run_metric") {
                let stage: String = row["stage"]
                let name: String = row["name"]
                metrics[row["run_id"], default: [:]][stage + "." + name] = row["value"]
            }
            var params: [Int: [String: String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT run_id, key, value FROM run_param") {
                params[row["run_id"], default: [:]][row["key"]] = row["value"]
            }
            var counts: [Int: [String: Int]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT run_id, status, COUNT(*) AS n FROM stage_result GROUP BY run_id, status")
            {
                counts[row["run_id"], default: [:]][row["status"]] = row["n"]
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM pipeline_run ORDER BY id").map { row in
                let id: Int = row["id"]
                return RunSummary(
                    id: id, pipeline: row["pipeline"], startedAt: row["started_at"],
                    status: try StateStore.decode(row["status"], as: "run status"),
                    forced: row["forced"], targetStage: row["target_stage"], seconds: row["seconds"],
                    cpuMinutes: row["cpu_minutes"], gpuMinutes: row["gpu_minutes"], cost: row["cost"],
                    savedCost: row["saved_cost"], stageCounts: counts[id] ?? [:], metrics: metrics[id] ?? [:],
                    params: params[id] ?? [:])
            }
        }
    }

    /// The run a reference names: `3`, `#3`, `latest`, or `latest~1` for the one before.
    package func runID(_ reference: String, among runs: [RunSummary]) throws -> Int {
        guard let last = runs.last else {
            throw LabError(.pipelineNoRuns, "there are no pipeline runs yet; `pipeline run` makes one")
        }
        var text = reference.hasPrefix("#") ? String(reference.dropFirst()) : reference
        var back = 0
        if text.hasPrefix("latest") || text.hasPrefix("last") {
            let parts = text.split(separator: "~", maxSplits: 1)
            back = parts.count == 2 ? Int(parts[1]) ?? -1 : 0
            text = back >= 0 && back < runs.count ? String(runs[runs.count - 1 - back].id) : ""
        }
        guard let id = Int(text), runs.contains(where: { $0.id == id }) else {
            throw LabError(
                .pipelineUnknownRun,
                "no pipeline run '\(reference)'; the runs are #\(runs[0].id) to #\(last.id) (or `latest`, `latest~1`)")
        }
        return id
    }
}

/// A change of one param or metric between two runs.
package struct RunDiffEntry: Sendable, Encodable, Equatable {
    package var name: String
    package var old: String?
    package var new: String?
    /// new − old, for metrics present in both runs.
    package var delta: Double?
}

/// What `pipeline diff` shows: dependency files, params and metrics that differ between two runs.
package struct RunDiff: Sendable, Encodable, Equatable {
    package var old: Int
    package var new: Int
    package var deps: [DependencyChange] = []
    /// Runs that kept no dependency hashes (they stopped before any stage read its files, or
    /// ran before hashes were kept), so their data cannot be compared.
    package var depsUnrecorded: [Int] = []
    package var params: [RunDiffEntry]
    package var metrics: [RunDiffEntry]

    enum CodingKeys: String, CodingKey {
        case old, new, deps, params, metrics
        case depsUnrecorded = "deps_unrecorded"
    }
}

extension PipelineHistory {
    /// The dependency files, params and metrics of run `new` against run `old` (all of them
    /// when `all`, else only those that differ), as `dvc diff`, `dvc params diff` and
    /// `dvc metrics diff` show them.
    package func diff(_ old: RunSummary, _ new: RunSummary, all: Bool = false) throws -> RunDiff {
        let params = Set(old.params.keys).union(new.params.keys).sorted().compactMap { key -> RunDiffEntry? in
            let a = old.params[key]
            let b = new.params[key]
            return all || a != b ? RunDiffEntry(name: key, old: a, new: b, delta: nil) : nil
        }
        let metrics = Set(old.metrics.keys).union(new.metrics.keys).sorted().compactMap { key -> RunDiffEntry? in
            let a = old.metrics[key]
            let b = new.metrics[key]
            guard all || a != b else { return nil }
            return RunDiffEntry(
                name: key, old: a.map(Self.format), new: b.map(Self.format),
                delta: a.flatMap { a in b.map { $0 - a } })
        }
        let before = try dependencies(run: old.id)
        let after = try dependencies(run: new.id)
        var diff = RunDiff(old: old.id, new: new.id, params: params, metrics: metrics)
        diff.depsUnrecorded = [(old.id, before), (new.id, after)].filter { $0.1.isEmpty }.map(\.0)
        if diff.depsUnrecorded.isEmpty {
            diff.deps = DependencyChange.changes(before, after, all: all)
        }
        return diff
    }

    static func format(_ value: Double) -> String { String(format: "%.4f", value) }
}
