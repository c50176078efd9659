import Foundation
import Testing

@testable import LabShell
@testable import PipelineEngine

/// Trend lines that do not mislead: shares on their fixed 0–100 % scale, other measures on
/// their own range with that range printed beside them, a constant series at its level.
@Suite struct TrendRenderingTests {
    @Test func aSeriesOnItsOwnRangeHasTheRangeBesideIt() {
        #expect(
            Charts.trend([0.806, 0.808, 0.808, 0.808], scale: .own) { String(format: "%.3f", $0) }
                == "▁███  0.806–0.808")
    }

    @Test func aConstantSeriesOnItsOwnRangeLiesFlatWithItsValue() {
        #expect(Charts.trend([0.806, 0.806, 0.806], scale: .own) { String(format: "%.3f", $0) } == "▁▁▁  0.806")
    }

    @Test func sharesAreDrawnAtTheirLevelSoNoneAndAllDiffer() {
        let share = TrendScale.fixed(0...1, label: "0–100%")
        #expect(Charts.trend([0, 0], scale: share, format: RolloutRendering.share) == "▁▁  0% · scale 0–100%")
        #expect(Charts.trend([1, 1], scale: share, format: RolloutRendering.share) == "██  100% · scale 0–100%")
        #expect(
            Charts.trend([.nan, 0.5, 1], scale: share, format: RolloutRendering.share) == " ▅█  50%–100% · scale 0–100%"
        )
    }

    @Test func monitorDrawsErrorsAndAccuracyOnFixedScalesAndTheRestWithTheirRange() {
        func day(_ number: Int, errors: Int, p95: Double, correct: Int) -> MonitorReport.MonitorDay {
            MonitorReport.MonitorDay(
                day: number, date: "2026-12-0\(number)", requests: 200 + number, errors: errors, p95Ms: p95,
                labelled: 100, correct: correct, pending: 100, drift: [])
        }
        let healthy = MonitorReport(
            scenario: "churn", champion: 1, method: .psi, reference: "2026-11-23 – 2026-11-29",
            days: [day(1, errors: 0, p95: 20, correct: 80), day(2, errors: 0, p95: 20, correct: 81)])
        let broken = MonitorReport(
            scenario: "churn", champion: 1, method: .psi, reference: "2026-11-23 – 2026-11-29",
            days: [day(1, errors: 201, p95: 1000, correct: 80), day(2, errors: 202, p95: 1000, correct: 81)])
        let trends = { (report: MonitorReport) in
            report.render(.plain).split(separator: "\n").map(String.init).filter { $0.hasPrefix("  ") }
        }
        #expect(
            trends(healthy) == [
                "  requests  ▁█  201–202",
                "  errors    ▁▁  0% · scale 0–100%",
                "  p95       ▁▁  20.0 ms",
                "  accuracy  ▇▇  0.800–0.810 · scale 0–1",
            ])
        #expect(
            trends(broken) == [
                "  requests  ▁█  201–202",
                "  errors    ██  100% · scale 0–100%",
                "  p95       ▁▁  1.00 s",
                "  accuracy  ▇▇  0.800–0.810 · scale 0–1",
            ])
    }
}
