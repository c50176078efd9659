import Foundation
import Testing

@testable import LabShell
@testable import PipelineEngine

/// Shares (0–1) and percentages (0–100) printed with a `%` sign: each view says which it holds,
/// so 199 failures out of 200 read 99.5%, never 1%.
@Suite struct PercentRenderingTests {
    @Test(arguments: [
        (0.0, "0%"), (0.995, "99.5%"), (0.93, "93%"), (1.0, "100%"), (0.00001, "<0.01%"),
        (0.999_99, ">99.99%"), (0.123_456, "12.35%"),
    ])
    func aShareIsAHundredTimesItsPercentage(share: Double, text: String) {
        #expect(NumberText.percent(share: share) == text)
    }

    @Test(arguments: [(0.0, "0%"), (0.3, "0.3%"), (12.345_6, "12.35%"), (100.0, "100%"), (0.001, "<0.01%")])
    func aPercentageKeepsItsScale(points: Double, text: String) {
        #expect(NumberText.percent(points: points) == text)
    }

    static let forecast = PoolForecast(utilisation: 1.2, waitProbability: 1, p95Ms: 250, timeoutShare: 1)
    static let pool = ServingPool(requestsPerSecond: 40, replicas: 2, serviceMs: 60)

    static func traffic(role: VersionTraffic.Role, version: Int, errors: Int, timeouts: Int) -> VersionTraffic {
        VersionTraffic(
            version: version, role: role, requests: 200, errors: errors, timeouts: timeouts, p95Ms: 250,
            serviceMs: 60, pool: pool, forecast: forecast, measuredP50Ms: 0.02)
    }

    @Test func trafficSimulateShowsErrorsAndAgreementAsPercentagesOfTheRequests() {
        let report = TrafficReport(
            day: 3, date: "2026-12-03", loadLevel: .normal, requestsPerSecond: 40, requests: 200,
            remainingToday: 0, dayTotal: 200,
            versions: [
                Self.traffic(role: .champion, version: 1, errors: 0, timeouts: 0),
                Self.traffic(role: .shadow, version: 2, errors: 199, timeouts: 199),
            ],
            shadow: ShadowComparison(
                version: 2, champion: 1, compared: 200, agreement: 0.93, labelled: 0, championAccuracy: nil,
                shadowAccuracy: nil),
            live: [])
        #expect(
            report.render(.plain) == """
                Served 200 requests of 2026-12-03 (stream day 3) at normal load (40 req/s); none left today; `clock advance 1d` for more.

                VERSION  ROLE               REQUESTS       ERRORS  TIMEOUTS     P95     UTILISATION  MEASURED P50
                v1       champion                200       0 (0%)         0  250 ms  1.20 saturated       20.0 µs
                v2       shadow (mirrored)       200  199 (99.5%)       199  250 ms  1.20 saturated       20.0 µs

                Shadow v2 against champion v1: agreed on 93% of 200 mirrored requests. Its answers were logged, never served.
                """)
    }

    @Test func rolloutStatusShowsAPoolThatTimesEverythingOutAtAHundredPercent() {
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        let rollout = Rollout(
            id: 4, strategy: .shadow, candidate: 2, champion: 1, steps: [0], stepIndex: 0, status: .shadowing,
            reason: "shadow of v2", loadLevel: .normal, serviceTimes: [], simulatedAt: start, startedAt: start,
            updatedAt: start, startedBy: "ada")
        let calm = PoolForecast(utilisation: 0.3, waitProbability: 0.01, p95Ms: 12, timeoutShare: 0.000_01)
        let report = RolloutStatusReport(
            rollout: rollout, steps: [], champion: 1, challenger: 2, loadLevel: .normal, requestsPerSecond: 40,
            replicaSets: [
                .init(role: "stable", version: 1, weight: 100, replicas: 2, ready: 2, serviceMs: 6, forecast: calm),
                .init(
                    role: "shadow", version: 2, weight: 0, replicas: 2, ready: 2, serviceMs: 60, forecast: Self.forecast
                ),
            ])
        let rows = report.render(.plain).split(separator: "\n").map(String.init)
        let stable = rows.first { $0.hasPrefix("stable") } ?? ""
        let shadow = rows.first { $0.hasPrefix("shadow") } ?? ""
        #expect(stable.hasSuffix(" 0%"), "\(stable)")
        #expect(shadow.hasSuffix(" 100%"), "\(shadow)")
    }

    @Test func monitorShowsADaysErrorRateAsAPercentage() {
        let day = MonitorReport.MonitorDay(
            day: 1, date: "2026-12-01", requests: 200, errors: 3, p95Ms: 12, labelled: 0, correct: 0, pending: 200,
            drift: [])
        let report = MonitorReport(
            scenario: "churn", champion: 1, method: .psi, reference: "2026-11-23 – 2026-11-29", days: [day])
        let row = report.render(.plain).split(separator: "\n").map(String.init).first { $0.hasPrefix("2026-12-01") }
        #expect(row?.contains(" 1.5% ") == true, "\(row ?? "no row")")
    }
}
