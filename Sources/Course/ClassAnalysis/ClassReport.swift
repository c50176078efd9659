/// A teacher's view of a class: each learner's mastery and lessons, and an item analysis of
/// every question they answered.
///
/// Built by ``ClassReport/build(exports:questions:)`` from the learners' progress exports and
/// the course's questions; every figure is here so that `--json` can show all of them.
package struct ClassReport: Sendable, Equatable, Encodable {
    /// One learner's row.
    package struct Learner: Sendable, Equatable, Encodable {
        package var profile: String
        package var file: String
        package var lessonsCompleted: Int
        package var lessonsDone: [String]
        /// Every answer in the export, retries included.
        package var answers: Int
        /// Questions answered at least once (first attempts) among the course's.
        package var questionsAnswered: Int
        /// First attempts that were right: the total score the item analysis ranks by.
        package var firstAttemptScore: Double
        /// One cell per concept of ``ClassReport/concepts``, in that order.
        package var mastery: [MasteryCell]
    }

    /// A learner's answers to one concept's questions, as `progress` counts them.
    package struct MasteryCell: Sendable, Equatable, Encodable {
        package var concept: String
        /// Answers to the concept's questions, skips and retries included.
        package var asked: Int
        package var right: Int
        /// `right / asked`, nil when nothing was asked.
        package var mastery: Double?

        enum CodingKeys: String, CodingKey {
            case concept, asked, right, mastery
        }

        /// Encodes every key, a missing mastery as `null`.
        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(concept, forKey: .concept)
            try container.encode(asked, forKey: .asked)
            try container.encode(right, forKey: .right)
            try container.encode(mastery, forKey: .mastery)
        }
    }

    /// A question whose answers came from the exports but which the course no longer has.
    package struct UnknownQuestion: Sendable, Equatable, Encodable {
        package var question: String
        package var answers: Int
        package var learners: [String]
    }

    /// The counts the report opens with.
    package struct Summary: Sendable, Equatable, Encodable {
        package var learners: Int
        /// Questions of the course with at least one first attempt.
        package var questionsAnswered: Int
        /// Every answer in the exports, retries and unknown questions included.
        package var answers: Int
        package var flaggedQuestions: Int
    }

    package var summary: Summary
    package var learners: [Learner]
    /// The concepts of the course's questions, in course order.
    package var concepts: [String]
    /// One analysis per question of the course that at least one learner answered, in course order.
    package var items: [ItemAnalysis]
    /// Every flag of every item, in course order.
    package var flags: [ItemFlag]
    package var unknownQuestions: [UnknownQuestion]
    /// Questions answered by fewer learners than this are shown but not flagged.
    package var minimumLearnersForFlags: Int
}
