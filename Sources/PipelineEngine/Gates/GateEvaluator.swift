import Foundation
import LabSupport

/// Runs gates in order against the evidence, stopping at the first failed required gate.
///
/// Every gate ends passed, failed or skipped, with its reason and numbers. A metric a gate
/// needs but nobody measured fails that gate: a gate that cannot see must not wave a model
/// through. Gates after a failed required gate are skipped, naming the gate that stopped them.
package enum GateEvaluator {
    package static func evaluate(_ gates: [Gate], evidence: GateEvidence) -> GateReport {
        var results: [GateResult] = []
        var stoppedBy: String?
        for gate in gates {
            if let stoppedBy {
                results.append(
                    GateResult(
                        name: gate.name, type: gate.type, required: gate.required, status: .skipped,
                        message: "not evaluated: required gate '\(stoppedBy)' failed"))
                continue
            }
            var result = judge(gate, evidence)
            result.name = gate.name
            result.type = gate.type
            result.required = gate.required
            if result.status == .failed, !gate.required { result.message += " (advisory)" }
            results.append(result)
            if result.status == .failed, gate.required { stoppedBy = gate.name }
        }
        return GateReport(results: results)
    }

    private static func verdict(_ ok: Bool, _ message: String, _ observed: [String: Double]) -> GateResult {
        GateResult(
            name: "", type: "", required: true, status: ok ? .passed : .failed, message: message,
            observed: observed)
    }

    private static func failed(_ message: String) -> GateResult {
        GateResult(name: "", type: "", required: true, status: .failed, message: message)
    }

    private static func skipped(_ message: String) -> GateResult {
        GateResult(name: "", type: "", required: true, status: .skipped, message: message)
    }

    static func judge(_ gate: Gate, _ evidence: GateEvidence) -> GateResult {
        switch gate.check {
        case .schema(let columns, let types):
            let missing = columns.filter { evidence.columns[$0] == nil }
            if !missing.isEmpty {
                return failed("missing column\(missing.count == 1 ? "" : "s"): \(missing.joined(separator: ", "))")
            }
            for (column, expected) in types.sorted(by: { $0.key < $1.key }) {
                guard let actual = evidence.columns[column] else { return failed("missing column: \(column)") }
                if actual != expected {
                    return failed("column \(column) is \(actual.rawValue), expected \(expected.rawValue)")
                }
            }
            return verdict(true, "all \(columns.count + types.count) expected columns present with their types", [:])

        case .threshold(let metric, let min, let max):
            guard let value = evidence.metrics[metric] else { return failed("metric '\(metric)' was not measured") }
            if let min, value < min { return verdict(false, "\(metric) \(f3(value)) < \(f3(min))", [metric: value]) }
            if let max, value > max { return verdict(false, "\(metric) \(f3(value)) > \(f3(max))", [metric: value]) }
            let bounds = [min.map { ">= \(f3($0))" }, max.map { "<= \(f3($0))" }].compactMap { $0 }.joined(
                separator: " and ")
            return verdict(true, "\(metric) \(f3(value)) \(bounds)", [metric: value])

        case .noRegression(let metric, let absolute, let relative):
            guard let value = evidence.metrics[metric] else { return failed("metric '\(metric)' was not measured") }
            guard let champion = evidence.championMetrics else {
                return skipped("no champion in the registry yet: nothing to compare with")
            }
            let who = evidence.championVersion.map { "champion v\($0)" } ?? "champion"
            guard let baseline = champion[metric] else {
                return skipped("\(who) has no '\(metric)' metric to compare with")
            }
            let tolerance = toleranceText(absolute: absolute, relative: relative)
            let observed = [metric: value, "champion_\(metric)": baseline]
            if lowerIsBetter(metric) {
                let ceiling = Swift.min(
                    baseline + (absolute ?? (relative == nil ? 0 : .infinity)),
                    baseline * (1 + (relative ?? (absolute == nil ? 0 : .infinity))))
                return verdict(
                    value <= ceiling,
                    "\(metric) \(f3(value)) \(value <= ceiling ? "<=" : ">") \(f3(ceiling)) (\(who) \(f3(baseline))\(tolerance))",
                    observed.merging(["limit": ceiling]) { a, _ in a })
            }
            let floor = Swift.max(
                baseline - (absolute ?? (relative == nil ? 0 : .infinity)),
                baseline * (1 - (relative ?? (absolute == nil ? 0 : .infinity))))
            return verdict(
                value >= floor,
                "\(metric) \(f3(value)) \(value >= floor ? ">=" : "<") \(f3(floor)) (\(who) \(f3(baseline))\(tolerance))",
                observed.merging(["limit": floor]) { a, _ in a })

        case .latency(let p95, let p99, let maxRatio):
            var parts: [String] = []
            var observed: [String: Double] = [:]
            for (name, bound) in [("p95", p95), ("p99", p99)] {
                guard let bound else { continue }
                guard let value = evidence.latencyMs[name] else { return failed("latency \(name) was not measured") }
                observed["\(name)_ms"] = value
                let shown = DurationText.milliseconds(value)
                let limit = DurationText.milliseconds(bound)
                if value > bound { return verdict(false, "latency \(name) \(shown) > \(limit)", observed) }
                parts.append("\(name) \(shown) <= \(limit)")
            }
            if let maxRatio {
                guard let who = evidence.championVersion.map({ "champion v\($0)" }) else {
                    if parts.isEmpty { return skipped("no champion in the registry yet: no latency to compare with") }
                    return verdict(
                        true, "latency " + parts.joined(separator: ", ") + "; no champion yet to compare with",
                        observed)
                }
                guard let relative = evidence.relativeLatency else {
                    return failed("the latency of \(who) could not be measured on this data, so the ratio is unknown")
                }
                let ratio = relative.p95Ratio
                observed["candidate_p95_ms"] = relative.candidate.p95
                observed["champion_p95_ms"] = relative.champion.p95
                observed["p95_ratio"] = ratio
                let comparison =
                    "p95 \(DurationText.milliseconds(relative.candidate.p95)) against \(who)'s "
                    + "\(DurationText.milliseconds(relative.champion.p95)) on the same rows: "
                    + "\(f2(ratio))× \(ratio <= maxRatio ? "<=" : ">") \(f2(maxRatio))×"
                if ratio > maxRatio { return verdict(false, "latency " + comparison, observed) }
                parts.append(comparison)
            }
            return verdict(true, "latency " + parts.joined(separator: ", "), observed)

        case .memory(let maxMegabytes):
            guard let value = evidence.peakMemoryMb else { return failed("peak memory was not measured") }
            return verdict(
                value <= maxMegabytes,
                "peak memory \(f1(value)) MB \(value <= maxMegabytes ? "<=" : ">") \(f1(maxMegabytes)) MB",
                ["peak_memory_mb": value])

        case .fairness(let slice, let minRatio, let maxDifference):
            guard let figures = evidence.fairness[slice] else {
                return failed("no fairness figures for slice '\(slice)': evaluate with --slice \(slice)")
            }
            var parts: [String] = []
            if let minRatio {
                guard let ratio = figures["demographic_parity_ratio"] else {
                    return failed("demographic parity ratio for '\(slice)' is undefined (no group was selected)")
                }
                if ratio < minRatio {
                    return verdict(
                        false, "demographic parity ratio across \(slice) \(f3(ratio)) < \(f3(minRatio))", figures)
                }
                parts.append("parity ratio \(f3(ratio)) >= \(f3(minRatio))")
            }
            if let maxDifference {
                guard let difference = figures["equalized_odds_difference"] else {
                    return failed("equalized odds difference for '\(slice)' was not measured")
                }
                if difference > maxDifference {
                    return verdict(
                        false, "equalized odds difference across \(slice) \(f3(difference)) > \(f3(maxDifference))",
                        figures)
                }
                parts.append("odds difference \(f3(difference)) <= \(f3(maxDifference))")
            }
            return verdict(true, "across \(slice): " + parts.joined(separator: ", "), figures)

        case .shadow(let minAgreement):
            guard evidence.championMetrics != nil else { return skipped("no champion to shadow yet") }
            guard let agreement = evidence.shadowAgreement else {
                return failed("agreement with the champion on mirrored traffic was not measured")
            }
            return verdict(
                agreement >= minAgreement,
                "agreement with the champion \(f3(agreement)) \(agreement >= minAgreement ? ">=" : "<") \(f3(minAgreement))",
                ["agreement": agreement])
        }
    }

    private static func toleranceText(absolute: Double?, relative: Double?) -> String {
        var parts: [String] = []
        if let absolute { parts.append("− \(f3(absolute))") }
        if let relative { parts.append("− \(formatDouble((relative * 100 * 1000).rounded() / 1000))%") }
        return parts.isEmpty ? ", no tolerance" : " " + parts.joined(separator: ", ")
    }

    static func f3(_ value: Double) -> String { String(format: "%.3f", value) }
    static func f1(_ value: Double) -> String { String(format: "%.1f", value) }
    static func f2(_ value: Double) -> String { value.isFinite ? String(format: "%.2f", value) : "∞" }
}
