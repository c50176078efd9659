import ArgumentParser
import Course
import Foundation
import LabSupport
import PipelineEngine

/// `progress`: lessons, steps, quiz scores, mastery per concept, streak and time spent.
struct ProgressCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.learning

    static let configuration = CommandConfiguration(
        commandName: "progress", abstract: "Show your lessons, quiz scores, mastery per concept and streak.")

    static var completion: CommandCompletion { CommandCompletion(values: .none) }

    func run(in session: LabSession) throws -> Int32 {
        let report = try ProgressCommand.report(session)
        if session.wantsJSON {
            try session.console.json(report)
            return 0
        }
        let style = session.style
        let console = session.console
        let done = report.lessons.filter { $0.status == "done" }.count
        console.line(style.bold("Progress of \(report.profile)"))
        console.line("  lessons done   \(done) of \(report.lessons.count)")
        console.line("  steps done     \(report.lessons.reduce(0) { $0 + $1.stepsDone })")
        console.line("  quiz score     \(Self.score(report))")
        console.line("  streak         \(report.streakDays) day\(report.streakDays == 1 ? "" : "s")")
        console.line("  time spent     \(Self.duration(report.secondsSpent))")
        if !report.mastery.isEmpty {
            console.line()
            console.line(style.bold("Mastery by concept") + style.dim(" (answers right of asked; recall chance)"))
            for line in Self.masteryLines(report.mastery) { console.line(line) }
            let weak = report.mastery.filter { ($0.recallOnceRight ?? 0) < 0.8 }.map(\.concept)
            if !weak.isEmpty {
                console.line(style.dim("Practise: `quiz \(weak[0])`, or `review` when cards are due."))
            }
        }
        return 0
    }

    static func report(_ session: LabSession) throws -> ProgressReport {
        let catalog = try session.catalog()
        let bank = try? QuestionBank.load(from: catalog)
        return try ProgressReport.build(
            store: session.store(), profile: session.profile(), catalog: catalog, bank: bank)
    }

    /// The quiz score line's value: points and answers, or that none were given yet.
    static func score(_ report: ProgressReport) -> String {
        let count = report.answers.count
        guard count > 0 else { return "no questions answered yet" }
        let answers = "over \(count) answer\(count == 1 ? "" : "s")"
        guard report.quizMaxPoints > 0 else { return "0 of 0 points \(answers)" }
        return String(
            format: "%g of %g points (%.0f%%) ", report.quizPoints, report.quizMaxPoints,
            report.quizPoints / report.quizMaxPoints * 100) + answers
    }

    /// One line per concept, least known first: `regression-tests  0/3 right  not yet recalled`,
    /// `drift-metrics  1/1 right  recall chance tomorrow 98%`.
    static func masteryLines(_ mastery: [ConceptMastery]) -> [String] {
        let sorted = mastery.sorted {
            ($0.recallOnceRight ?? -1, $0.concept) < ($1.recallOnceRight ?? -1, $1.concept)
        }
        let conceptWidth = sorted.map(\.concept.count).max() ?? 0
        let countWidth = sorted.map { "\($0.right)/\($0.asked)".count }.max() ?? 0
        return sorted.map { item in
            let counts = "\(item.right)/\(item.asked)"
            let recall =
                item.recallOnceRight.map { String(format: "recall chance tomorrow %.0f%%", $0 * 100) }
                ?? "not yet recalled"
            return "  " + item.concept.padding(toLength: conceptWidth, withPad: " ", startingAt: 0)
                + "  " + String(repeating: " ", count: countWidth - counts.count) + counts + " right  " + recall
        }
    }

    static func duration(_ seconds: Double) -> String {
        let minutes = Int(seconds / 60)
        return minutes >= 60 ? "\(minutes / 60) h \(minutes % 60) min" : "\(minutes) min"
    }
}

/// `export progress --format json|csv [--out FILE]`: a learner's results for keeping or grading.
struct ExportCommand: TopLevelCommand {
    static let helpGroup = HelpGroup.learning

    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write your progress as JSON or CSV.",
        subcommands: [Progress.self])

    /// `export progress`: lessons, answers and review cards.
    struct Progress: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: "Write lessons, answers and review cards (JSON), or one row per answer (CSV).")

        @Option(help: "json or csv.")
        var format: String = "json"
        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        static var completion: CommandCompletion { CommandCompletion(values: .none) }

        func run(in session: LabSession) throws -> Int32 {
            let report = try ProgressCommand.report(session)
            let text: String
            switch format.lowercased() {
            case "json":
                text = String(decoding: try JSONEncoder.labOutput().encode(report), as: UTF8.self) + "\n"
            case "csv":
                text = Self.csv(report)
            default:
                throw LabError(.usageBadFormat, "--format is '\(format)'; expected json or csv")
            }
            if let out {
                let path = try session.outputPath(out)
                try session.writeOutput(Data(text.utf8), to: path, typed: out, makingFolder: false)
                session.console.line("Wrote \(report.answers.count) answers for \(report.profile) to \(path).")
            } else {
                session.console.write(text)
            }
            return 0
        }

        /// One row per answer, with the profile on each row so a teacher can concatenate files.
        static func csv(_ report: ProgressReport) -> String {
            let formatter = ISO8601DateFormatter()
            var lines = ["profile,lesson,question,correct,skipped,hinted,points,max_points,seconds,answered_at"]
            for a in report.answers {
                let cells = [
                    textCell(report.profile), textCell(a.lesson), textCell(a.question),
                    a.correct ? "1" : "0", a.skipped ? "1" : "0",
                    a.hinted ? "1" : "0", formatDouble(a.points), formatDouble(a.maxPoints),
                    String(format: "%.1f", a.seconds), formatter.string(from: a.answeredAt),
                ]
                lines.append(cells.map(csvField).joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        }

        /// A cell of text from the profile or the content, made inert for whoever opens the
        /// file: control characters (and tab and line breaks) written as `\u{1B}`, and a
        /// leading `=`, `+`, `-` or `@` prefixed with `'` so that a spreadsheet does not run it
        /// as a formula (OWASP's advice against CSV injection).
        static func textCell(_ text: String) -> String {
            var safe = ""
            for scalar in text.unicodeScalars {
                if scalar == "\t" || scalar == "\n" || String(scalar).terminalSafe != String(scalar) {
                    safe += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    safe.unicodeScalars.append(scalar)
                }
            }
            if let first = safe.first, "=+-@".contains(first) { safe = "'" + safe }
            return safe
        }

        static func csvField(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}
