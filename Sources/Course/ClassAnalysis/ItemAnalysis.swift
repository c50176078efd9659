/// Classical item analysis of one question over the learners' first attempts at it.
package struct ItemAnalysis: Sendable, Equatable, Encodable {
    /// How often one option was chosen.
    package struct OptionShare: Sendable, Equatable, Encodable {
        /// The author's letter (`a`), or `true`/`false`.
        package var option: String
        package var text: String
        /// Whether the option is (part of) the key.
        package var key: Bool
        /// The share of the learners who answered that chose it.
        package var share: Double
        /// The same share within the upper group.
        package var upperShare: Double
    }

    package var question: String
    package var lesson: String
    package var type: String
    package var difficulty: String
    package var concepts: [String]
    package var file: String
    package var line: Int
    /// The right answer in the author's letters (`b`, `a,c`, `true`, `0.891`).
    package var key: String
    /// Learners with a first attempt at the question.
    package var learners: Int
    /// Mean item score: the share of first attempts that were right.
    package var facility: Double
    /// Point-biserial correlation of the item score with the rest score; nil when either does not vary.
    package var discrimination: Double?
    /// Facility in the upper group minus facility in the lower group.
    package var upperLowerIndex: Double
    /// The size of each of the two groups.
    package var groupSize: Int
    package var upperFacility: Double
    package var lowerFacility: Double
    /// The share of first attempts that were skipped.
    package var skippedShare: Double
    /// Option shares for choice questions (`single`, `multiple`, `truefalse`), else empty.
    package var options: [OptionShare]
    /// Whether enough learners answered for flags to be raised.
    package var flaggable: Bool
    package var flags: [ItemFlag]

    enum CodingKeys: String, CodingKey {
        case question, lesson, type, difficulty, concepts, file, line, key, learners, facility, discrimination
        case upperLowerIndex, groupSize, upperFacility, lowerFacility, skippedShare, options, flaggable, flags
    }

    /// Encodes every key, a missing discrimination as `null`.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(question, forKey: .question)
        try c.encode(lesson, forKey: .lesson)
        try c.encode(type, forKey: .type)
        try c.encode(difficulty, forKey: .difficulty)
        try c.encode(concepts, forKey: .concepts)
        try c.encode(file, forKey: .file)
        try c.encode(line, forKey: .line)
        try c.encode(key, forKey: .key)
        try c.encode(learners, forKey: .learners)
        try c.encode(facility, forKey: .facility)
        try c.encode(discrimination, forKey: .discrimination)
        try c.encode(upperLowerIndex, forKey: .upperLowerIndex)
        try c.encode(groupSize, forKey: .groupSize)
        try c.encode(upperFacility, forKey: .upperFacility)
        try c.encode(lowerFacility, forKey: .lowerFacility)
        try c.encode(skippedShare, forKey: .skippedShare)
        try c.encode(options, forKey: .options)
        try c.encode(flaggable, forKey: .flaggable)
        try c.encode(flags, forKey: .flags)
    }
}

/// A reason to look at a question again, in words a lesson author can act on.
package struct ItemFlag: Sendable, Equatable, Encodable {
    /// What kind of problem, for filtering.
    package enum Kind: String, Sendable, Equatable, Encodable {
        case tooEasy = "too_easy"
        case tooHard = "too_hard"
        case lowDiscrimination = "low_discrimination"
        case negativeDiscrimination = "negative_discrimination"
        case noDiscrimination = "no_discrimination"
        case distractorBeatsKey = "distractor_beats_key"
    }

    package var question: String
    package var file: String
    package var line: Int
    package var kind: Kind
    package var reason: String
}
