import Foundation

/// FSRS-6's formulas for stability, difficulty, recall probability and intervals.
///
/// Each follows the reference implementation term by term (including `e ** x` as a power of
/// `e`) so that results agree with it to the last few bits, not merely in spirit.
extension FSRSScheduler {
    static let minimumStability = 0.001
    static let minimumDifficulty = 1.0
    static let maximumDifficulty = 10.0

    /// The probability of recall after `elapsedDays` for a memory of `stability` days.
    func forgettingCurve(elapsedDays: Double, stability: Double) -> Double {
        pow(1 + factor * elapsedDays / stability, decay)
    }

    func clampStability(_ stability: Double) -> Double {
        max(stability, Self.minimumStability)
    }

    func clampDifficulty(_ difficulty: Double) -> Double {
        min(max(difficulty, Self.minimumDifficulty), Self.maximumDifficulty)
    }

    func initialStability(_ rating: Rating) -> Double {
        clampStability(parameters[rating.rawValue - 1])
    }

    /// The first difficulty for `rating`, unclamped (the mean-reversion target uses it so).
    func initialDifficulty(_ rating: Rating) -> Double {
        parameters[4] - pow(M_E, parameters[5] * Double(rating.rawValue - 1)) + 1
    }

    /// The interval in whole days at which recall falls to the desired retention.
    func nextIntervalDays(_ stability: Double) -> Int {
        let exact = (stability / factor) * (pow(desiredRetention, 1 / decay) - 1)
        let rounded = exact.rounded(.toNearestOrEven)  // Python's round()
        let clamped = min(max(rounded, 1), Double(maximumInterval))
        return Int(clamped)
    }

    /// Stability after a review on the same day as the last one.
    func shortTermStability(_ stability: Double, rating: Rating) -> Double {
        var increase =
            pow(M_E, parameters[17] * (Double(rating.rawValue) - 3 + parameters[18]))
            * pow(stability, -parameters[19])
        if rating != .again { increase = max(increase, 1.0) }
        return clampStability(stability * increase)
    }

    /// Difficulty after a review: a damped step by rating, pulled slightly towards the
    /// difficulty of a card first rated easy.
    func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
        let target = initialDifficulty(.easy)
        let delta = -(parameters[6] * (Double(rating.rawValue) - 3))
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0
        return clampDifficulty(parameters[7] * target + (1 - parameters[7]) * damped)
    }

    /// Stability after a review on a later day than the last one.
    func nextStability(difficulty: Double, stability: Double, retrievability: Double, rating: Rating) -> Double {
        let next =
            rating == .again
            ? forgetStability(difficulty: difficulty, stability: stability, retrievability: retrievability)
            : recallStability(
                difficulty: difficulty, stability: stability, retrievability: retrievability, rating: rating)
        return clampStability(next)
    }

    private func forgetStability(difficulty: Double, stability: Double, retrievability: Double) -> Double {
        let longTerm =
            parameters[11]
            * pow(difficulty, -parameters[12])
            * (pow(stability + 1, parameters[13]) - 1)
            * pow(M_E, (1 - retrievability) * parameters[14])
        let shortTerm = stability / pow(M_E, parameters[17] * parameters[18])
        return min(longTerm, shortTerm)
    }

    private func recallStability(
        difficulty: Double, stability: Double, retrievability: Double, rating: Rating
    ) -> Double {
        let hardPenalty = rating == .hard ? parameters[15] : 1
        let easyBonus = rating == .easy ? parameters[16] : 1
        return stability
            * (1
                + pow(M_E, parameters[8])
                * (11 - difficulty)
                * pow(stability, -parameters[9])
                * (pow(M_E, (1 - retrievability) * parameters[10]) - 1)
                * hardPenalty
                * easyBonus)
    }
}
