import Foundation
import LabSupport

/// The cues a question bank leaves that let a learner guess without knowing: the key is the
/// longest option, true/false keys lean one way, multiple choice is "all but one", a hint
/// repeats the key's words.
///
/// Options are shuffled when shown, so position is no cue; length, balance and wording are.
/// `lint` prints these figures for the whole bank and each lesson, and fails the course past
/// the thresholds below.
package struct QuizCues: Sendable, Equatable {
    /// Single-choice questions, and how many of them have the longest option as their key.
    package var single = 0
    package var longestKey = 0
    /// True/false questions, and how many have `true` as their key.
    package var trueFalse = 0
    package var trueKeys = 0
    /// Multiple-choice questions, how many have every option but one right, and how many
    /// questions have each count of right options.
    package var multiple = 0
    package var allButOne = 0
    package var rightCounts: [Int: Int] = [:]
    /// What a guesser that reads only the cues scores (longest option; `false`; every option
    /// but the shortest; the order shown), and what a random guesser expects, over the
    /// questions with options or a truth value.
    package var cueGuesserScore = 0.0
    package var randomGuesserScore = 0.0
    package var guessable = 0

    /// At most this share of single-choice keys may be the longest option.
    package static let maximumLongestKeyShare = 0.35
    /// A key at least this many times longer than the next longest option gives itself away.
    package static let giveAwayLengthRatio = 1.5
    /// The share of true keys must lie in this range.
    package static let trueKeyRange = 0.40...0.60
    /// At most this share of multiple-choice questions may have all options but one right.
    package static let maximumAllButOneShare = 0.40
    /// At least this many distinct counts of right options in multiple choice.
    package static let minimumDistinctRightCounts = 3
    /// A share is judged only over at least this many questions of its type: two questions
    /// out of three say nothing about a bank.
    package static let minimumQuestionsForAShare = 8

    package init() {}

    /// The figures for `questions`.
    package static func measure(_ questions: [Question]) -> QuizCues {
        var cues = QuizCues()
        var cueRight = 0.0
        var randomRight = 0.0
        for question in questions {
            switch (question.kind, question.answer) {
            case (.single, .choice(let key)):
                cues.single += 1
                let lengths = question.options.map(\.count)
                if lengths[key] == lengths.max() { cues.longestKey += 1 }
                // The guesser picks the longest; among equals, each is as likely.
                let longest = lengths.indices.filter { lengths[$0] == lengths.max() }
                cueRight += longest.contains(key) ? 1 / Double(longest.count) : 0
                randomRight += 1 / Double(max(1, question.options.count))
                cues.guessable += 1
            case (.truefalse, .truth(let value)):
                cues.trueFalse += 1
                if value { cues.trueKeys += 1 }
                cueRight += value ? 0 : 1
                randomRight += 0.5
                cues.guessable += 1
            case (.multiple, .choices(let keys)):
                cues.multiple += 1
                cues.rightCounts[keys.count, default: 0] += 1
                if keys.count == question.options.count - 1 { cues.allButOne += 1 }
                let lengths = question.options.map(\.count)
                let shortest = lengths.indices.filter { lengths[$0] == lengths.min() }
                let guess = Set(question.options.indices).subtracting([shortest[0]])
                cueRight += shortest.count == 1 && guess == Set(keys) ? 1 : 0
                randomRight += 1 / (pow(2, Double(question.options.count)) - 1)
                cues.guessable += 1
            case (.order, _):
                // The order shown is never the answer (the planner sees to it): the cue earns nothing.
                randomRight += 1 / Double((1...max(1, question.options.count)).reduce(1, *))
                cues.guessable += 1
            default:
                break
            }
        }
        if cues.guessable > 0 {
            cues.cueGuesserScore = cueRight / Double(cues.guessable)
            cues.randomGuesserScore = randomRight / Double(cues.guessable)
        }
        return cues
    }

    package var longestKeyShare: Double { single == 0 ? 0 : Double(longestKey) / Double(single) }
    package var trueKeyShare: Double { trueFalse == 0 ? 0.5 : Double(trueKeys) / Double(trueFalse) }
    package var allButOneShare: Double { multiple == 0 ? 0 : Double(allButOne) / Double(multiple) }

    /// One line of figures, for `lint`.
    package var summary: String {
        func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }
        let counts = rightCounts.keys.sorted().map { "\($0)" }.joined(separator: ",")
        return "key is the longest option in \(longestKey) of \(single) single-choice (\(percent(longestKeyShare))); "
            + "\(trueKeys) of \(trueFalse) true/false keys true (\(percent(trueKeyShare))); "
            + "\(allButOne) of \(multiple) multiple-choice all-but-one (\(percent(allButOneShare))), right counts {\(counts)}; "
            + "a cue-only guesser scores \(percent(cueGuesserScore)) against \(percent(randomGuesserScore)) at random"
    }

    /// What fails the bank as a whole: each problem is placed at the first question of the
    /// lesson that contributes most to it.
    static func bankProblems(_ questions: [Question]) -> [LabError] {
        let cues = measure(questions)
        var problems: [LabError] = []
        func place(_ offending: [Question], _ code: LabError.Code, _ message: String, noting: Bool = true) {
            let byFile = Dictionary(grouping: offending, by: \.location.file)
            let worst = byFile.max { a, b in
                a.value.count < b.value.count || (a.value.count == b.value.count && a.key > b.key)
            }
            let first = worst?.value.min { $0.location.line < $1.location.line }
            let note = noting ? worst.map { " (most in \($0.key): \($0.value.count))" } ?? "" : ""
            problems.append(
                LabError(
                    code, message + note, file: first?.location.file, line: first?.location.line,
                    column: first?.location.column))
        }
        let judged = minimumQuestionsForAShare
        if cues.single >= judged, cues.longestKeyShare > maximumLongestKeyShare {
            place(
                questions.filter { $0.keyIsLongest }, .quizCueLongestKey,
                String(
                    format:
                        "the key is the longest option in %d of %d single-choice questions (%.0f%%); at most %.0f%% may be",
                    cues.longestKey, cues.single, cues.longestKeyShare * 100, maximumLongestKeyShare * 100))
        }
        if cues.trueFalse >= judged, !trueKeyRange.contains(cues.trueKeyShare) {
            let leaning = cues.trueKeyShare < trueKeyRange.lowerBound
            place(
                questions.filter { $0.kind == .truefalse && $0.answer == .truth(!leaning) }, .quizCueTrueFalse,
                String(
                    format: "%d of %d true/false keys are true (%.0f%%); between %.0f%% and %.0f%% must be",
                    cues.trueKeys, cues.trueFalse, cues.trueKeyShare * 100, trueKeyRange.lowerBound * 100,
                    trueKeyRange.upperBound * 100))
        }
        if cues.multiple >= judged, cues.allButOneShare > maximumAllButOneShare {
            place(
                questions.filter { $0.isAllButOne }, .quizCueAllButOne,
                String(
                    format:
                        "%d of %d multiple-choice questions have every option but one right (%.0f%%); at most %.0f%% may",
                    cues.allButOne, cues.multiple, cues.allButOneShare * 100, maximumAllButOneShare * 100))
        }
        if cues.multiple >= judged, cues.rightCounts.count < minimumDistinctRightCounts {
            let used = cues.rightCounts.keys.sorted().map(String.init).joined(separator: ", ")
            place(
                questions.filter { $0.kind == .multiple }, .quizCueRightCounts,
                "multiple-choice questions have only \(cues.rightCounts.count == 1 ? "one count" : "\(cues.rightCounts.count) counts") of right options (\(used)); use at least \(minimumDistinctRightCounts)",
                noting: false)
        }
        return problems
    }

    /// What gives one question away: a key much longer than the rest, or a hint that repeats
    /// the key's own words.
    static func questionProblems(_ question: Question) -> [LabError] {
        var problems: [LabError] = []
        let at = question.location
        if case .choice(let key) = question.answer, question.kind == .single, question.options.count > 1 {
            let next = question.options.indices.filter { $0 != key }.map { question.options[$0].count }.max() ?? 0
            if next > 0, Double(question.options[key].count) >= giveAwayLengthRatio * Double(next) {
                problems.append(
                    LabError(
                        .quizCueLongKey,
                        "question \"\(question.id)\": the key has \(question.options[key].count) characters, at least \(giveAwayLengthRatio)× the next longest option (\(next)); make the options alike",
                        file: at.file, line: at.line, column: at.column))
            }
        }
        let lowered = question.hint.lowercased()
        if let phrase = ["the word ", "is the clue", "the clue is", "the answer is"].first(where: lowered.contains) {
            problems.append(
                LabError(
                    .quizCueHint,
                    "question \"\(question.id)\": the hint says “\(phrase.trimmingCharacters(in: .whitespaces))”, pointing at the answer instead of the reasoning",
                    file: at.file, line: at.line, column: at.column))
        }
        let shared = question.hintSharesKeyWords
        if !shared.isEmpty {
            problems.append(
                LabError(
                    .quizCueHint,
                    "question \"\(question.id)\": the hint repeats words found only in the key (\(shared.map { "“\($0)”" }.joined(separator: ", "))), which gives the answer away",
                    file: at.file, line: at.line, column: at.column))
        }
        return problems
    }
}

extension Question {
    /// Whether a single-choice key is (one of) the longest options.
    var keyIsLongest: Bool {
        guard kind == .single, case .choice(let key) = answer else { return false }
        return options[key].count == options.map(\.count).max()
    }

    /// Whether a multiple-choice question has every option but one right.
    var isAllButOne: Bool {
        guard kind == .multiple, case .choices(let keys) = answer else { return false }
        return keys.count == options.count - 1
    }

    /// The words of the key that no other option and not the prompt has, when the hint repeats
    /// two or more of them (one shared word is often unavoidable).
    var hintSharesKeyWords: [String] {
        let keys: [Int]
        switch answer {
        case .choice(let key) where kind == .single: keys = [key]
        case .choices(let chosen) where kind == .multiple: keys = chosen
        default: return []
        }
        let others = options.indices.filter { !keys.contains($0) }.map { Self.words(options[$0]) }
        let known = others.reduce(Self.words(prompt)) { $0.union($1) }
        let distinctive = keys.map { Self.words(options[$0]) }.reduce(Set<String>()) { $0.union($1) }.subtracting(known)
        let shared = distinctive.intersection(Self.words(hint))
        return shared.count >= 2 ? shared.sorted() : []
    }

    /// Lower-cased words of four letters or more, without the commonest function words.
    static func words(_ text: String) -> Set<String> {
        let stop: Set<String> = [
            "that", "this", "with", "from", "than", "then", "they", "them", "their", "there",
            "what", "when", "which", "will", "would", "does", "have", "into", "only", "each",
        ]
        let parts = text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        return Set(parts.map(String.init).filter { $0.count >= 4 && !stop.contains($0) })
    }
}
