import Testing

@testable import PipelineEngine

/// The stage graph's walks give the same answers as before on small graphs and stay
/// iterative and linear on long chains (60,000 deep overflowed the stack in `cycle()`).
@Suite struct PipelineGraphTests {
    static func stage(_ name: String, upstream: [String] = []) -> StageDefinition {
        var stage = StageDefinition(
            name: name, kind: .validate, desc: nil, needs: upstream, settings: [:], deps: [], params: [], outs: [],
            gpu: false, location: nil, keyLocations: [:])
        stage.upstream = upstream
        return stage
    }

    /// `s0 ← s1 ← … ← s(count-1)`, written last stage first so that every stage waits on one
    /// written after it (the worst case for an order that rescans the file).
    static func chain(_ count: Int) -> PipelineGraph {
        PipelineGraph((0..<count).reversed().map { stage("s\($0)", upstream: $0 == 0 ? [] : ["s\($0 - 1)"]) })
    }

    @Test func orderPutsUpstreamFirstAndOtherwiseKeepsFileOrder() {
        let graph = PipelineGraph([
            Self.stage("report", upstream: ["evaluate"]), Self.stage("validate"),
            Self.stage("evaluate", upstream: ["train", "validate"]), Self.stage("train", upstream: ["validate"]),
            Self.stage("lint"),
        ])
        #expect(graph.order == ["validate", "train", "evaluate", "report", "lint"])
        #expect(graph.layers == [["validate", "lint"], ["train"], ["evaluate"], ["report"]])
        #expect(graph.ancestors(of: "report") == ["evaluate", "train", "validate"])
        #expect(graph.descendants(of: "train") == ["evaluate", "report"])
        #expect(graph.cycle() == nil)
    }

    @Test func aCycleIsFoundInNeedsOrderAndLeftOutOfTheOrder() {
        let graph = PipelineGraph([
            Self.stage("a", upstream: ["c"]), Self.stage("b", upstream: ["a"]), Self.stage("c", upstream: ["b"]),
            Self.stage("d"),
        ])
        #expect(graph.cycle() == ["a", "c", "b"])
        #expect(graph.order == ["d"])
    }

    @Test func aStageAfterAMissingStageIsLeftOut() {
        let graph = PipelineGraph([Self.stage("a", upstream: ["ghost"]), Self.stage("b")])
        #expect(graph.order == ["b"])
    }

    @Test func aChain60000DeepIsOrderedLayeredAndCheckedWithoutRecursion() {
        let count = 60_000
        let graph = Self.chain(count)
        #expect(graph.cycle() == nil)
        let expected = (0..<count).map { "s\($0)" }
        #expect(graph.order == expected)
        #expect(graph.layers == expected.map { [$0] })
        #expect(graph.ancestors(of: "s\(count - 1)") == expected.dropLast().reversed())
        #expect(graph.descendants(of: "s0").count == count - 1)
    }

    @Test func aCycleClosingA60000StageChainIsFound() {
        let count = 60_000
        var stages = (0..<count).map { Self.stage("s\($0)", upstream: $0 == 0 ? [] : ["s\($0 - 1)"]) }
        stages[0].upstream = ["s\(count - 1)"]
        let cycle = PipelineGraph(stages).cycle()
        #expect(cycle?.count == count)
        #expect(cycle?.first == "s0")
        #expect(cycle?.dropFirst().first == "s\(count - 1)")
        #expect(PipelineGraph(stages).order.isEmpty)
    }
}
