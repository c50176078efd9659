import Foundation
import Testing

@testable import LabShell
@testable import PipelineEngine

/// The stage graph drawing, and the text of runs, status and diffs.
@Suite struct PipelineRenderingTests {
    func stage(_ name: String, _ kind: StageKind, after upstream: [String] = []) -> StageDefinition {
        var stage = StageDefinition(
            name: name, kind: kind, needs: upstream, settings: [:], deps: [], params: [], outs: [],
            gpu: false, keyLocations: [:])
        stage.upstream = upstream
        return stage
    }

    @Test func aDiamondWithASkippingEdgeIsDrawnInLayers() {
        let stages = [
            stage("validate", .validate), stage("train", .train, after: ["validate"]),
            stage("baseline", .train, after: ["validate"]), stage("evaluate", .evaluate, after: ["train"]),
            stage("gate", .gate, after: ["evaluate", "baseline"]),
        ]
        let drawing = DagDrawing.draw(stages, label: { $0.name }, width: 80)
        #expect(
            drawing == """
                ┌──────────┐
                │ validate │
                └─────┬────┘
                      │
                      ├────────────┐
                      ▼            ▼
                  ┌───────┐  ┌──────────┐
                  │ train │  │ baseline │
                  └───┬───┘  └─────┬────┘
                      │            │
                      │            │
                      ▼            │
                ┌──────────┐       │
                │ evaluate │       │
                └─────┬────┘       │
                      │            │
                      └─────┬──────┘
                            ▼
                        ┌──────┐
                        │ gate │
                        └──────┘
                """)
        #expect(DagDrawing.draw(stages, label: { $0.name }, width: 20) == nil, "too wide for 20 columns")
    }

    @Test func aLongChainIsDrawnBoxUnderBox() throws {
        let stages = (0..<1_000).map { stage("s\($0)", .validate, after: $0 == 0 ? [] : ["s\($0 - 1)"]) }
        let drawing = try #require(DagDrawing.draw(stages, label: { $0.name }, width: 80))
        #expect(drawing.split(separator: "\n").count == 1_000 * 6 - 3)
        #expect(drawing.hasSuffix("│ s999 │\n└──────┘"))
    }

    /// Stage `sN` needs `s0` and `sN-1`: an edge from `s0` passes through every layer, more
    /// than a line can hold, so the drawing gives up (the command then lists the edges) before
    /// it has made a pass-through for each.
    @Test func edgesSkippingMoreLayersThanFitGiveUpEarly() {
        let stages = (0..<1_000).map { index in
            stage("s\(index)", .validate, after: index == 0 ? [] : index == 1 ? ["s0"] : ["s0", "s\(index - 1)"])
        }
        #expect(DagDrawing.draw(stages, label: { $0.name }, width: 80) == nil)
    }

    @Test func runsShowCostSavingsAndTheKeyMetricsTrend() {
        func run(_ id: Int, _ accuracy: Double, cost: Double, saved: Double, counts: [String: Int]) -> RunSummary {
            RunSummary(
                id: id, pipeline: "pipeline.yaml",
                startedAt: Date(timeIntervalSince1970: 1_796_634_000 + Double(id) * 60),
                status: id == 3 ? .failed : .passed, forced: false, targetStage: nil, seconds: 1.5, cpuMinutes: 1,
                gpuMinutes: 0, cost: cost, savedCost: saved, stageCounts: counts,
                metrics: ["evaluate.accuracy": accuracy, "evaluate.f1": 0.5], params: [:])
        }
        let text = PipelineRendering.runs(
            [
                run(1, 0.81, cost: 0.2875, saved: 0, counts: ["ran": 5]),
                run(2, 0.84, cost: 0.07, saved: 0.2175, counts: ["ran": 2, "cached": 3]),
                run(3, 0.79, cost: 0.1, saved: 0.0075, counts: ["ran": 1, "cached": 1, "failed": 1, "skipped": 2]),
            ], .plain)
        #expect(
            text == """
                RUN  STARTED              STATUS  STAGES                                  TIME     COST    SAVED  evaluate.accuracy
                #1   2026-12-07 09:01:00  passed  5 ran                                 1.50 s  $0.2875  $0.0000             0.8100
                #2   2026-12-07 09:02:00  passed  2 ran, 3 cached                       1.50 s  $0.0700  $0.2175             0.8400
                #3   2026-12-07 09:03:00  failed  1 ran, 1 cached, 1 failed, 2 skipped  1.50 s  $0.1000  $0.0075             0.7900
                evaluate.accuracy over 3 runs: ▄█▁  0.7900–0.8400
                Spent $0.4575 in all; the cache saved $0.2250.
                """)
    }

    @Test func diffShowsChangedParamsAndMetricsWithDeltas() {
        let diff = RunDiff(
            old: 1, new: 2,
            params: [RunDiffEntry(name: "train.C", old: "1.0", new: "0.5", delta: nil)],
            metrics: [
                RunDiffEntry(name: "evaluate.accuracy", old: "0.8100", new: "0.8400", delta: 0.03),
                RunDiffEntry(name: "evaluate.rmse", old: nil, new: "4.2000", delta: nil),
            ])
        #expect(
            PipelineRendering.diff(diff, .plain) == """
                No dependency files changed between #1 and #2.

                PARAM    #1   #2
                train.C  1.0  0.5

                METRIC                 #1      #2   CHANGE
                evaluate.accuracy  0.8100  0.8400  +0.0300
                evaluate.rmse           —  4.2000        —
                """)
    }

    @Test func diffNamesChangedDataWithShortHashesWhenNoParamChanged() {
        var diff = RunDiff(old: 3, new: 4, params: [], metrics: [])
        diff.deps = [
            DependencyChange(
                path: "data/churn.csv", old: String(repeating: "ab", count: 32),
                new: String(repeating: "c7", count: 32),
                stages: ["train", "validate"]),
            DependencyChange(
                path: "data/extra.csv", old: nil, new: String(repeating: "0f", count: 32), stages: ["train"]),
        ]
        #expect(
            PipelineRendering.diff(diff, .plain) == """
                DEPENDENCY      #3            #4            READ BY
                data/churn.csv  abababababab  c7c7c7c7c7c7  train, validate
                data/extra.csv  —             0f0f0f0f0f0f  train

                No params changed between #3 and #4.

                No metrics changed between #3 and #4.
                """)
    }

    @Test func diffSaysWhenARunKeptNoDependencyHashes() {
        var diff = RunDiff(old: 1, new: 2, params: [], metrics: [])
        diff.depsUnrecorded = [1]
        #expect(
            PipelineRendering.diff(diff, .plain).hasPrefix(
                "Data not compared: #1 kept no dependency hashes (no stage read its files, or it ran before they were kept).\n\n"
            ))
    }
}
