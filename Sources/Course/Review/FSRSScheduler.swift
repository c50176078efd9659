package import Foundation

/// The FSRS-6 spaced-repetition scheduler, as the `fsrs` package on PyPI (6.3) implements it.
///
/// It reproduces `fsrs.Scheduler(enable_fuzzing=False)`: the same 21 default parameters,
/// desired retention 0.9, learning steps of 1 and 10 minutes, one relearning step of 10 minutes
/// and a 36500-day cap. Fuzzing is left out on purpose: it only spreads due dates at random, and
/// leaving it out makes schedules reproducible and testable against the reference.
package struct FSRSScheduler: Sendable {
    /// FSRS-6's default model weights `w0` to `w20`.
    package static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    package let parameters: [Double]
    package let desiredRetention: Double
    /// Waits between learning steps, in seconds.
    package let learningSteps: [TimeInterval]
    /// Waits between relearning steps, in seconds.
    package let relearningSteps: [TimeInterval]
    /// The longest interval, in days.
    package let maximumInterval: Int

    let decay: Double
    let factor: Double

    package init(
        parameters: [Double] = FSRSScheduler.defaultParameters,
        desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [60, 600],
        relearningSteps: [TimeInterval] = [600],
        maximumInterval: Int = 36500
    ) {
        precondition(parameters.count == 21, "FSRS-6 takes 21 parameters, got \(parameters.count)")
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        decay = -parameters[20]
        factor = pow(0.9, 1 / decay) - 1
    }

    /// The probability that the card is recalled at `now`, counting whole days since its last
    /// review as the reference does (0 for a card never reviewed).
    package func retrievability(of card: ReviewCard, at now: Date) -> Double {
        guard let lastReview = card.lastReview, let stability = card.stability else { return 0 }
        let elapsedDays = max(0, wholeDays(from: lastReview, to: now))
        return forgettingCurve(elapsedDays: Double(elapsedDays), stability: stability)
    }

    /// The probability that the card is recalled at `moment`, on the same forgetting curve but
    /// counting elapsed time exactly, fractions of a day included (0 for a card never reviewed).
    package func recallProbability(of card: ReviewCard, at moment: Date) -> Double {
        guard let lastReview = card.lastReview, let stability = card.stability else { return 0 }
        let elapsedDays = max(0, moment.timeIntervalSince(lastReview) / 86_400)
        return forgettingCurve(elapsedDays: elapsedDays, stability: stability)
    }

    /// The card after a review rated `rating` at `now`.
    package func review(_ card: ReviewCard, rating: Rating, at now: Date) -> ReviewCard {
        var card = card
        let daysSinceLastReview = card.lastReview.map { wholeDays(from: $0, to: now) }
        let sameDay = daysSinceLastReview.map { $0 < 1 } ?? false
        let interval: TimeInterval

        switch card.state {
        case .learning:
            if let stability = card.stability, let difficulty = card.difficulty {
                card.stability =
                    sameDay
                    ? shortTermStability(stability, rating: rating)
                    : nextStability(
                        difficulty: difficulty, stability: stability,
                        retrievability: retrievability(of: card, at: now), rating: rating)
                card.difficulty = nextDifficulty(difficulty, rating: rating)
            } else {
                card.stability = initialStability(rating)
                card.difficulty = clampDifficulty(initialDifficulty(rating))
            }
            interval = stepInterval(&card, steps: learningSteps, rating: rating)

        case .review:
            updateMemory(&card, rating: rating, sameDay: sameDay, now: now)
            if rating == .again, !relearningSteps.isEmpty {
                card.state = .relearning
                card.step = 0
                interval = relearningSteps[0]
            } else {
                interval = days(nextIntervalDays(card.stability ?? Self.minimumStability))
            }

        case .relearning:
            updateMemory(&card, rating: rating, sameDay: sameDay, now: now)
            interval = stepInterval(&card, steps: relearningSteps, rating: rating)
        }

        card.due = now.addingTimeInterval(interval)
        card.lastReview = now
        return card
    }

    /// Moves a learning or relearning card along its steps and returns the wait until it is due;
    /// a card past its last step graduates to review with an interval from its stability.
    ///
    /// Updates a reviewed card's stability and difficulty: the short-term formula on the day of
    /// its last review, the full memory model after that (review and relearning share it).
    private func updateMemory(_ card: inout ReviewCard, rating: Rating, sameDay: Bool, now: Date) {
        let stability = card.stability ?? initialStability(rating)
        let difficulty = card.difficulty ?? clampDifficulty(initialDifficulty(rating))
        card.stability =
            sameDay
            ? shortTermStability(stability, rating: rating)
            : nextStability(
                difficulty: difficulty, stability: stability,
                retrievability: retrievability(of: card, at: now), rating: rating)
        card.difficulty = nextDifficulty(difficulty, rating: rating)
    }

    private func stepInterval(_ card: inout ReviewCard, steps: [TimeInterval], rating: Rating) -> TimeInterval {
        let step = card.step ?? 0
        func graduate() -> TimeInterval {
            card.state = .review
            card.step = nil
            return days(nextIntervalDays(card.stability ?? Self.minimumStability))
        }
        if steps.isEmpty || (step >= steps.count && rating != .again) { return graduate() }
        switch rating {
        case .again:
            card.step = 0
            return steps[0]
        case .hard:
            if step == 0 { return steps.count == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2 }
            return steps[step]
        case .good:
            if step + 1 == steps.count { return graduate() }
            card.step = step + 1
            return steps[step + 1]
        case .easy:
            return graduate()
        }
    }

    private func days(_ count: Int) -> TimeInterval { TimeInterval(count) * 86_400 }

    /// Whole days from `start` to `end`, rounded down as Python's `timedelta.days` does.
    private func wholeDays(from start: Date, to end: Date) -> Int {
        Int((end.timeIntervalSince(start) / 86_400).rounded(.down))
    }
}
