import Course
import LabSupport

/// How `lint` reports: one `file:line:column: message` per problem, what `--play` proved per
/// step, and a last line that counts.
struct LintView {
    let style: TerminalStyle

    func render(
        _ report: LintReport, played: [StepPlayer.LessonResult]?, folder: String, cuesPerLesson: Bool = false
    ) -> String {
        var lines = report.problems.map { style.red("error: ") + $0.description }
        // A handful of questions says nothing about cues: figures start where judging does.
        if report.cues.guessable >= QuizCues.minimumQuestionsForAShare {
            if !lines.isEmpty { lines.append("") }
            lines.append(style.bold("quiz cues") + " (whole bank): " + report.cues.summary)
            if cuesPerLesson {
                for (lesson, cues) in report.lessonCues { lines.append("  \(lesson): " + cues.summary) }
            }
        }
        if let played {
            if !lines.isEmpty { lines.append("") }
            lines += playLines(played)
        }
        if !lines.isEmpty { lines.append("") }
        lines.append(summary(report, played: played, folder: folder))
        return lines.joined(separator: "\n")
    }

    private func playLines(_ played: [StepPlayer.LessonResult]) -> [String] {
        var lines: [String] = []
        for lesson in played {
            let played = !lesson.steps.isEmpty
            lines.append(
                style.bold("play \(lesson.lesson)")
                    + style.dim(
                        " (\(lesson.file)\(played ? lesson.mode == "alone" ? ", alone on a fresh home" : ", in course order" : ""))"
                    )
            )
            if !played {
                lines.append("  " + style.red("✗") + " not played: its lesson or steps have problems (listed above)")
            }
            for step in lesson.steps {
                if step.passed {
                    lines.append("  " + style.green("✓") + " \(step.step): \(step.detail)")
                    for wrong in step.wrongAttempts {
                        lines.append("      " + style.green("✓") + " rejects: \(wrong.why) (\(wrong.detail))")
                    }
                } else {
                    lines.append("  " + style.red("✗") + " \(step.step): \(step.detail)")
                    if let output = step.output {
                        lines += output.split(separator: "\n", omittingEmptySubsequences: false).suffix(12)
                            .map { "      " + style.dim(String($0)) }
                    }
                }
            }
            if !lesson.steps.isEmpty, lesson.skipped > 0 {
                lines.append(
                    "  " + style.dim("\(lesson.skipped) later \(lesson.skipped == 1 ? "step" : "steps") not played"))
            }
        }
        return lines
    }

    private func summary(_ report: LintReport, played: [StepPlayer.LessonResult]?, folder: String) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var text =
            "\(folder): \(count(report.lessons, "lesson")), \(count(report.steps, "step")), "
            + "\(count(report.questions, "question")), \(count(report.concepts, "concept"))"
        text += report.problems.isEmpty ? "; no problems" : "; " + count(report.problems.count, "problem")
        if let played {
            let proven = played.flatMap(\.steps).filter(\.passed).count
            let total = played.reduce(0) { $0 + $1.steps.count + $1.skipped }
            let wrong = played.flatMap(\.steps).flatMap(\.wrongAttempts)
            text += "; played \(proven) of \(count(total, "step"))"
            text += ", \(wrong.filter(\.rejected).count) of \(count(wrong.count, "wrong attempt")) rejected"
        }
        let ok = report.problems.isEmpty && (played?.allSatisfy(\.passed) ?? true)
        return style.verdict(text + ".", ok: ok)
    }
}

/// `lint --json`: the counts, every problem, and with `--play` each lesson's steps.
struct LintJSON: Encodable {
    struct Problem: Encodable {
        var code: String
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
    }

    var lessons: Int
    var steps: Int
    var questions: Int
    var concepts: Int
    var problems: [Problem]
    var played: [StepPlayer.LessonResult]?
    var cues: Cues

    /// The guessing cues of the bank (see `QuizCues`).
    struct Cues: Encodable {
        var single: Int
        var longestKey: Int
        var trueFalse: Int
        var trueKeys: Int
        var multiple: Int
        var allButOne: Int
        var rightCounts: [String: Int]
        var cueGuesserScore: Double
        var randomGuesserScore: Double

        init(_ cues: QuizCues) {
            single = cues.single
            longestKey = cues.longestKey
            trueFalse = cues.trueFalse
            trueKeys = cues.trueKeys
            multiple = cues.multiple
            allButOne = cues.allButOne
            rightCounts = Dictionary(uniqueKeysWithValues: cues.rightCounts.map { (String($0.key), $0.value) })
            cueGuesserScore = cues.cueGuesserScore
            randomGuesserScore = cues.randomGuesserScore
        }
    }

    init(report: LintReport, played: [StepPlayer.LessonResult]?) {
        lessons = report.lessons
        steps = report.steps
        questions = report.questions
        concepts = report.concepts
        problems = report.problems.map {
            Problem(code: $0.code.rawValue, message: $0.message, file: $0.file, line: $0.line, column: $0.column)
        }
        self.played = played
        cues = Cues(report.cues)
    }
}
