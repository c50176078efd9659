import Foundation
import LabSupport

/// The questions one quiz will ask, in order, with their options shuffled.
package struct QuizPlan: Sendable, Equatable {
    /// The lesson or concept asked about, `nil` for the whole course.
    package var scope: String?
    package var difficulty: Question.Difficulty?
    package var seed: UInt64
    package var questions: [PresentedQuestion]
}

/// Picks and shuffles the questions of a quiz or a review from a seed.
///
/// One seed drives everything: first the order of the questions, then each chosen
/// question's options in turn. So the right answer moves from quiz to quiz, yet a quiz can be
/// replayed exactly by giving its seed again.
package enum QuizPlanner {
    /// How many questions a quiz asks when `--count` is not given.
    package static let defaultCount = 5

    /// The plan for `quiz [SCOPE] [--difficulty D] [--count N] --seed S`.
    package static func plan(
        _ bank: QuestionBank, scope: String? = nil, difficulty: Question.Difficulty? = nil,
        count: Int? = nil, seed: UInt64
    ) throws -> QuizPlan {
        let count = count ?? defaultCount
        guard count > 0 else {
            throw LabError(.quizBadCount, "--count is \(count); expected a number of questions of 1 or more")
        }
        let inScope = try bank.questions(in: scope)
        let candidates = inScope.filter { difficulty == nil || $0.difficulty == difficulty }
        if candidates.isEmpty, let difficulty {
            let present = Question.Difficulty.allCases.filter { d in inScope.contains { $0.difficulty == d } }
            let place = scope.map { "\"\($0)\"" } ?? "the course"
            throw LabError(
                .quizNoQuestions,
                "\(place) has no \(difficulty.rawValue) questions; it has \(listing(present.map(\.rawValue)))")
        }
        if candidates.isEmpty {
            throw LabError(.quizNoQuestions, "there are no questions to ask yet")
        }
        var random = SeededRandom(seed: seed)
        let chosen = shuffled(candidates, using: &random).prefix(count)
        let presented = chosen.map { present($0, using: &random) }
        return QuizPlan(scope: scope, difficulty: difficulty, seed: seed, questions: presented)
    }

    /// The plan for a review of the questions `ids` (in that order), with options shuffled.
    ///
    /// Ids that are no longer in the course are left out.
    package static func reviewPlan(_ bank: QuestionBank, questionIds ids: [String], seed: UInt64) -> QuizPlan {
        var random = SeededRandom(seed: seed)
        let presented = ids.compactMap { bank.question(id: $0) }.map { present($0, using: &random) }
        return QuizPlan(scope: "review", difficulty: nil, seed: seed, questions: presented)
    }

    private static func present(_ question: Question, using random: inout SeededRandom) -> PresentedQuestion {
        switch question.kind {
        case .single, .multiple, .order:
            var order = shuffled(Array(question.options.indices), using: &random)
            // An order question shown already in the right order would give itself away.
            if question.kind == .order, case .sequence(let right) = question.answer, order == right {
                order.swapAt(0, 1)
            }
            return PresentedQuestion(question, optionOrder: order)
        case .truefalse, .numeric:
            return PresentedQuestion(question)
        }
    }

    /// A Fisher-Yates shuffle drawing from `random`, written out so that the result depends
    /// only on the seed, never on the standard library's version.
    static func shuffled<T>(_ items: [T], using random: inout SeededRandom) -> [T] {
        var items = items
        guard items.count > 1 else { return items }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, uniformIndex(below: i + 1, using: &random))
        }
        return items
    }

    /// An unbiased draw from `0..<bound`, rejecting the few values that would favour low numbers.
    static func uniformIndex(below bound: Int, using random: inout SeededRandom) -> Int {
        let bound = UInt64(bound)
        let limit = UInt64.max - UInt64.max % bound
        var value = random.next()
        while value >= limit { value = random.next() }
        return Int(value % bound)
    }
}
