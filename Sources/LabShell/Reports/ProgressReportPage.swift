import Course
import Foundation

/// What `report progress` shows: the progress report and the review forecast.
struct ProgressReportData: Encodable {
    /// Cards due on one day of the next fortnight (day 0, today, counts the overdue ones too).
    struct ForecastDay: Encodable {
        var day: Int
        var date: String
        var due: Int
    }

    /// A day's answers in the quiz history.
    struct HistoryDay: Encodable {
        var date: String
        var answers: Int
        var right: Int
    }

    var progress: ProgressReport
    var forecast: [ForecastDay]
    var history: [HistoryDay]

    init(_ progress: ProgressReport, now: Date = Date(), calendar: Calendar = .current) {
        self.progress = progress
        let today = calendar.startOfDay(for: now)
        forecast = (0..<14).map { day in
            let start = calendar.date(byAdding: .day, value: day, to: today) ?? today
            let end = calendar.date(byAdding: .day, value: 1, to: start) ?? start
            let due = progress.cards.filter { $0.due < end && (day == 0 || $0.due >= start) }.count
            return ForecastDay(day: day, date: Self.day(start, calendar), due: due)
        }
        var days: [String: (Int, Int)] = [:]
        for answer in progress.answers {
            let key = Self.day(answer.answeredAt, calendar)
            days[key, default: (0, 0)].0 += 1
            if answer.correct { days[key, default: (0, 0)].1 += 1 }
        }
        history = days.sorted { $0.key < $1.key }.map {
            HistoryDay(date: $0.key, answers: $0.value.0, right: $0.value.1)
        }
    }

    static func day(_ date: Date, _ calendar: Calendar) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}

/// `report progress` as a page: lessons and steps, quiz history, mastery per concept and the
/// review forecast.
enum ProgressReportPage {
    static func render(_ data: ProgressReportData, now: Date = Date()) -> String {
        let report = data.progress
        var page = HTMLPage(
            title: "Progress of \(report.profile)", subtitle: "report made \(RunReportPage.timestamp(now))")
        let done = report.lessons.filter { $0.status == "done" }.count
        let steps = report.lessons.reduce(0) { $0 + $1.stepsDone }
        page.section(
            "Summary", id: "summary",
            "<div class=\"cards\">"
                + RunReportPage.card(
                    "lessons done",
                    HTML.figure("lessons_done", Double(done), shown: "\(done)") + " of \(report.lessons.count)")
                + RunReportPage.card("steps done", HTML.figure("steps_done", Double(steps), shown: "\(steps)"))
                + RunReportPage.card(
                    "quiz points",
                    HTML.figure("quiz_points", report.quizPoints, shown: HTML.number(report.quizPoints))
                        + " of " + HTML.number(report.quizMaxPoints))
                + RunReportPage.card("streak", "\(report.streakDays) day\(report.streakDays == 1 ? "" : "s")")
                + "</div>")
        page.section(
            "Quiz and review", id: "quiz",
            "<div class=\"grid\">" + history(data.history) + forecast(data.forecast) + "</div>")
        page.section("Mastery by concept", id: "mastery", mastery(report.mastery))
        page.section("Lessons", id: "lessons", lessons(report.lessons))
        return page.render()
    }

    static func lessons(_ lessons: [ProgressReport.LessonLine]) -> String {
        HTML.table(
            ["lesson", "title", "status", "pages read", "steps done"],
            lessons.map { lesson in
                [
                    "<code>\(HTML.escape(lesson.id))</code>", HTML.escape(lesson.title),
                    HTML.badge(
                        lesson.status.replacingOccurrences(of: "_", with: " "),
                        tone: lesson.status == "done" ? .good : lesson.status.hasPrefix("not") ? .neutral : .warn),
                    "\(lesson.pagesRead) of \(lesson.pages)",
                    HTML.figure(
                        "lesson.\(lesson.id).steps_done", Double(lesson.stepsDone), shown: "\(lesson.stepsDone)"),
                ]
            })
    }

    static func history(_ days: [ProgressReportData.HistoryDay]) -> String {
        guard !days.isEmpty else { return "<p>No questions answered yet: <code>quiz</code> starts.</p>" }
        let series = LineChart.Series(
            name: "share right",
            points: days.enumerated().map {
                (x: Double($0.offset + 1), y: Double($0.element.right) / Double($0.element.answers))
            })
        return ChartFigure(
            id: "quiz-history", title: "Answers right per day",
            description: "The share of answers right on each of \(days.count) days with answers.",
            svg: LineChart.draw([series], xLabel: "day with answers", yRange: 0...1),
            alternative: HTML.table(
                ["date", "answers", "right"],
                days.map {
                    [
                        $0.date, "\($0.answers)",
                        HTML.figure("history.\($0.date).right", Double($0.right), shown: "\($0.right)"),
                    ]
                })
        ).render()
    }

    static func mastery(_ mastery: [ConceptMastery]) -> String {
        guard !mastery.isEmpty else { return "<p>No concept asked yet.</p>" }
        let sorted = mastery.sorted { $0.concept < $1.concept }
        let values = sorted.map { item -> [Double?] in
            [item.asked > 0 ? Double(item.right) / Double(item.asked) : nil, item.recallOnceRight]
        }
        let figure = ChartFigure(
            id: "mastery", title: "Mastery by concept",
            description: "For each of \(sorted.count) concepts, the share of answers right and the chance of "
                + "recalling it tomorrow (FSRS), in percent; an empty cell until it has been answered right.",
            svg: HeatMap.draw(rows: sorted.map(\.concept), columns: ["right", "recall"], values: values),
            alternative: HTML.table(
                ["concept", "right", "asked", "recall tomorrow"],
                sorted.map { item in
                    [
                        HTML.escape(item.concept),
                        HTML.figure("mastery.\(item.concept).right", Double(item.right), shown: "\(item.right)"),
                        HTML.figure("mastery.\(item.concept).asked", Double(item.asked), shown: "\(item.asked)"),
                        item.recallOnceRight.map { HTML.percent($0) } ?? "–",
                    ]
                }))
        return figure.render()
    }

    static func forecast(_ days: [ProgressReportData.ForecastDay]) -> String {
        let series = LineChart.Series(name: "cards due", points: days.map { (x: Double($0.day), y: Double($0.due)) })
        return ChartFigure(
            id: "review-forecast", title: "Cards due in the next 14 days",
            description: "Review cards due each day from today (day 0, with any overdue) for two weeks; "
                + "\(days.reduce(0) { $0 + $1.due }) in all.",
            svg: LineChart.draw([series], xLabel: "days from today", yRange: 0...1),
            alternative: HTML.table(
                ["day", "date", "cards due"],
                days.map {
                    ["\($0.day)", $0.date, HTML.figure("forecast.\($0.day)", Double($0.due), shown: "\($0.due)")]
                })
        ).render()
    }
}
