package import Foundation

/// Where a card is in its life: being learned, in spaced review, or relearned after a lapse.
///
/// The raw values are what `review_card.state` stores and what `export progress` shows.
package enum CardState: String, Sendable, Codable, CaseIterable {
    case learning
    case review
    case relearning
}

/// How well a card was recalled, on FSRS's four-point scale.
///
/// The raw values are FSRS's (1 to 4), which is what `review_log.rating` stores.
package enum Rating: Int, Sendable, Codable, CaseIterable, Comparable {
    case again = 1
    case hard = 2
    case good = 3
    case easy = 4

    package static func < (a: Rating, b: Rating) -> Bool { a.rawValue < b.rawValue }
}

/// The memory state of one question for one learner, as FSRS models it.
///
/// A new card is in `learning` at step 0 with no stability or difficulty yet; the first
/// review gives it both. `due` is when it should next be asked.
package struct ReviewCard: Sendable, Equatable, Codable {
    package var state: CardState
    /// The learning or relearning step, `nil` in `review`.
    package var step: Int?
    /// Days for the probability of recall to fall from 100 % to 90 %.
    package var stability: Double?
    /// How hard the material is for this learner, 1 (easiest) to 10.
    package var difficulty: Double?
    package var due: Date
    package var lastReview: Date?

    package init(
        state: CardState = .learning, step: Int? = nil, stability: Double? = nil,
        difficulty: Double? = nil, due: Date, lastReview: Date? = nil
    ) {
        self.state = state
        self.step = (state == .learning && step == nil) ? 0 : step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }

    /// A card never reviewed, due at `now`.
    package static func new(at now: Date) -> ReviewCard {
        ReviewCard(due: now)
    }
}
