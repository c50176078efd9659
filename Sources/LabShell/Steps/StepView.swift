import Course

/// How `steps`, `check` and `hint` draw hands-on steps for the terminal.
///
/// Every screen ends by saying what to type next, so a learner can finish a lesson's steps
/// with nothing but what the REPL shows.
struct StepView {
    let style: TerminalStyle

    private var renderer: MarkdownRenderer { MarkdownRenderer(style: style) }

    /// The list of steps with ✓ (done) or ○ (not yet), under a title line with the count done.
    func list(_ coach: StepCoach, records: [String: StepRecord]) -> String {
        let done = coach.steps.filter { records[$0.id]?.done ?? false }.count
        var lines = [
            style.bold("Hands-on steps of \(coach.lesson.title)")
                + style.dim(" · \(done) of \(coach.steps.count) done"), "",
        ]
        var table = TextTable(headers: ["", "#", "STEP", "TITLE"], keptWhole: [0, 1, 2])
        for (index, step) in coach.steps.enumerated() {
            let isDone = records[step.id]?.done ?? false
            table.append([isDone ? style.green("✓") : "○", "\(index + 1)", step.id, step.title])
        }
        // The headers say nothing the marks do not; keep only the rows, indented by two.
        table.showsHeaderRow = false
        var narrower = style
        narrower.columns = style.columns.map { $0 - 2 }
        let rows = table.render(narrower).split(separator: "\n", omittingEmptySubsequences: false).map {
            ("  " + String($0)).trimmingTrailingSpaces()
        }
        lines += rows
        return lines.joined(separator: "\n")
    }

    /// One step in full: its title, instructions, the command to try, and what to do after.
    func card(_ step: Step, number: Int, of count: Int) -> String {
        let title = style.bold("Step \(number) of \(count) · \(step.title)")
        let commands = step.commands.joined(separator: "\n")
        let tryIt = step.commands.count == 1 ? "Try:" : "Try, in order:"
        let markdown = """
            \(step.instructions)

            \(tryIt)

            ```
            \(commands)
            ```

            Then type `check` to see whether the step is done; `hint` gives a hint if you are stuck.
            """
        return title + "\n" + renderer.render(markdown)
    }

    /// A Markdown paragraph rendered to the width.
    func paragraph(_ markdown: String) -> String {
        renderer.render(markdown)
    }

    /// "✓ " in green, "○ " plain, "? " in yellow: the mark of an outcome.
    func mark(_ outcome: CheckOutcome) -> String {
        switch outcome {
        case .passed: style.green("✓")
        case .notYet: "○"
        case .unavailable: style.yellow("?")
        }
    }
}
