import PipelineEngine
import Testing

@testable import LabShell

/// `gate check`'s verdict list: each gate's mark, name and reason, advisory gates marked once.
@Suite struct GateReportRenderingTests {
    @Test func anAdvisoryGateIsMarkedOnceWhetherItPassedOrFailed() {
        let report = GateReport(results: [
            GateResult(
                name: "accuracy-floor", type: "threshold", required: true, status: .passed,
                message: "accuracy 0.806 >= 0.750"),
            GateResult(
                name: "fairness", type: "fairness", required: false, status: .failed,
                message: "demographic parity ratio across region 0.767 < 0.800 (advisory)"),
            GateResult(
                name: "shadow", type: "shadow", required: false, status: .passed,
                message: "agreement with the champion 1.000 >= 0.800"),
        ])
        let lines = GateReportRenderer.render(report, championVersion: 1, style: .plain)
            .split(separator: "\n").map(String.init)
        #expect(lines[0] == "✓ passed   accuracy-floor  accuracy 0.806 >= 0.750")
        #expect(
            lines[1] == "✗ failed   fairness        demographic parity ratio across region 0.767 < 0.800 (advisory)")
        #expect(lines[2] == "✓ passed   shadow          agreement with the champion 1.000 >= 0.800 [advisory]")
    }
}
