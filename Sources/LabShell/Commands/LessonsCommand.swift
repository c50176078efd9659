import ArgumentParser
import Course
import PipelineEngine

/// `lessons`: every lesson with its status and a progress bar.
struct LessonsCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.learning

    static let configuration = CommandConfiguration(
        commandName: "lessons", abstract: "List the lessons with your progress in each.")

    static var completion: CommandCompletion { CommandCompletion(values: .none) }

    func run(in session: LabSession) throws -> Int32 {
        let catalog = try session.catalog()
        let store = try session.store()
        let profile = try session.profile()
        let progress = try store.lessonProgress(profile: profile)
        let current = try store.readingPosition(profile: profile)?.lessonID
        let rows = try catalog.lessons.map { lesson -> LessonRow in
            let done = progress[lesson.id]
            let status = done.map { $0.completed ? "done" : "in progress" } ?? "not started"
            return LessonRow(
                number: lesson.number, id: lesson.id, title: lesson.title, status: status,
                concepts: lesson.meta.concepts,
                steps: try lesson.stepCount(), questions: try lesson.questionCount(),
                pages: lesson.pages.count, pagesRead: done?.pagesRead ?? 0,
                stepsDone: done?.stepsDone ?? 0, secondsSpent: done?.secondsSpent ?? 0,
                current: lesson.id == current)
        }
        if session.wantsJSON {
            try session.console.json(rows)
            return 0
        }
        if rows.isEmpty {
            session.console.line("No lessons found in \(catalog.directory).")
            return 0
        }
        let style = session.style
        session.console.line(Self.table(rows, style: style))
        // A learner who has not opened a lesson yet is told how to, so the list is a way in.
        let tip =
            current != nil
            ? "* marks the lesson you are reading; `lesson` or `next` goes on where you left off."
            : "Type `lesson \(rows[0].number.map(String.init) ?? rows[0].id)` to begin, or `lesson N` (a number or id) for another."
        let note = WordWrapper(style: style)
        session.console.line(
            "\n"
                + note.wrap(note.tokens([InlineRun(text: tip, style: .dim)]), width: style.width).joined(
                    separator: "\n"))
        return 0
    }

    /// The lessons as a table that fits the terminal: titles wrap, and when even then the
    /// page and step counts do not fit, the progress column shows a percentage instead.
    static func table(_ rows: [LessonRow], style: TerminalStyle) -> String {
        let bars = rows.map { row -> (bar: String, counts: String, percent: String) in
            let total = row.pages + row.steps
            let done = min(row.pagesRead, row.pages) + min(row.stepsDone, row.steps)
            let fraction = total > 0 ? Double(done) / Double(total) : 0
            var counts = "\(row.pagesRead)/\(row.pages) pages"
            if row.steps > 0 { counts += ", \(row.stepsDone)/\(row.steps) steps" }
            return ("[" + pad(Charts.bar(fraction, width: 10), 10) + "]", counts, "\(Int((fraction * 100).rounded()))%")
        }
        let idWidth = max(6, rows.map { displayWidth($0.id) }.max() ?? 0)
        let numberWidth = max(1, rows.map { $0.number.map { String($0).count } ?? 0 }.max() ?? 0)
        var fixed = 1 + numberWidth + "not started".count + "PROGRESS".count + 4 * 2
        // The id column goes first on a narrow terminal: `lesson N` takes the number as well.
        let showsID = rows.contains { $0.number == nil } || style.width - fixed - (idWidth + 2) - 16 >= 16
        if showsID { fixed += idWidth + 2 }
        let fullProgress = bars.map { displayWidth($0.bar + " " + $0.counts) }.max() ?? 0
        let titleNeeds = min(24, rows.map { displayWidth($0.title) }.max() ?? 0)
        let useCounts = style.width - fixed - fullProgress >= titleNeeds
        // Narrower still, the bar goes and the percentage stays, so no row is folded.
        let useBar = useCounts || style.width - fixed - 16 >= 10
        let progressWidth = useCounts ? fullProgress : useBar ? 16 : 4
        let titleWidth = max(10, style.width - fixed - max(0, progressWidth - "PROGRESS".count))

        let wrapper = WordWrapper(style: style)
        // The number is what `lesson 5` takes, as well as the id. Only titles wrap.
        let headers = ["", "#"] + (showsID ? ["LESSON"] : []) + ["TITLE", "STATUS", "PROGRESS"]
        let titleColumn = showsID ? 3 : 2
        var table = TextTable(
            headers: headers, rightAligned: [1],
            keptWhole: Set(headers.indices).subtracting([titleColumn]))
        for (row, bar) in zip(rows, bars) {
            let status =
                row.status == "done"
                ? style.green(row.status)
                : row.status == "in progress" ? style.yellow(row.status) : style.dim(row.status)
            let title = wrapper.wrap(wrapper.tokens([InlineRun(text: row.title, style: [])]), width: titleWidth)
            let progress = useBar ? bar.bar + " " + (useCounts ? bar.counts : bar.percent) : bar.percent
            let id = showsID ? [row.id] : []
            table.append(
                [row.current ? "*" : " ", row.number.map(String.init) ?? ""] + id + [title[0], status, progress])
            for more in title.dropFirst() {
                table.appendContinuation(["", ""] + (showsID ? [""] : []) + [more, "", ""])
            }
        }
        return table.render(style).split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    /// One lesson in the list, also its `--json` shape: DESIGN's `id`, `title`, `status`,
    /// `concepts`, `steps`, `questions` (counts), and the reading progress besides.
    struct LessonRow: Encodable {
        /// The number of the lesson's folder, which `lesson N` opens; nil when it has none.
        var number: Int?
        var id: String
        var title: String
        var status: String
        var concepts: [String]
        var steps: Int
        var questions: Int
        var pages: Int
        var pagesRead: Int
        var stepsDone: Int
        var secondsSpent: Double
        var current: Bool

        enum CodingKeys: String, CodingKey {
            case number, id, title, status, concepts, steps, questions, pages, current
            case pagesRead = "pages_read"
            case stepsDone = "steps_done"
            case secondsSpent = "seconds_spent"
        }
    }
}
