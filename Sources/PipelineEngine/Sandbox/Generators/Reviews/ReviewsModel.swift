import LabSupport

/// Product reviews labelled positive, neutral or negative: a text classification task.
///
/// Most sentences of a review come from its label's templates, but reviews mix in sentences
/// of other labels, words are shared across labels, a few words carry typos, and about 3 % of
/// labels disagree with the text (as hand labels do). A bag-of-words logistic regression
/// reaches about 0.81 accuracy; neutral reviews are the hardest. Texts hold commas, double
/// quotes and now and then a line break, so the CSV exercises RFC 4180 quoting.
struct ReviewsModel: RowModel {
    static let labels = ["positive", "neutral", "negative"]
    static let labelShares = [0.45, 0.22, 0.33]
    static let sources = ["web", "app", "email"]
    /// Where reviews come from, per label: email surveys collect more lukewarm answers.
    static let sourceShares = [[0.52, 0.36, 0.12], [0.44, 0.30, 0.26], [0.53, 0.35, 0.12]]
    /// Mean helpful votes per label: people find complaints useful.
    static let meanVotes = [1.5, 0.8, 3.0]
    /// The chance that a sentence comes from the review's own label.
    static let ownSentenceChance = 0.76
    /// The chance that a label disagrees with its text.
    static let mislabelChance = 0.03

    let schema = DatasetSchema(
        name: "reviews",
        summary: "Product reviews labelled positive, neutral or negative from three channels.",
        columns: [
            ColumnSchema("review_id", .string, role: .identifier, summary: "Unique review key, R000001 upwards."),
            ColumnSchema("text", .string, role: .text, summary: "The review as written, one to four sentences."),
            ColumnSchema(
                "helpful_votes", .integer, role: .feature,
                summary: "Readers who found it helpful; complaints get more.",
                minimum: 0),
            ColumnSchema("source", .string, role: .group, summary: "Channel the review came in by.", values: sources),
            ColumnSchema(
                "timestamp", .string, role: .timestamp, summary: "When it was posted, ISO 8601 in UTC, rising by row."),
            ColumnSchema("label", .string, role: .label, summary: "The sentiment a person assigned.", values: labels),
        ])

    let driftableColumns = ["helpful_votes"]
    /// Its sentiment label picks the text, not the other way round: there is no log-odds to move.
    let supportsConceptDrift = false

    func row(number: Int, time: Int64, random: inout SeededRandom, conditions: GenerationConditions) -> [String] {
        let label = random.index(weightedBy: Self.labelShares)
        var writtenAs = label
        if random.chance(Self.mislabelChance) { writtenAs = (label + 1 + random.integer(in: 0...1)) % 3 }
        let text = ReviewWriter.review(label: writtenAs, ownSentenceChance: Self.ownSentenceChance, random: &random)
        let source = random.index(weightedBy: Self.sourceShares[label])
        let votes = random.poisson(max(0.1, Self.meanVotes[label] + 1.5 * conditions.shift("helpful_votes")))
        return [
            "R" + FixedDecimal.padded(number + 1, width: 6),
            text,
            String(votes),
            Self.sources[source],
            Timestamp.iso8601(time),
            Self.labels[label],
        ]
    }
}
