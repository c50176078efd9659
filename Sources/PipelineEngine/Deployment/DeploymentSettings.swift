import Foundation
import LabSupport
import Yams

/// Everything a rollout is configured by: the platform, the canary's steps and the analysis.
///
/// The defaults hold without a file; a sandbox may override any of them in `deploy.yaml`:
///
/// ```yaml
/// platform:
///   baseline_service_ms: 20     # the baseline model serves at 20 ms per request here
///   replicas: 4
///   requests_per_second: 20     # normal load; holiday is this × holiday_multiplier
///   holiday_multiplier: 4
///   timeout_ms: 1000
///   interval_seconds: 60
/// canary:
///   steps: [5, 25, 50, 100]
/// analysis:
///   intervals: 3
///   requests_per_interval: 200
///   failure_limit: 0
///   max_p95_ms: 250
///   max_error_rate_increase: 1%
///   max_accuracy_drop: 0.02
///   min_labelled: 30
/// ```
package struct DeploymentSettings: Sendable, Equatable {
    package var platform = PlatformSettings()
    package var canarySteps = [5, 25, 50, 100]
    package var analysis = AnalysisSettings()

    package init() {}

    /// The file name looked for at the sandbox's root.
    package static let fileName = "deploy.yaml"

    /// The settings of the workspace: its `deploy.yaml` if there is one, else the defaults.
    package static func load(workspace root: String) throws -> DeploymentSettings {
        let path = root + "/" + fileName
        guard let data = try RegularFile.contents(atPath: path) else { return DeploymentSettings() }
        return try parse(String(decoding: data, as: UTF8.self), file: fileName)
    }

    /// Parses the text of a `deploy.yaml`.
    package static func parse(_ text: String, file: String) throws -> DeploymentSettings {
        let reader = YAMLNodeReader(file: file, codePrefix: .deploy)
        var settings = DeploymentSettings()
        guard let root = try reader.compose(text) else { return settings }
        let top = try reader.mapping(root, "the deployment settings")
        try reader.checkKeys(top, allowed: ["platform", "canary", "analysis"], in: "the deployment settings")
        if let node = top["platform"] {
            let map = try reader.mapping(node, "`platform`")
            let keys = [
                "baseline_service_ms", "replicas", "requests_per_second", "holiday_multiplier", "timeout_ms",
                "interval_seconds",
            ]
            try reader.checkKeys(map, allowed: keys, in: "`platform`")
            let number = { (key: String) in try map[key].map { try positive($0, key, reader) } }
            settings.platform.baselineServiceMs =
                try number("baseline_service_ms") ?? settings.platform.baselineServiceMs
            settings.platform.replicas = try number("replicas").map { Int($0) } ?? settings.platform.replicas
            settings.platform.requestsPerSecond =
                try number("requests_per_second") ?? settings.platform.requestsPerSecond
            settings.platform.holidayMultiplier =
                try number("holiday_multiplier") ?? settings.platform.holidayMultiplier
            settings.platform.timeoutMs = try number("timeout_ms") ?? settings.platform.timeoutMs
            settings.platform.intervalSeconds = try number("interval_seconds") ?? settings.platform.intervalSeconds
        }
        if let node = top["canary"] {
            let map = try reader.mapping(node, "`canary`")
            try reader.checkKeys(map, allowed: ["steps"], in: "`canary`")
            if let steps = map["steps"] {
                let words = try reader.sequence(steps, "`steps`").map { try reader.text($0, "each step") }
                do {
                    settings.canarySteps = try parseSteps(words.joined(separator: ","))
                } catch let error as LabError {
                    throw reader.error(.badValue, error.message, at: steps)
                }
            }
        }
        if let node = top["analysis"] {
            let map = try reader.mapping(node, "`analysis`")
            let keys = [
                "intervals", "requests_per_interval", "failure_limit", "max_p95_ms", "max_error_rate_increase",
                "max_accuracy_drop", "min_labelled",
            ]
            try reader.checkKeys(map, allowed: keys, in: "`analysis`")
            let number = { (key: String) in try map[key].map { try GateConfigLoader.number($0, "`\(key)`", reader) } }
            var a = settings.analysis
            a.intervals = try map["intervals"].map { Int(try positive($0, "intervals", reader)) } ?? a.intervals
            a.requestsPerInterval =
                try map["requests_per_interval"].map { Int(try positive($0, "requests_per_interval", reader)) }
                ?? a.requestsPerInterval
            a.failureLimit = try number("failure_limit").map { Int($0) } ?? a.failureLimit
            a.maxP95Ms = try map["max_p95_ms"].map { try positive($0, "max_p95_ms", reader) } ?? a.maxP95Ms
            a.maxErrorRateIncrease = try number("max_error_rate_increase") ?? a.maxErrorRateIncrease
            a.maxAccuracyDrop = try number("max_accuracy_drop") ?? a.maxAccuracyDrop
            a.minLabelled = try number("min_labelled").map { Int($0) } ?? a.minLabelled
            settings.analysis = a
        }
        return settings
    }

    private static func positive(_ node: Node, _ key: String, _ reader: YAMLNodeReader) throws -> Double {
        let value = try GateConfigLoader.number(node, "`\(key)`", reader)
        guard value > 0 else {
            throw reader.error(.badValue, "`\(key)` is \(formatDouble(value)); expected a number above 0", at: node)
        }
        return value
    }

    /// Parses canary steps written `5,25,50,100`: whole percentages, rising, from 1 to 100.
    package static func parseSteps(_ text: String) throws -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
        }
        let steps = parts.compactMap { Int($0) }
        guard !parts.isEmpty, steps.count == parts.count, steps.allSatisfy({ (1...100).contains($0) }),
            zip(steps, steps.dropFirst()).allSatisfy({ $0 < $1 })
        else {
            throw LabError(
                .deployBadSteps,
                "'\(text)' is not a list of canary steps; write rising traffic percentages from 1 to 100, such as 5,25,50,100"
            )
        }
        return steps
    }
}
