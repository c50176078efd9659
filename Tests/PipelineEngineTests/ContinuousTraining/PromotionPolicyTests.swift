import Testing

@testable import PipelineEngine

/// Which decisions of the paired comparison let a candidate replace the champion.
@Suite struct PromotionPolicyTests {
    static func policy(_ requirement: PromotionPolicy.Requirement) throws -> PromotionPolicy {
        PromotionPolicy(rule: try ComparisonRule(), requirement: requirement)
    }

    @Test func betterPromotesOnlyAChallengerShownBetter() throws {
        let policy = try Self.policy(.better)
        #expect(policy.allows(.better))
        #expect(!policy.allows(.inconclusive))
        #expect(!policy.allows(.worse))
        #expect(policy.shortfall == "not shown better than")
    }

    @Test func notWorsePromotesUnlessTheChallengerIsShownWorse() throws {
        let policy = try Self.policy(.notWorse)
        #expect(policy.allows(.better))
        #expect(policy.allows(.inconclusive))
        #expect(!policy.allows(.worse))
        #expect(policy.shortfall == "worse than")
    }

    @Test func withoutLabelledRowsNothingIsPromotedUnderEitherRule() throws {
        for requirement in PromotionPolicy.Requirement.allCases {
            let comparison = ChampionComparison(
                candidate: 2, champion: 1, policy: try Self.policy(requirement), paired: nil)
            #expect(!comparison.allowsPromotion)
            #expect(
                comparison.sentence
                    == "no production labels have come back yet to compare v2 with champion v1 on")
            #expect(comparison.metrics.isEmpty)
            let decision = PromotionDecision(comparison: comparison, forced: false)
            #expect(!decision.proceeds)
            #expect(decision.shortfall == "no evidence yet")
        }
    }

    @Test func theSentenceCarriesTheCountsTheIntervalAndTheDecision() throws {
        let counts = PairedCounts(bothRight: 780, onlyChampionRight: 9, onlyChallengerRight: 10, neitherRight: 197)
        let paired = try PairedComparison.classification(counts, rule: try ComparisonRule())
        let comparison = ChampionComparison(candidate: 2, champion: 1, policy: try Self.policy(.better), paired: paired)
        #expect(!comparison.allowsPromotion)
        #expect(
            comparison.sentence
                == "accuracy 0.793 against champion v1's 0.792 on 996 labelled production requests (only v1 right 9, only v2 right 10); inconclusive: the challenger is 0.0010 ahead, but p = 1 ≥ 0.05; the 95 % interval -0.0076 to 0.0096 includes 0"
        )
        #expect(comparison.metrics["live_difference"] == paired.difference)
        #expect(comparison.metrics["live_p_value"] == paired.pValue)
    }
}
