import Foundation
import LabSupport

/// One success condition's verdict for one interval, with the numbers behind it.
package struct ConditionResult: Sendable, Equatable, Codable {
    package enum Status: String, Sendable, Codable {
        case passed, failed, skipped
    }

    /// `latency_p95`, `error_rate` or `live_accuracy`.
    package var name: String
    package var status: Status
    /// The verdict in words, with the numbers: "p95 latency: canary 1.00 s > 250 ms".
    package var message: String
    package var canary: Double?
    package var champion: Double?
    package var limit: Double?
}

/// The analysis of one interval of a canary step: both versions' measurements and the verdict.
package struct IntervalAnalysis: Sendable, Equatable, Codable {
    package enum Verdict: String, Sendable, Codable {
        case successful, failed
    }

    /// 1-based within the step.
    package var interval: Int
    package var verdict: Verdict
    package var conditions: [ConditionResult]
    package var champion: VersionMeasurement
    package var canary: VersionMeasurement

    /// The failed conditions' messages, joined: why the interval failed.
    package var failureReason: String {
        conditions.filter { $0.status == .failed }.map(\.message).joined(separator: "; ")
    }
}

/// Judges a canary against the champion on the success conditions of ``AnalysisSettings``.
///
/// Latency and errors are judged per interval. Live accuracy needs labels, which come back
/// late and split by weight (a 5 % canary sees few), so it is judged on the labelled requests
/// of the step so far, and only once each version has `minLabelled` of them; before that the
/// condition is skipped, never passed silently. Even then a few dozen labels swing accuracy by
/// several points, so the canary fails only when it is significantly below the champion
/// minus the tolerance (a one-sided two-proportion z-test at 5 %).
package enum CanaryAnalysis {
    /// The verdict for interval `index` of a step, given both versions' measurements in it and
    /// the labelled counts of the step so far (this interval included).
    package static func judge(
        interval index: Int, champion: VersionMeasurement, canary: VersionMeasurement,
        stepLabelled: (champion: (labelled: Int, correct: Int), canary: (labelled: Int, correct: Int)),
        settings: AnalysisSettings
    ) -> IntervalAnalysis {
        var conditions: [ConditionResult] = []

        let p95 = canary.forecast.p95Ms
        let p95OK = p95 <= settings.maxP95Ms
        conditions.append(
            ConditionResult(
                name: "latency_p95", status: p95OK ? .passed : .failed,
                message:
                    "p95 latency: canary \(ms(p95)) \(p95OK ? "<=" : ">") \(ms(settings.maxP95Ms)) limit (champion \(ms(champion.forecast.p95Ms)))",
                canary: p95, champion: champion.forecast.p95Ms, limit: settings.maxP95Ms))

        let errorLimit = champion.errorRate + settings.maxErrorRateIncrease
        let errorsOK = canary.errorRate <= errorLimit
        conditions.append(
            ConditionResult(
                name: "error_rate", status: errorsOK ? .passed : .failed,
                message:
                    "error rate: canary \(percent(canary.errorRate)) \(errorsOK ? "<=" : ">") \(percent(errorLimit)) limit (champion \(percent(champion.errorRate)) + \(points(settings.maxErrorRateIncrease)))",
                canary: canary.errorRate, champion: champion.errorRate, limit: errorLimit))

        conditions.append(accuracy(stepLabelled.champion, stepLabelled.canary, settings))

        let failed = conditions.contains { $0.status == .failed }
        return IntervalAnalysis(
            interval: index, verdict: failed ? .failed : .successful, conditions: conditions,
            champion: champion, canary: canary)
    }

    static func accuracy(
        _ champion: (labelled: Int, correct: Int), _ canary: (labelled: Int, correct: Int),
        _ settings: AnalysisSettings
    ) -> ConditionResult {
        let short = [("canary", canary.labelled), ("champion", champion.labelled)].filter {
            $0.1 < settings.minLabelled
        }
        if let (who, count) = short.first {
            return ConditionResult(
                name: "live_accuracy", status: .skipped,
                message:
                    "live accuracy: not judged yet (\(who) has \(count) labelled request\(count == 1 ? "" : "s"), needs \(settings.minLabelled))",
                canary: canary.labelled > 0 ? Double(canary.correct) / Double(canary.labelled) : nil,
                champion: champion.labelled > 0 ? Double(champion.correct) / Double(champion.labelled) : nil,
                limit: nil)
        }
        let canaryAccuracy = Double(canary.correct) / Double(canary.labelled)
        let championAccuracy = Double(champion.correct) / Double(champion.labelled)
        let floor = championAccuracy - settings.maxAccuracyDrop
        // One-sided two-proportion z-test of "the canary is below the floor": a few dozen labels
        // swing accuracy by several points, so only a shortfall unlikely to be chance fails.
        let spread =
            (canaryAccuracy * (1 - canaryAccuracy) / Double(canary.labelled)
            + championAccuracy * (1 - championAccuracy) / Double(champion.labelled)).squareRoot()
        let z = spread > 0 ? (canaryAccuracy - floor) / spread : (canaryAccuracy >= floor ? 0 : -.infinity)
        let ok = z >= -criticalZ
        let comparison =
            canaryAccuracy >= floor
            ? ">= \(f3(floor)) limit"
            : ok
                ? "< \(f3(floor)) limit, but not significantly (z \(f2(z)) > -\(f2(criticalZ)))"
                : "< \(f3(floor)) limit, significantly (z \(f2(z)) < -\(f2(criticalZ)))"
        return ConditionResult(
            name: "live_accuracy", status: ok ? .passed : .failed,
            message:
                "live accuracy: canary \(f3(canaryAccuracy)) \(comparison) (champion \(f3(championAccuracy)) − \(f3(settings.maxAccuracyDrop)); \(canary.labelled) and \(champion.labelled) labelled requests)",
            canary: canaryAccuracy, champion: championAccuracy, limit: floor)
    }

    /// The one-sided 5 % critical value of the standard normal distribution.
    static let criticalZ = 1.6448536269514722

    static func ms(_ value: Double) -> String { DurationText.milliseconds(value) }
    static func percent(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }
    static func points(_ value: Double) -> String {
        String(format: "%.2f point%@", value * 100, value == 0.01 ? "" : "s")
    }
    static func f3(_ value: Double) -> String { String(format: "%.3f", value) }
    static func f2(_ value: Double) -> String { String(format: "%.2f", value) }
}
