import Course
import Foundation

/// Asks a ``QuizSession``'s questions one at a time at the terminal and shows the feedback.
///
/// At the answer prompt the learner may type `hint`, `skip` or `quit`; everything else is
/// read as an answer. Each answer is committed by the session before the next question.
struct QuizRunner {
    let session: LabSession

    /// Runs until the questions are done or the learner quits; returns the session.
    func run(_ quiz: inout QuizSession) throws {
        let style = session.style
        let console = session.console
        while let question = quiz.current {
            let (number, total) = quiz.position
            console.line()
            console.line(
                style.bold("Question \(number) of \(total)")
                    + style.dim(
                        " · \(question.question.difficulty.rawValue) · \(points(quiz.pointsAvailable)) · \(question.question.concepts.joined(separator: ", "))"
                    ))
            console.line(wrapped(question.question.prompt))
            for option in question.options {
                let label = "  \(option.label)) "
                console.line(
                    wrapped(
                        option.text, first: "  \(style.cyan(option.label + ")")) ",
                        rest: String(repeating: " ", count: label.count)))
            }
            console.line(style.dim("Answer: \(question.answerHelp); or type `hint`, `skip` or `quit`."))
            while true {
                guard let input = session.readInput("answer> ") else { return }
                let typed = input.trimmingCharacters(in: .whitespaces)
                switch typed.lowercased() {
                case "":
                    continue
                case "quit", "exit":
                    console.line("Stopped. Your answers so far are saved.")
                    return
                case "hint":
                    if let hint = quiz.hint() {
                        console.line(
                            wrapped(
                                hint + " (now worth \(points(quiz.pointsAvailable)))", first: style.yellow("Hint: ")))
                    }
                    continue
                case "skip":
                    if let feedback = try quiz.skip() { show(feedback, question) }
                default:
                    switch try quiz.answer(typed) {
                    case .unreadable(let message):
                        console.line(style.yellow(message))
                        continue
                    case .feedback(let feedback):
                        show(feedback, question)
                    case nil:
                        return
                    }
                }
                break
            }
        }
    }

    private func show(_ feedback: Feedback, _ question: PresentedQuestion) {
        let style = session.style
        let console = session.console
        if feedback.skipped {
            console.line(wrapped("The answer: \(feedback.correctAnswer)", first: style.yellow("Skipped. ")))
        } else if feedback.correct {
            console.line(style.green("✓ Right") + " (+\(points(feedback.points)))")
        } else {
            console.line(wrapped("The answer: \(feedback.correctAnswer)", first: style.red("✗ Not quite. ")))
        }
        console.line(wrapped(feedback.explanation))
        for mistake in feedback.mistakes {
            console.line(wrapped(mistake, first: style.yellow("Common mistake: ")))
        }
    }

    /// Authored text (Markdown inline: `code`, *emphasis*) wrapped to the terminal's width, after
    /// `first` on its first line and `rest` on the others.
    private func wrapped(_ text: String, first: String = "", rest: String = "") -> String {
        let wrapper = WordWrapper(style: session.style)
        return text.components(separatedBy: "\n\n").map { paragraph in
            wrapper.wrap(
                wrapper.tokens(MarkdownInline.parse(paragraph.replacingOccurrences(of: "\n", with: " "))),
                width: session.style.width, first: first, rest: rest
            ).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// Prints the score, the score by concept and what to review.
    func summarise(_ summary: QuizSummary) {
        let style = session.style
        let console = session.console
        console.line()
        console.line(
            style.bold("Score: \(number(summary.points)) of \(points(summary.maxPoints))")
                + " · \(summary.correct) right, \(summary.answered - summary.correct) wrong, \(summary.skipped) skipped"
        )
        guard !summary.concepts.isEmpty else { return }
        var table = TextTable(headers: ["CONCEPT", "RIGHT", "POINTS"], rightAligned: [1, 2])
        for concept in summary.concepts {
            table.append([
                concept.concept, "\(concept.correct)/\(concept.questions)",
                "\(number(concept.points))/\(number(concept.maxPoints))",
            ])
        }
        console.line(table.render(style))
        if !summary.toReview.isEmpty {
            console.line(
                wrapped(
                    summary.toReview.joined(separator: ", ") + " (these questions come back in `review`)",
                    first: "Review: "))
        }
    }

    private func points(_ value: Double) -> String {
        number(value) + (value == 1 ? " point" : " points")
    }

    private func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
