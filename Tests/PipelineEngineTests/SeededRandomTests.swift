import Testing

@testable import LabSupport
@testable import PipelineEngine

@Suite struct SeededRandomTests {
    @Test func matchesTheSplitMix64ReferenceSequence() {
        // Reference: SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var rng = SeededRandom(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func sameSeedSameShuffle() {
        var a = SeededRandom(seed: 42)
        var b = SeededRandom(seed: 42)
        #expect(Array(0..<20).shuffled(using: &a) == Array(0..<20).shuffled(using: &b))
    }

    @Test func gaussianDrawsHaveUnitSpread() {
        var rng = SeededRandom(seed: 7)
        let draws = (0..<20_000).map { _ in rng.nextGaussian() }
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws.count - 1)
        #expect(abs(mean) < 0.03)
        #expect(abs(variance - 1) < 0.05)
    }
}
