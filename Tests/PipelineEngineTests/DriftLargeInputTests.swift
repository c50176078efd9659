import Testing

@testable import PipelineEngine

/// Large inputs are tested one column at a time with both sides sorted at once; the numbers
/// are the same as when the columns run in parallel.
@Suite struct DriftLargeInputTests {
    @Test(arguments: [DriftMethod.ks, .wasserstein])
    func sortingBothSidesTogetherGivesTheSameResult(method: DriftMethod) {
        var random = SystemRandomNumberGenerator()
        let reference = (0..<60_000).map { _ in Double.random(in: -5...5, using: &random) }
        let current = (0..<50_000).map { _ in Double.random(in: -4.9...5.2, using: &random) }
        var together = DriftOptions(method: method)
        together.sortsSidesTogether = true
        let apart = NumericDrift.compare(
            name: "x", reference: NumericSample(reference), current: NumericSample(current),
            options: DriftOptions(method: method))
        let joint = NumericDrift.compare(
            name: "x", reference: NumericSample(reference), current: NumericSample(current), options: together)
        #expect(joint.statistic == apart.statistic)
        #expect(joint.pValue == apart.pValue)
        #expect(joint.verdict == apart.verdict)
    }

    @Test func onlyLargeInputsAreTestedOneColumnAtATime() {
        #expect(DriftDetector.oneColumnAtATimeRows == 8_000_000)
    }
}
