import Course
import Foundation
import LabSupport
import PipelineEngine

/// Opens lessons and shows their pages, telling the lesson's ``LessonProgressTracker`` of each
/// page view as it happens.
///
/// `lesson`, `next` and `back` share it: it finds lessons in the catalog, knows where the
/// learner is reading, draws a page with its header and footer, and says what comes after the
/// last page. It mentions only commands that exist in the command table.
struct LessonReader {
    let session: LabSession
    let catalog: LessonCatalog
    let store: ProgressStore
    let profile: String

    init(session: LabSession) throws {
        self.session = session
        catalog = try session.catalog()
        store = try session.store()
        profile = try session.profile()
    }

    /// The bookkeeping of the learner's progress in `lesson`.
    func progress(in lesson: Lesson) -> LessonProgressTracker {
        LessonProgressTracker(store: store, profile: profile, lesson: lesson)
    }

    /// The lesson `reference` names (id, folder name or number).
    func lesson(named reference: String) throws -> Lesson {
        if let lesson = catalog.lesson(reference) { return lesson }
        let names = catalog.lessons.flatMap { [$0.id, URL(fileURLWithPath: $0.directory).lastPathComponent] }
        var message = "no lesson '\(reference)' in \(catalog.directory)"
        if let guess = closestMatch(to: reference, among: names) {
            message += ". Did you mean '\(guess)'?"
        } else {
            message += "; `lessons` lists them"
        }
        throw LabError(.lessonUnknown, message)
    }

    /// Where the learner is reading and that lesson, or an error saying how to open one.
    func position() throws -> (lesson: Lesson, page: Int) {
        guard let position = try store.readingPosition(profile: profile) else {
            throw LabError(.lessonNoneOpen, "no lesson is open yet; `lessons` lists them and `lesson ID` opens one")
        }
        guard let lesson = catalog.lesson(position.lessonID) else {
            throw LabError(
                .lessonGone,
                "the lesson you were reading, '\(position.lessonID)', is not in \(catalog.directory) any more; `lessons` lists them"
            )
        }
        return (lesson, min(position.page, max(0, lesson.pages.count - 1)))
    }

    /// The page to open `lesson` at: where the learner left it, or its first page.
    func resumePage(of lesson: Lesson) throws -> Int {
        let page = try store.lessonProgress(profile: profile)[lesson.id]?.currentPage ?? 0
        return min(max(0, page), max(0, lesson.pages.count - 1))
    }

    /// Shows `page` (0-based) of `lesson` and records it; `opening` adds the prerequisite tip.
    func show(_ lesson: Lesson, page: Int, opening: Bool = false) throws {
        guard !lesson.pages.isEmpty else {
            throw LabError(
                .lessonNoPages, "lesson '\(lesson.id)' has no pages; each page starts with a `## ` heading",
                file: lesson.lessonFile)
        }
        let steps = try lesson.stepCount()
        let recorded = try progress(in: lesson).recordPageView(page, stepCount: steps)
        session.currentLesson = lesson.id
        let suggested = opening ? try unfinishedPrerequisites(of: lesson) : []
        if session.wantsJSON {
            let shown = lesson.pages[page]
            try session.console.json(
                PageReport(
                    lesson: lesson.id, title: lesson.title, page: page + 1, pages: lesson.pages.count,
                    pageTitle: shown.title, markdown: shown.markdown, minutes: lesson.meta.minutes,
                    suggestedFirst: suggested.map(\.id), pagesRead: recorded.pagesRead, completed: recorded.completed))
            return
        }
        let view = PageView(
            lesson: lesson, page: page, suggestedFirst: suggested,
            showsSteps: steps > 0 && CommandTable.command(named: "steps") != nil)
        session.console.line(view.render(session.style))
    }

    /// Tells the learner the lesson's pages are done (or which are unread) and what to do next;
    /// stops the reading clock.
    func finish(_ lesson: Lesson) throws {
        let tracker = progress(in: lesson)
        try tracker.stopReadingClock()
        let unread = try tracker.unreadPages()
        let completed = try tracker.isCompleted()
        let index = catalog.lessons.firstIndex { $0.id == lesson.id }
        let following = index.flatMap { $0 + 1 < catalog.lessons.count ? catalog.lessons[$0 + 1] : nil }
        var actions: [String] = []
        if try lesson.stepCount() > 0, CommandTable.command(named: "steps") != nil {
            actions.append("`steps` for the hands-on part")
        }
        if try lesson.questionCount() > 0, CommandTable.command(named: "quiz") != nil {
            actions.append("`quiz \(lesson.id)` to test yourself")
        }
        if session.wantsJSON {
            try session.console.json(
                FinishReport(
                    lesson: lesson.id, pagesDone: unread.isEmpty,
                    unreadPages: unread.map { $0 + 1 }, completed: completed,
                    nextLesson: following?.id))
            return
        }
        var text: [String] = []
        if unread.isEmpty {
            text.append(
                "You have read all \(lesson.pages.count) pages of **\(lesson.title)**."
                    + (completed ? " Lesson complete." : ""))
        } else {
            let list = unread.map { "`lesson \(lesson.id) --section \($0 + 1)`" }.joined(separator: ", ")
            text.append(
                "That was the last page of **\(lesson.title)**; "
                    + (unread.count == 1 ? "one page is" : "\(unread.count) pages are") + " still unread: \(list).")
        }
        if !actions.isEmpty { text.append("Next: " + actions.joined(separator: ", ") + ".") }
        if let following {
            text.append((actions.isEmpty ? "Next: " : "Then: ") + "`lesson \(following.id)` (\(following.title)).")
        } else {
            text.append("That was the last lesson; `lessons` shows your progress.")
        }
        session.console.line(MarkdownRenderer(style: session.style).render(text.joined(separator: "\n\n")))
    }

    /// The lesson's prerequisites (in the catalog) that the learner has not completed.
    func unfinishedPrerequisites(of lesson: Lesson) throws -> [Lesson] {
        let progress = try store.lessonProgress(profile: profile)
        return lesson.meta.prerequisites.compactMap { catalog.lesson($0) }.filter {
            !(progress[$0.id]?.completed ?? false)
        }
    }
}

/// `lesson`, `next` and `back` with `--json`: the page shown and the learner's progress.
struct PageReport: Encodable {
    var lesson: String
    var title: String
    var page: Int
    var pages: Int
    var pageTitle: String
    var markdown: String
    var minutes: Int
    var suggestedFirst: [String]
    var pagesRead: Int
    var completed: Bool

    enum CodingKeys: String, CodingKey {
        case lesson, title, page, pages, markdown, minutes, completed
        case pageTitle = "page_title"
        case suggestedFirst = "suggested_first"
        case pagesRead = "pages_read"
    }
}

/// `next` past the last page with `--json`.
struct FinishReport: Encodable {
    var lesson: String
    var pagesDone: Bool
    var unreadPages: [Int]
    var completed: Bool
    var nextLesson: String?

    enum CodingKeys: String, CodingKey {
        case lesson, completed
        case pagesDone = "pages_done"
        case unreadPages = "unread_pages"
        case nextLesson = "next_lesson"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lesson, forKey: .lesson)
        try c.encode(pagesDone, forKey: .pagesDone)
        try c.encode(unreadPages, forKey: .unreadPages)
        try c.encode(completed, forKey: .completed)
        try c.encode(nextLesson, forKey: .nextLesson)
    }
}
