import Course
import Foundation

extension ClassReport {
    /// The terminal report: a summary, the flags, mastery per learner, then the questions.
    func render(_ style: TerminalStyle) -> String {
        var lines: [String] = []
        lines.append(style.bold("Class report") + " · \(summary.learners) learner\(summary.learners == 1 ? "" : "s")")
        lines.append("  questions answered  \(summary.questionsAnswered)")
        lines.append("  answers             \(summary.answers)")
        lines.append("  flagged questions   \(summary.flaggedQuestions)")
        if !unknownQuestions.isEmpty {
            let names = unknownQuestions.map { "\($0.question) (\($0.answers))".terminalSafe }.joined(separator: ", ")
            lines.append(style.yellow("  not in the course   ") + names)
        }
        lines.append("")
        lines.append(
            style.bold("Flags")
                + style.dim(" (questions answered by fewer than \(minimumLearnersForFlags) learners are not flagged)"))
        if flags.isEmpty { lines.append("  none") }
        for flag in flags {
            lines.append(
                "  \(flag.file.terminalSafe):\(flag.line): \(style.yellow(flag.question.terminalSafe)): \(flag.reason.terminalSafe)"
            )
        }
        lines.append("")
        lines.append(style.bold("Mastery") + style.dim(" (answers right of asked, per concept; lessons done)"))
        var mastery = TextTable(
            headers: ["LEARNER", "LESSONS"] + concepts.map(\.terminalSafe),
            rightAligned: Set(1..<(concepts.count + 2)))
        for learner in learners {
            mastery.append(
                [learner.profile.terminalSafe, "\(learner.lessonsCompleted)"]
                    + learner.mastery.map { cell in cell.mastery.map { Self.percent($0) } ?? "–" })
        }
        lines.append(mastery.render(style))
        lines.append("")
        lines.append(style.bold("Questions") + style.dim(" (first attempts)"))
        var table = TextTable(
            headers: ["QUESTION", "TYPE", "N", "FACILITY", "DISCRIM.", "UPPER−LOWER", "FLAGS"],
            rightAligned: [2, 3, 4, 5, 6])
        for item in items {
            table.append([
                item.question.terminalSafe, item.type, "\(item.learners)", Self.decimal(item.facility),
                item.discrimination.map(Self.decimal) ?? "–", Self.decimal(item.upperLowerIndex),
                item.flaggable ? "\(item.flags.count)" : "n<\(minimumLearnersForFlags)",
            ])
        }
        lines.append(table.render(style))
        for item in items where !item.options.isEmpty {
            lines.append("")
            lines.append(
                style.bold(item.question.terminalSafe)
                    + style.dim(
                        " · \(item.file.terminalSafe):\(item.line) · key \(item.key) · upper group \(item.groupSize)"))
            var options = TextTable(headers: ["OPTION", "", "CHOSEN", "UPPER GROUP", "TEXT"], rightAligned: [2, 3])
            for option in item.options {
                options.append([
                    option.option, option.key ? "key" : "", Self.percent(option.share), Self.percent(option.upperShare),
                    option.text.terminalSafe,
                ])
            }
            if item.skippedShare > 0 { options.append(["skipped", "", Self.percent(item.skippedShare), "", ""]) }
            lines.append(options.render(style))
        }
        return lines.joined(separator: "\n")
    }

    static func percent(_ share: Double) -> String { NumberText.percent(share: share) }

    static func decimal(_ value: Double) -> String { String(format: "%.2f", value) }
}
