import Foundation

/// A question as one quiz shows it: its options shuffled and labelled for display.
///
/// Labels are letters (`a`, `b`, …) for `single` and `multiple`, numbers (`1`, `2`, …) for
/// `order`, and there are none for `truefalse` and `numeric`. Everything the learner sees or
/// types is in displayed labels; everything stored is in the author's letters, so the
/// shuffle never leaks into the database.
package struct PresentedQuestion: Sendable, Equatable {
    /// One option as shown.
    package struct DisplayedOption: Sendable, Equatable {
        package var label: String
        package var text: String
    }

    package let question: Question
    /// The authored index of each displayed option: displayed `i` shows `options[optionOrder[i]]`.
    package let optionOrder: [Int]

    /// Shows `question` with its options in `optionOrder` (authored order when `nil`).
    package init(_ question: Question, optionOrder: [Int]? = nil) {
        let order = optionOrder ?? Array(question.options.indices)
        precondition(order.sorted() == Array(question.options.indices), "optionOrder must permute the options")
        self.question = question
        self.optionOrder = order
    }

    package var options: [DisplayedOption] {
        optionOrder.enumerated().map {
            DisplayedOption(label: label(displayed: $0.offset), text: question.options[$0.element])
        }
    }

    /// What to type, for the answer prompt: "one letter, like `b`".
    package var answerHelp: String {
        switch question.kind {
        case .single: "type one letter, like `\(label(displayed: min(1, optionOrder.count - 1)))`"
        case .multiple: "type every letter that applies, like `a c`"
        case .truefalse: "type `true` or `false` (or `t`, `f`)"
        case .order: "type the step numbers in order, like `\(exampleOrder)`"
        case .numeric: "type a number, like `0.85` or `85%`"
        }
    }

    /// The right answer in displayed terms: `b) Code, data and model`, `3 1 2: validate → train → deploy`.
    package var correctAnswerText: String { display(question.answer) }

    /// An answer (in authored terms) in displayed terms, with the option texts.
    package func display(_ answer: Answer) -> String {
        switch answer {
        case .choice(let index):
            return "\(labelFor(authored: index))) \(question.options[index])"
        case .choices(let indices):
            let shown = indices.map { displayedIndex(of: $0) }.sorted()
            return shown.map { "\(label(displayed: $0))) \(question.options[optionOrder[$0]])" }.joined(separator: "; ")
        case .truth(let value):
            return value ? "true" : "false"
        case .sequence(let indices):
            let labels = indices.map { labelFor(authored: $0) }.joined(separator: " ")
            return labels + ": " + indices.map { question.options[$0] }.joined(separator: " → ")
        case .number(let value):
            switch question.tolerance {
            case .absolute(0): return formatNumber(value)
            case .absolute(let amount): return "\(formatNumber(value)) (± \(formatNumber(amount)))"
            case .relative(let share): return "\(formatNumber(value)) (± \(formatNumber(share * 100))%)"
            }
        }
    }

    /// The label shown for the option at displayed index `index`.
    func label(displayed index: Int) -> String {
        question.kind == .order ? String(index + 1) : optionLetter(index)
    }

    func labelFor(authored index: Int) -> String {
        label(displayed: displayedIndex(of: index))
    }

    func displayedIndex(of authored: Int) -> Int {
        optionOrder.firstIndex(of: authored) ?? 0  // every index is there (see init)
    }

    /// An order to show as the example of how to answer, never the right one: the shown order
    /// with one neighbouring pair swapped (or the shown order itself, which is never right).
    var exampleOrder: String {
        let count = optionOrder.count
        let shown = Array(1...max(1, count))
        var key: [Int] = []
        if case .sequence(let indices) = question.answer { key = indices.map { displayedIndex(of: $0) + 1 } }
        var candidates: [[Int]] = []
        for i in 0..<max(0, count - 1) {
            var swapped = shown
            swapped.swapAt(i, i + 1)
            candidates.append(swapped)
        }
        candidates.append(shown)
        let example = candidates.first { $0 != key } ?? shown
        return example.prefix(count).map(String.init).joined(separator: " ")
    }
}
