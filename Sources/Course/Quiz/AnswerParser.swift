import Foundation

/// Reads what a learner typed as an answer, forgivingly, in the form the question's type takes.
///
/// Letters in any case and with any separators (`a`, `A`, `a,c`, `c a`, `b)`), step numbers
/// (`3 1 2`, `3,1,2`, `312`), booleans (`true`, `f`, `yes`, `n`), numbers (`0.891`, `89.1%`,
/// `1,000`). Input it cannot read yields a message saying what to type instead; that is not
/// an answer and does not count.
package enum AnswerParser {
    /// The outcome of reading an answer.
    package enum Reading: Sendable, Equatable {
        /// The answer, in the author's terms.
        case answer(Answer)
        /// The input could not be read; the message says what to type.
        case unreadable(String)
    }

    package static func read(_ input: String, for presented: PresentedQuestion) -> Reading {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .unreadable("Type an answer (\(presented.answerHelp)), or `hint` or `skip`.") }
        switch presented.question.kind {
        case .single: return readChoice(text, presented)
        case .multiple: return readChoices(text, presented)
        case .truefalse: return readTruth(text)
        case .order: return readOrder(text, presented)
        case .numeric: return readNumber(text)
        }
    }

    private static func readChoice(_ text: String, _ presented: PresentedQuestion) -> Reading {
        let count = presented.optionOrder.count
        let range = "a to \(optionLetter(count - 1))"
        if let index = presented.question.options.firstIndex(where: { $0.lowercased() == text.lowercased() }) {
            return .answer(.choice(index))
        }
        let tokens = words(text)
        guard tokens.count == 1, tokens[0].count == 1, let index = letterIndex(tokens[0].first ?? " ") else {
            if tokens.count > 1, tokens.allSatisfy({ $0.count == 1 && letterIndex($0.first ?? " ") != nil }) {
                return .unreadable("Pick one option only: type a single letter from \(range), like `b`.")
            }
            return .unreadable("I couldn't read `\(text)`: type one letter from \(range), like `b`.")
        }
        guard index < count else {
            return .unreadable("There is no option `\(tokens[0])`: type one letter from \(range), like `b`.")
        }
        return .answer(.choice(presented.optionOrder[index]))
    }

    private static func readChoices(_ text: String, _ presented: PresentedQuestion) -> Reading {
        let count = presented.optionOrder.count
        let range = "a to \(optionLetter(count - 1))"
        guard let indices = letters(in: words(text).filter { $0 != "and" }), !indices.isEmpty else {
            return .unreadable("I couldn't read `\(text)`: type the letters that apply, from \(range), like `a c`.")
        }
        if let outside = indices.first(where: { $0 >= count }) {
            return .unreadable("There is no option `\(optionLetter(outside))`: type letters from \(range), like `a c`.")
        }
        return .answer(.choices(Set(indices.map { presented.optionOrder[$0] }).sorted()))
    }

    private static func readTruth(_ text: String) -> Reading {
        switch text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".!")) {
        case "true", "t", "yes", "y", "right", "correct": .answer(.truth(true))
        case "false", "f", "no", "n", "wrong", "incorrect": .answer(.truth(false))
        default: .unreadable("I couldn't read `\(text)`: type `true` or `false` (or `t`, `f`, `yes`, `no`).")
        }
    }

    private static func readOrder(_ text: String, _ presented: PresentedQuestion) -> Reading {
        let count = presented.optionOrder.count
        let example = presented.answerHelp.components(separatedBy: "`").dropFirst().first ?? "2 1 3"
        var tokens = words(text)
        if tokens.count == 1, count <= 9, tokens[0].count == count {
            tokens = tokens[0].map { String($0) }  // `312`, `cab`
        }
        var positions: [Int] = []
        for token in tokens {
            if let number = Int(token) {
                guard (1...count).contains(number) else {
                    return .unreadable("There is no step `\(token)`: use the numbers 1 to \(count), like `\(example)`.")
                }
                positions.append(number - 1)
            } else if token.count == 1, let index = letterIndex(token.first ?? " "), index < count {
                positions.append(index)
            } else {
                return .unreadable(
                    "I couldn't read `\(text)`: type the step numbers 1 to \(count) in order, like `\(example)`.")
            }
        }
        if let repeated = positions.first(where: { p in positions.filter { $0 == p }.count > 1 }) {
            return .unreadable(
                "Step \(repeated + 1) appears twice: give each of the \(count) steps once, like `\(example)`.")
        }
        guard positions.count == count else {
            return .unreadable(
                "Put all \(count) steps in order, each once, like `\(example)`: you gave \(positions.count).")
        }
        return .answer(.sequence(positions.map { presented.optionOrder[$0] }))
    }

    private static func readNumber(_ text: String) -> Reading {
        guard let value = number(text) else {
            return .unreadable("I couldn't read `\(text)` as a number: type a number like `0.891` or `89.1%`.")
        }
        return .answer(.number(value))
    }

    /// A number written the ways people write them: `0.891`, `.5`, `-3`, `1e-3`, `89.1%`,
    /// `1,000`, `1 000`, `0,891` (a decimal comma).
    static func number(_ text: String) -> Double? {
        var body = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "_", with: "")
        var scale = 1.0
        if body.hasSuffix("%") {
            body.removeLast()
            scale = 0.01
        }
        if body.wholeMatch(of: /[+-]?[1-9][0-9]{0,2}(,[0-9]{3})+(\.[0-9]*)?/) != nil {
            body = body.replacingOccurrences(of: ",", with: "")
        } else if body.filter({ $0 == "," }).count == 1, !body.contains(".") {
            body = body.replacingOccurrences(of: ",", with: ".")
        }
        guard body.wholeMatch(of: /[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?/) != nil,
            let value = Double(body), value.isFinite
        else { return nil }
        return value * scale
    }

    /// The words of `text`, lower-cased, split at anything that is not a letter or digit.
    private static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// Option indices from words made only of letters (`a`, `ac`), or `nil` if any word is not.
    private static func letters(in words: [String]) -> [Int]? {
        var indices: [Int] = []
        for word in words {
            for character in word {
                guard let index = letterIndex(character) else { return nil }
                indices.append(index)
            }
        }
        return indices
    }

    private static func letterIndex(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue, ascii >= 97, ascii <= 122 else { return nil }
        return Int(ascii - 97)
    }
}
