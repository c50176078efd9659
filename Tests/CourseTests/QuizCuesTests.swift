import Foundation
import LabSupport
import PipelineEngine
import Testing

@testable import Course

/// The guessing cues `lint` measures over a question bank, and the failures it names.
@Suite struct QuizCuesTests {
    /// Questions from YAML list items written after `questions:` in `quiz.yaml`.
    func bank(_ items: [String]) throws -> [Question] {
        let read = QuizLoader.read("questions:\n" + items.joined(), file: "quiz.yaml", lessonId: "cues")
        if let problem = read.problems.first { throw problem }
        return read.questions
    }

    func single(_ id: String, _ options: [String], key: String, hint: String = "Think it through.") -> String {
        """
          - id: \(id)
            type: single
            difficulty: easy
            concepts: [model-decay]
            prompt: Which one?
            options: [\(options.map { "\"\($0)\"" }.joined(separator: ", "))]
            answer: \(key)
            explanation: Because.
            hint: \(hint)

        """
    }

    func truth(_ id: String, _ value: Bool) -> String {
        """
          - id: \(id)
            type: truefalse
            difficulty: easy
            concepts: [model-decay]
            prompt: Models decay.
            answer: \(value)
            explanation: Because.
            hint: Think it through.

        """
    }

    func multiple(_ id: String, keys: String) -> String {
        """
          - id: \(id)
            type: multiple
            difficulty: medium
            concepts: [model-decay]
            prompt: Which apply?
            options: [alpha one, bravo two, charlie three, delta four]
            answer: [\(keys)]
            explanation: Because.
            hint: Think it through.

        """
    }

    @Test func eachRuleIsNamedWithItsFileAndLine() throws {
        // Eight single-choice questions whose key is the longest; one of them by far.
        var items = (1...7).map { single("long-\($0)", ["short a one", "short b two", "a longer key"], key: "c") }
        items.append(single("far", ["one", "two", "the key is far longer"], key: "c"))
        // A hint that repeats the key's own words, and one that points at the answer.
        items.append(
            single(
                "echo", ["cached stage only", "rerun everything now", "restored outputs verbatim"], key: "c",
                hint: "Think of outputs restored verbatim."))
        items.append(single("pointer", ["north", "south", "east"], key: "b", hint: "The word south is the clue."))
        // Eight true/false questions, one true.
        items += (1...8).map { truth("tf-\($0)", $0 == 1) }
        // Eight multiple-choice questions, all with three of four right.
        items += (1...8).map { multiple("mc-\($0)", keys: "a, b, c") }
        let questions = try bank(items)
        let problems = questions.flatMap(QuizCues.questionProblems) + QuizCues.bankProblems(questions)
        #expect(
            problems.map(\.description) == [
                "quiz.yaml:65:5: question \"far\": the key has 21 characters, at least 1.5× the next longest option (3); make the options alike",
                "quiz.yaml:74:5: question \"echo\": the hint repeats words found only in the key (“outputs”, “restored”, “verbatim”), which gives the answer away",
                "quiz.yaml:83:5: question \"pointer\": the hint says “the word”, pointing at the answer instead of the reasoning",
                "quiz.yaml:2:5: the key is the longest option in 10 of 10 single-choice questions (100%); at most 35% may be (most in quiz.yaml: 10)",
                "quiz.yaml:100:5: 1 of 8 true/false keys are true (12%); between 40% and 60% must be (most in quiz.yaml: 7)",
                "quiz.yaml:156:5: 8 of 8 multiple-choice questions have every option but one right (100%); at most 40% may (most in quiz.yaml: 8)",
                "quiz.yaml:156:5: multiple-choice questions have only one count of right options (3); use at least 3",
            ])
    }

    @Test func aBalancedBankPassesAndItsFiguresAreCounted() throws {
        var items = (1...8).map { i in
            single(
                "s-\(i)",
                i % 3 == 0 ? ["a longer key", "short b", "short a"] : ["the long distractor", "key", "short"],
                key: i % 3 == 0 ? "a" : "b")
        }
        items += (1...8).map { truth("tf-\($0)", $0 % 2 == 0) }
        items += ["a", "a, b", "a, b, c", "b", "b, d", "c, d", "a, d", "d"].enumerated().map {
            multiple("mc-\($0.offset)", keys: $0.element)
        }
        let questions = try bank(items)
        #expect(QuizCues.bankProblems(questions).isEmpty)
        let cues = QuizCues.measure(questions)
        #expect(cues.single == 8 && cues.longestKey == 2)
        #expect(cues.trueFalse == 8 && cues.trueKeys == 4)
        #expect(cues.multiple == 8 && cues.allButOne == 1 && cues.rightCounts == [1: 3, 2: 4, 3: 1])
        // Cue guesser: 2 singles of 8, 4 true/false of 8 (it says false), 0 multiple; random: 8/3 + 4 + 8/15.
        #expect(abs(cues.cueGuesserScore - 6.0 / 24) < 1e-12)
        #expect(abs(cues.randomGuesserScore - (8.0 / 3 + 4 + 8.0 / 15) / 24) < 1e-12)
    }

    @Test func tooFewQuestionsOfATypeAreNotJudgedByShare() throws {
        let questions = try bank([truth("only", false), multiple("one", keys: "a, b, c")])
        #expect(QuizCues.bankProblems(questions).isEmpty)
    }
}
