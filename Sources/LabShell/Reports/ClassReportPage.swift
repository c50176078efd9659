import Course
import Foundation

/// `class report --html` as a page: the summary, the flagged questions, mastery per learner and
/// concept, lessons completed per learner, and the item table with option shares.
///
/// Every figure carries its exact value under a key that names its place in `--json`
/// (`item.broken-key.facility`, `mastery.ann.drift-metrics`), so a test can compare the two.
enum ClassReportPage {
    static func render(_ report: ClassReport, now: Date = Date()) -> String {
        var page = HTMLPage(
            title: "Class report",
            subtitle: "\(report.summary.learners) learners · report made \(RunReportPage.timestamp(now))")
        let summary = report.summary
        page.section(
            "Summary", id: "summary",
            "<div class=\"cards\">"
                + RunReportPage.card("learners", count("summary.learners", summary.learners))
                + RunReportPage.card(
                    "questions answered", count("summary.questions_answered", summary.questionsAnswered))
                + RunReportPage.card("answers", count("summary.answers", summary.answers))
                + RunReportPage.card("flagged questions", count("summary.flagged_questions", summary.flaggedQuestions))
                + "</div>")
        page.section("Questions to look at", id: "flags", flags(report))
        page.section("Mastery by learner and concept", id: "mastery", mastery(report))
        page.section("Lessons completed", id: "lessons", lessons(report))
        page.section("Item analysis", id: "items", items(report))
        return page.render()
    }

    static func count(_ key: String, _ value: Int) -> String {
        HTML.figure(key, Double(value), shown: "\(value)")
    }

    static func flags(_ report: ClassReport) -> String {
        var html =
            "<p>Questions answered by fewer than \(report.minimumLearnersForFlags) learners are shown below "
            + "but not flagged.</p>"
        guard !report.flags.isEmpty else { return html + "<p>" + HTML.badge("none flagged", tone: .good) + "</p>" }
        html += HTML.table(
            ["where", "question", "flag", "why"],
            report.flags.map { flag in
                [
                    "<code>\(HTML.escape("\(flag.file):\(flag.line)"))</code>",
                    "<code>\(HTML.escape(flag.question))</code>",
                    HTML.badge(flag.kind.rawValue.replacingOccurrences(of: "_", with: " "), tone: .warn),
                    HTML.escape(flag.reason),
                ]
            })
        for item in report.items where !item.flags.isEmpty && !item.options.isEmpty {
            html += optionChart(item)
        }
        return html
    }

    /// A flagged choice question's option shares, all learners beside the upper group.
    static func optionChart(_ item: ItemAnalysis) -> String {
        let labels = item.options.map { $0.option + ($0.key ? " (key)" : "") }
        let overall = item.options.map(\.share)
        let upper = item.options.map(\.upperShare)
        let svg = PairedBars.draw(
            labels: labels, reference: overall, current: upper, patternID: "hatch-\(item.question)",
            legend: ("everyone", "upper group"))
        return ChartFigure(
            id: "options-\(item.question)", title: "Options of \(item.question)",
            description: "The share of first attempts choosing each option of \(item.question), all "
                + "\(item.learners) learners (solid) against the upper group of \(item.groupSize) (hatched).",
            svg: svg,
            alternative: HTML.table(
                ["option", "all learners", "upper group"],
                item.options.indices.map {
                    [HTML.escape(labels[$0]), HTML.percent(overall[$0]), HTML.percent(upper[$0])]
                })
        ).render()
    }

    static func mastery(_ report: ClassReport) -> String {
        guard !report.learners.isEmpty, !report.concepts.isEmpty else { return "<p>No concept asked yet.</p>" }
        let rows = report.learners.map(\.profile)
        // Only the concepts someone was asked: a course has dozens, a class session a few.
        let asked = report.concepts.indices.filter { index in
            report.learners.contains { index < $0.mastery.count && $0.mastery[index].asked > 0 }
        }
        guard !asked.isEmpty else { return "<p>No concept asked yet.</p>" }
        let concepts = asked.map { report.concepts[$0] }
        let values = report.learners.map { learner in asked.map { learner.mastery[$0].mastery } }
        let alternative = HTML.table(
            ["learner"] + concepts,
            report.learners.map { learner in
                [HTML.escape(learner.profile)]
                    + asked.map { learner.mastery[$0] }.map { cell in
                        HTML.figure(
                            "mastery.\(learner.profile).\(cell.concept)", cell.mastery,
                            shown: cell.mastery.map { "\(HTML.percent($0)) (\(cell.right)/\(cell.asked))" })
                    }
            })
        return ChartFigure(
            id: "mastery", title: "Mastery by learner and concept",
            description: "For each of \(rows.count) learners and the \(concepts.count) concepts asked, the share of "
                + "answers right (every answer counted), in percent; an empty cell where nothing was asked.",
            svg: HeatMap.draw(rows: rows, columns: concepts, values: values), alternative: alternative
        ).render()
    }

    static func lessons(_ report: ClassReport) -> String {
        let most = max(1, report.learners.map(\.lessonsCompleted).max() ?? 0)
        let rowH = 18.0
        let label = min(160.0, Double(report.learners.map(\.profile.count).max() ?? 4) * 7 + 10)
        var svg = SVGCanvas(width: 540, height: rowH * Double(report.learners.count) + 10)
        for (i, learner) in report.learners.enumerated() {
            let y = 5 + rowH * Double(i)
            svg.text(label - 6, y + 13, learner.profile, anchor: "end")
            let width = (540 - label - 40) * Double(learner.lessonsCompleted) / Double(most)
            svg.rect(label, y + 3, width, rowH - 6, fill: "var(--ref)")
            svg.text(label + width + 4, y + 13, "\(learner.lessonsCompleted)", className: "muted")
        }
        return ChartFigure(
            id: "lessons-completed", title: "Lessons completed per learner",
            description: "The number of lessons each of \(report.learners.count) learners has completed.",
            svg: svg,
            alternative: HTML.table(
                ["learner", "lessons completed", "answers"],
                report.learners.map {
                    [
                        HTML.escape($0.profile), count("lessons.\($0.profile)", $0.lessonsCompleted),
                        count("answers.\($0.profile)", $0.answers),
                    ]
                })
        ).render()
    }

    static func items(_ report: ClassReport) -> String {
        guard !report.items.isEmpty else { return "<p>No question answered yet.</p>" }
        return HTML.table(
            [
                "question", "where", "learners", "facility", "discrimination", "upper − lower", "options: all / upper",
                "flags",
            ],
            report.items.map { item in
                let key = "item.\(item.question)"
                let options = item.options.map { option in
                    "<code>\(HTML.escape(option.option))</code>\(option.key ? " (key)" : "") "
                        + HTML.figure(
                            "\(key).option.\(option.option).share", option.share, shown: HTML.percent(option.share))
                        + " / "
                        + HTML.figure(
                            "\(key).option.\(option.option).upper_share", option.upperShare,
                            shown: HTML.percent(option.upperShare))
                }
                return [
                    "<code>\(HTML.escape(item.question))</code>",
                    "<code>\(HTML.escape("\(item.file):\(item.line)"))</code>",
                    count("\(key).learners", item.learners), HTML.figure("\(key).facility", item.facility),
                    HTML.figure("\(key).discrimination", item.discrimination),
                    HTML.figure("\(key).upper_lower_index", item.upperLowerIndex),
                    options.joined(separator: "<br>"),
                    item.flaggable
                        ? (item.flags.isEmpty
                            ? HTML.badge("none", tone: .good) : HTML.badge("\(item.flags.count)", tone: .warn))
                        : HTML.badge("fewer than \(report.minimumLearnersForFlags)", tone: .neutral),
                ]
            }, className: "items")
    }
}
