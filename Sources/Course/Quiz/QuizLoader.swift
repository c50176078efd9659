import Foundation
package import LabSupport
import PipelineEngine
import Yams

/// Loads the questions of one lesson's `quiz.yaml`.
///
/// The file is a mapping with a `questions` list. Each question has `id`, `type`,
/// `difficulty`, `concepts`, `prompt`, `options` (not for `truefalse` or `numeric`), `answer`,
/// `explanation`, `hint`, and optionally `mistakes` and (for `numeric`) `tolerance`:
///
/// ```yaml
/// questions:
///   - id: regression-floor
///     type: numeric
///     difficulty: medium
///     concepts: [regression-tests]
///     prompt: Baseline accuracy 0.90 with a 1 % tolerance. The lowest accuracy the gate accepts?
///     answer: 0.891
///     tolerance: 0.0005          # absolute, or relative with a percent sign: "1%"
///     explanation: 0.90 × 0.99 = 0.891.
///     hint: A 1 % tolerance is relative to the baseline.
///     mistakes:
///       - when: 0.89             # numeric mistakes are keyed by value
///         say: That subtracts one percentage point instead of one percent.
/// ```
///
/// Answers are option letters in the author's order (`b`; `[a, c]` for `multiple`; every letter
/// once, in the right order, for `order`), `true`/`false`, or a number. A mistake's `when` is a
/// letter, a boolean, a list of letters (a wrong order) or a number; a mistake without `when`
/// explains any wrong answer that no other mistake matches.
package enum QuizLoader {
    static let questionKeys = [
        "id", "type", "difficulty", "concepts", "prompt", "options", "answer", "tolerance",
        "explanation", "hint", "mistakes",
    ]
    static let requiredKeys = ["id", "type", "difficulty", "concepts", "prompt", "answer", "explanation", "hint"]

    /// Reads the questions in the file at `path` for the lesson `lessonId`.
    ///
    /// `displayPath` is how messages name the file (the path as given, by default).
    package static func load(path: String, lessonId: String, displayPath: String? = nil) throws -> [Question] {
        let name = displayPath ?? path
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch  where FileSystemFailure.isFileSystemError(error) {
            throw LabError(
                .quizUnreadable, "cannot read the quiz file: \(FileSystemFailure.reason(for: error, .read))", file: name
            )
        } catch {
            throw LabError(.quizUnreadable, "cannot read the quiz file: it is not UTF-8 text", file: name)
        }
        return try parse(text, file: name, lessonId: lessonId)
    }

    /// Reads questions from YAML text; `file` names it in messages.
    ///
    /// Throws the first problem.
    package static func parse(_ text: String, file: String, lessonId: String) throws -> [Question] {
        let result = read(text, file: file, lessonId: lessonId)
        if let first = result.problems.first { throw first }
        return result.questions
    }

    /// The questions that could be read and every problem found, in file order: a question
    /// that cannot be read does not hide the ones after it (`lint` reports them all).
    package static func read(_ text: String, file: String, lessonId: String) -> (
        questions: [Question], problems: [LabError]
    ) {
        let reader = YAMLNodeReader(file: file, codePrefix: .quiz)
        var questions: [Question] = []
        var problems: [LabError] = []
        do {
            guard let root = try reader.compose(text) else {
                throw LabError(.quizEmpty, "the quiz file is empty; expected a \"questions\" list", file: file)
            }
            let top = try reader.mapping(root, "the top of a quiz file")
            try reader.checkKeys(top, allowed: ["questions"], in: "the top of a quiz file")
            guard let list = top["questions"] else {
                throw reader.error(.missingKey, "the quiz file has no \"questions\" list", at: root)
            }
            var firstLine: [String: Int] = [:]
            for node in try reader.sequence(list, "\"questions\"") {
                do {
                    let question = try QuestionReader(reader: reader, node: node, lessonId: lessonId).read()
                    if let line = firstLine[question.id] {
                        throw reader.error(
                            .duplicateId, "question id \"\(question.id)\" is used twice (first at line \(line))",
                            at: node.mapping?["id"] ?? node)
                    }
                    firstLine[question.id] = question.location.line
                    questions.append(question)
                } catch let error as LabError {
                    problems.append(error)
                }
            }
        } catch let error as LabError {
            problems.append(error)
        } catch {
            problems.append(LabError(.quizInvalid, LabError.reason(for: error), file: file, cause: error))
        }
        return (questions, problems)
    }
}

/// Reads one question mapping, checking each field against the question's type.
private struct QuestionReader {
    let reader: YAMLNodeReader
    let node: Node
    let lessonId: String

    func read() throws -> Question {
        let fields = try reader.mapping(node, "a question")
        let idNode = fields["id"]
        let id = try idNode.map { try reader.text($0, "\"id\"") }
        let what = id.map { "question \"\($0)\"" } ?? "a question"
        try reader.checkKeys(fields, allowed: QuizLoader.questionKeys, in: what)
        func field(_ key: String) throws -> Node {
            guard let value = fields[key] else {
                let needed = listing(QuizLoader.requiredKeys.map { "\"\($0)\"" })
                throw reader.error(
                    .missingKey, "\(what) has no \"\(key)\"; every question needs \(needed)", at: node)
            }
            return value
        }
        for key in QuizLoader.requiredKeys { _ = try field(key) }  // a missing key first, then the values
        let kind = try reader.word(field("type"), "\"type\"", as: Question.Kind.self)
        let options = try readOptions(fields, kind: kind, what: what)
        let answer = try readAnswer(field("answer"), kind: kind, optionCount: options.count)
        var tolerance = Tolerance.absolute(0)
        if let toleranceNode = fields["tolerance"] {
            guard kind == .numeric else {
                throw reader.error(
                    .badShape, "\"tolerance\" applies only to numeric questions; \(what) is \(kind.rawValue)",
                    at: toleranceNode)
            }
            tolerance = try readTolerance(toleranceNode)
        }
        let mark = node.mark
        return Question(
            id: try reader.text(field("id"), "\"id\""), lessonId: lessonId, kind: kind,
            difficulty: try reader.word(field("difficulty"), "\"difficulty\"", as: Question.Difficulty.self),
            concepts: try reader.texts(field("concepts"), "\"concepts\""),
            prompt: try reader.text(field("prompt"), "\"prompt\""),
            options: options, answer: answer, tolerance: tolerance,
            explanation: try reader.text(field("explanation"), "\"explanation\""),
            hint: try reader.text(field("hint"), "\"hint\""),
            mistakes: try readMistakes(fields["mistakes"], kind: kind, optionCount: options.count),
            location: SourceLocation(file: reader.file, line: mark?.line ?? 0, column: mark?.column ?? 0))
    }

    private func readOptions(_ fields: Node.Mapping, kind: Question.Kind, what: String) throws -> [String] {
        let takesOptions = [.single, .multiple, .order].contains(kind)
        guard let optionsNode = fields["options"] else {
            if takesOptions {
                throw reader.error(
                    .missingKey, "\(what) has no \"options\"; a \(kind.rawValue) question needs at least 2",
                    at: node)
            }
            return []
        }
        guard takesOptions else {
            let answerForm = kind == .truefalse ? "true or false" : "a number"
            throw reader.error(
                .badShape, "a \(kind.rawValue) question takes no \"options\"; its answer is \(answerForm)",
                at: optionsNode)
        }
        let options = try reader.sequence(optionsNode, "\"options\"").map { try reader.text($0, "an option") }
        if options.count < 2 || options.count > 26 {
            throw reader.error(
                .badShape, "a \(kind.rawValue) question needs 2 to 26 options, found \(options.count)",
                at: optionsNode)
        }
        return options
    }

    /// An answer (or a mistake's `when`) in the form the question's type takes.
    func readAnswer(_ node: Node, kind: Question.Kind, optionCount: Int, what: String = "answer") throws -> Answer {
        switch kind {
        case .single:
            return .choice(try letter(node, optionCount: optionCount, what: what))
        case .multiple:
            let items = node.sequence.map(Array.init) ?? [node]
            let indices = try items.map { try letter($0, optionCount: optionCount, what: what) }
            if items.isEmpty { throw reader.error(.emptyValue, "\(what) is an empty list", at: node) }
            if Set(indices).count != indices.count {
                throw reader.error(.badValue, "\(what) lists an option twice", at: node)
            }
            return .choices(indices.sorted())
        case .truefalse:
            guard node.scalar != nil, let value = node.bool else {
                throw reader.error(
                    .badValue, "\(what) is \(reader.describe(node)); expected true or false", at: node)
            }
            return .truth(value)
        case .order:
            let items = try reader.sequence(node, "\(what) of an order question")
            let indices = try items.map { try letter($0, optionCount: optionCount, what: what) }
            if indices.sorted() != Array(0..<optionCount) {
                let found = indices.map(optionLetter).joined(separator: ", ")
                throw reader.error(
                    .badValue,
                    "\(what) of an order question must list every option once, found [\(found)]; expected the letters a to \(optionLetter(optionCount - 1)) in the right order",
                    at: node)
            }
            return .sequence(indices)
        case .numeric:
            guard node.scalar != nil, let value = node.float, value.isFinite else {
                throw reader.error(.badValue, "\(what) is \(reader.describe(node)); expected a number", at: node)
            }
            return .number(value)
        }
    }

    private func letter(_ node: Node, optionCount: Int, what: String) throws -> Int {
        let value = try reader.text(node, what).lowercased()
        let last = optionLetter(optionCount - 1)
        guard value.count == 1, let scalar = value.unicodeScalars.first, scalar.value >= 97,
            Int(scalar.value) - 97 < optionCount
        else {
            throw reader.error(
                .answerNotAnOption, "\(what) \"\(value)\" is not among the options a to \(last)", at: node)
        }
        return Int(scalar.value) - 97
    }

    private func readTolerance(_ node: Node) throws -> Tolerance {
        let text = try reader.text(node, "\"tolerance\"")
        if text.hasSuffix("%"), let percent = Double(text.dropLast().trimmingCharacters(in: .whitespaces)),
            percent >= 0
        {
            return .relative(percent / 100)
        }
        if let amount = Double(text), amount >= 0 { return .absolute(amount) }
        throw reader.error(
            .badValue,
            "\"tolerance\" is \"\(text)\"; expected a non-negative number (0.001) or a percentage (1%)",
            at: node)
    }

    private func readMistakes(_ node: Node?, kind: Question.Kind, optionCount: Int) throws -> [Mistake] {
        guard let node else { return [] }
        return try reader.sequence(node, "\"mistakes\"").map { item in
            let fields = try reader.mapping(item, "a mistake")
            try reader.checkKeys(fields, allowed: ["when", "say"], in: "a mistake")
            guard let say = fields["say"] else {
                throw reader.error(
                    .missingKey, "a mistake has no \"say\"; expected the text that explains it", at: item)
            }
            let when = try fields["when"].map {
                try readAnswer($0, kind: kind, optionCount: optionCount, what: "mistake \"when\"")
            }
            if let when, kind != .multiple, isRightAnswer(when, kind: kind, optionCount: optionCount) {
                throw reader.error(
                    .badValue, "mistake \"when\" is the right answer; a mistake explains a wrong one",
                    at: fields["when"])
            }
            return Mistake(when: when, say: try reader.text(say, "\"say\""))
        }
    }

    private func isRightAnswer(_ candidate: Answer, kind: Question.Kind, optionCount: Int) -> Bool {
        guard let answerNode = node.mapping?["answer"],
            let answer = try? readAnswer(answerNode, kind: kind, optionCount: optionCount)
        else { return false }
        if case .number(let target) = answer, case .number(let value) = candidate,
            let toleranceNode = node.mapping?["tolerance"]
        {
            return ((try? readTolerance(toleranceNode)) ?? .absolute(0)).accepts(value, target: target)
        }
        return candidate == answer
    }
}
