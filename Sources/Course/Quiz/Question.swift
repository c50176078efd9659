import Foundation

/// One quiz question as an author wrote it in a lesson's `quiz.yaml`.
///
/// Options keep the author's order here; letters in `answer` and `mistakes` refer to that order
/// (`a` is the first option). A quiz shows the options shuffled (see `PresentedQuestion`).
package struct Question: Sendable, Equatable, Identifiable {
    /// The kinds of question, by how they are answered.
    package enum Kind: String, Sendable, CaseIterable {
        /// One option is right.
        case single
        /// Select all that apply.
        case multiple
        /// A statement that is true or false.
        case truefalse
        /// Arrange the options (pipeline steps) in the right order.
        case order
        /// A number, right within a tolerance.
        case numeric
    }

    /// How hard a question is, which sets its points.
    package enum Difficulty: String, Sendable, CaseIterable, Comparable {
        case easy
        case medium
        case hard

        /// Points for a right answer without a hint: 1, 2 or 3.
        package var points: Double {
            switch self {
            case .easy: 1
            case .medium: 2
            case .hard: 3
            }
        }

        package static func < (a: Difficulty, b: Difficulty) -> Bool { a.points < b.points }
    }

    package var id: String
    /// The lesson whose `quiz.yaml` holds the question.
    package var lessonId: String
    package var kind: Kind
    package var difficulty: Difficulty
    /// Concept ids from the curriculum that the question asks about.
    package var concepts: [String]
    package var prompt: String
    /// The options in the author's order (empty for `truefalse` and `numeric`).
    package var options: [String]
    package var answer: Answer
    /// How close a numeric answer must be (exact, give or take float noise, by default).
    package var tolerance: Tolerance
    package var explanation: String
    package var hint: String
    package var mistakes: [Mistake]
    /// Where the question starts in its file, for messages about it.
    package var location: SourceLocation

    package init(
        id: String, lessonId: String, kind: Kind, difficulty: Difficulty, concepts: [String],
        prompt: String, options: [String], answer: Answer, tolerance: Tolerance = .absolute(0),
        explanation: String, hint: String, mistakes: [Mistake], location: SourceLocation
    ) {
        self.id = id
        self.lessonId = lessonId
        self.kind = kind
        self.difficulty = difficulty
        self.concepts = concepts
        self.prompt = prompt
        self.options = options
        self.answer = answer
        self.tolerance = tolerance
        self.explanation = explanation
        self.hint = hint
        self.mistakes = mistakes
        self.location = location
    }
}

/// An answer to a question, in the author's terms (option indices in authored order).
///
/// The same type holds the right answer and what a learner gave, so grading is a comparison.
package enum Answer: Sendable, Equatable, Hashable {
    /// One option, by authored index (`single`).
    case choice(Int)
    /// A set of options, by authored index, kept sorted (`multiple`).
    case choices([Int])
    /// `truefalse`.
    case truth(Bool)
    /// Authored indices in the order given (`order`).
    case sequence([Int])
    /// `numeric`.
    case number(Double)

    /// The answer in the author's letters, as stored in `quiz_answer.given`: `b`, `a,c`,
    /// `c,a,b`, `true`, `0.891`.
    package var authoredText: String {
        switch self {
        case .choice(let index): optionLetter(index)
        case .choices(let indices): indices.map(optionLetter).joined(separator: ",")
        case .truth(let value): value ? "true" : "false"
        case .sequence(let indices): indices.map(optionLetter).joined(separator: ",")
        case .number(let value): formatNumber(value)
        }
    }
}

/// How far a numeric answer may be from the right one and still count.
package enum Tolerance: Sendable, Equatable {
    /// Within this many units.
    case absolute(Double)
    /// Within this share of the right answer (`1%` is 0.01).
    case relative(Double)

    /// Whether `value` is close enough to `target`.
    package func accepts(_ value: Double, target: Double) -> Bool {
        let allowed: Double
        switch self {
        case .absolute(let amount): allowed = amount
        case .relative(let share): allowed = share * abs(target)
        }
        // A hair of slack so that 0.891 against 0.9 * 0.99 is not lost to binary rounding.
        return abs(value - target) <= allowed + 1e-9 * max(1, abs(target))
    }
}

/// A common wrong answer and what to say about it.
package struct Mistake: Sendable, Equatable {
    /// The wrong answer this explains; `nil` explains any wrong answer that no other matches.
    package var when: Answer?
    package var say: String

    package init(when: Answer?, say: String) {
        self.when = when
        self.say = say
    }
}

/// A place in a content file, for messages that point at it.
package struct SourceLocation: Sendable, Equatable, Hashable {
    package var file: String
    package var line: Int
    package var column: Int

    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// The letter for an option at `index`: 0 → `a`.
func optionLetter(_ index: Int) -> String {
    String(UnicodeScalar(UInt8(97 + index)))
}

/// A number written plainly: `0.891`, `12`, `-3.5`, without float noise.
func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    var text = String(format: "%.10g", value)
    if text.contains("e") { text = "\(value)" }
    return text
}
