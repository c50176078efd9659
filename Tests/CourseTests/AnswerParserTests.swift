import Foundation
import Testing

@testable import Course

/// Reading answers: every forgiving form each type accepts, and the messages for the rest.
@Suite struct AnswerParserTests {
    /// The fixture's single-choice question shown as c, a, d, b (displayed a is authored c).
    static func shuffledSingle() throws -> PresentedQuestion {
        PresentedQuestion(try fixtureQuestion("three-artifacts-what-changes"), optionOrder: [2, 0, 3, 1])
    }

    @Test(arguments: [
        ("d", 1), ("D", 1), (" d ", 1), ("d)", 1), ("(d)", 1), ("d.", 1), ("a", 2), ("b", 0),
        ("code, data and model", 1), ("Code Only", 0),
    ])
    func readsOneLetterInDisplayedTerms(input: String, authored: Int) throws {
        #expect(AnswerParser.read(input, for: try Self.shuffledSingle()) == .answer(.choice(authored)))
    }

    @Test(arguments: [
        ("e", "There is no option `e`: type one letter from a to d, like `b`."),
        ("a c", "Pick one option only: type a single letter from a to d, like `b`."),
        ("maybe", "I couldn't read `maybe`: type one letter from a to d, like `b`."),
        ("2", "I couldn't read `2`: type one letter from a to d, like `b`."),
        ("  ", "Type an answer (type one letter, like `b`), or `hint` or `skip`."),
    ])
    func explainsWhatToTypeForASingleChoice(input: String, message: String) throws {
        #expect(AnswerParser.read(input, for: try Self.shuffledSingle()) == .unreadable(message))
    }

    @Test(arguments: [
        ("a,c", [0, 2]), ("c a", [0, 2]), ("A, C", [0, 2]), ("ac", [0, 2]), ("a and c", [0, 2]),
        ("c;a;c", [0, 2]), ("b", [1]), ("a b c d", [0, 1, 2, 3]),
    ])
    func readsSeveralLettersInAnyOrder(input: String, authored: [Int]) throws {
        let presented = PresentedQuestion(try fixtureQuestion("model-tests-kinds"))
        #expect(AnswerParser.read(input, for: presented) == .answer(.choices(authored)))
    }

    @Test func remapsSeveralLettersThroughTheShuffle() throws {
        let presented = PresentedQuestion(try fixtureQuestion("model-tests-kinds"), optionOrder: [3, 1, 0, 2])
        #expect(AnswerParser.read("a c", for: presented) == .answer(.choices([0, 3])))
    }

    @Test(arguments: [
        ("a e", "There is no option `e`: type letters from a to d, like `a c`."),
        ("1 3", "I couldn't read `1 3`: type the letters that apply, from a to d, like `a c`."),
    ])
    func explainsWhatToTypeForSeveralLetters(input: String, message: String) throws {
        let presented = PresentedQuestion(try fixtureQuestion("model-tests-kinds"))
        #expect(AnswerParser.read(input, for: presented) == .unreadable(message))
    }

    @Test(arguments: [
        ("true", true), ("T", true), ("yes", true), ("Y", true), ("false", false), ("f", false),
        ("No", false), ("n", false), ("False.", false),
    ])
    func readsTrueOrFalse(input: String, value: Bool) throws {
        let presented = PresentedQuestion(try fixtureQuestion("probabilistic-pass-fail"))
        #expect(AnswerParser.read(input, for: presented) == .answer(.truth(value)))
    }

    @Test func explainsWhatToTypeForTrueOrFalse() throws {
        let presented = PresentedQuestion(try fixtureQuestion("probabilistic-pass-fail"))
        #expect(
            AnswerParser.read("maybe", for: presented)
                == .unreadable("I couldn't read `maybe`: type `true` or `false` (or `t`, `f`, `yes`, `no`)."))
    }

    /// The gate-order question shown as: 1 shadow, 2 schema, 3 thresholds, 4 regression.
    static func shuffledOrder() throws -> PresentedQuestion {
        PresentedQuestion(try fixtureQuestion("gate-order"), optionOrder: [3, 0, 1, 2])
    }

    @Test(arguments: ["2 3 4 1", "2,3,4,1", "2, 3, 4, 1", "2341", "2 > 3 > 4 > 1", "b c d a", "BCDA"])
    func readsAnOrderOfStepNumbers(input: String) throws {
        #expect(AnswerParser.read(input, for: try Self.shuffledOrder()) == .answer(.sequence([0, 1, 2, 3])))
    }

    @Test(arguments: [
        ("2 3 4", "Put all 4 steps in order, each once, like `2 1 3 4`: you gave 3."),
        ("2 3 4 5", "There is no step `5`: use the numbers 1 to 4, like `2 1 3 4`."),
        ("2 3 3 1", "Step 3 appears twice: give each of the 4 steps once, like `2 1 3 4`."),
        ("first", "I couldn't read `first`: type the step numbers 1 to 4 in order, like `2 1 3 4`."),
    ])
    func explainsWhatToTypeForAnOrder(input: String, message: String) throws {
        #expect(AnswerParser.read(input, for: try Self.shuffledOrder()) == .unreadable(message))
    }

    @Test(arguments: [
        ("0.891", 0.891), (".891", 0.891), ("89.1%", 0.891), ("89.1 %", 0.891), ("1%", 0.01), ("0.01", 0.01),
        ("0,891", 0.891), ("1,00", 1), ("1,000", 1000), ("1 000", 1000), ("-3", -3), ("+2.5", 2.5), ("1e-3", 0.001),
        ("12", 12),
    ])
    func readsNumbersAsPeopleWriteThem(input: String, value: Double) throws {
        let presented = PresentedQuestion(try fixtureQuestion("regression-floor"))
        guard case .answer(.number(let read)) = AnswerParser.read(input, for: presented) else {
            Issue.record("\(input) was not read as a number")
            return
        }
        #expect(abs(read - value) < 1e-12, "\(input) read as \(read), expected \(value)")
    }

    @Test(arguments: ["abc", "0.8.9", "1,2,3", "--1", "%", "nan", "inf"])
    func explainsWhatToTypeForANumber(input: String) throws {
        let presented = PresentedQuestion(try fixtureQuestion("regression-floor"))
        #expect(
            AnswerParser.read(input, for: presented)
                == .unreadable("I couldn't read `\(input)` as a number: type a number like `0.891` or `89.1%`."))
    }
}
