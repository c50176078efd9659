import ArgumentParser
import Course
import PipelineEngine

/// `lessons`: every lesson with its status and a progress bar.
struct LessonsCommand: LabCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons", abstract: "List the lessons with your progress in each.")

    static var completion: CommandCompletion { CommandCompletion(values: .none) }

    func run(in session: LabSession) throws -> Int32 {
        guard let content = session.content else {
            throw LabError("content.missing",
                           "cannot find the course content (a Lessons/ folder); pass --content DIR or set CICDLAB_CONTENT")
        }
        let catalog = try LessonCatalog.load(from: content.lessonsDirectory)
        let progress = try session.store().lessonProgress(profile: session.profile())
        let rows = catalog.lessons.map { lesson -> LessonRow in
            let done = progress[lesson.id]
            let status = done.map { $0.completed ? "done" : "in progress" } ?? "not started"
            return LessonRow(id: lesson.id, title: lesson.title, status: status, concepts: lesson.meta.concepts,
                             pages: lesson.pages.count, pagesRead: done?.pagesRead ?? 0)
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
        var table = TextTable(headers: ["LESSON", "TITLE", "STATUS", "PROGRESS"])
        for row in rows {
            let fraction = row.pages > 0 ? Double(row.pagesRead) / Double(row.pages) : 0
            let status = row.status == "done" ? style.green(row.status)
                : row.status == "in progress" ? style.yellow(row.status) : style.dim(row.status)
            table.append([row.id, row.title, status,
                          "[" + pad(Charts.bar(fraction, width: 10), 10) + "] \(row.pagesRead)/\(row.pages) pages"])
        }
        session.console.line(table.render(style))
        return 0
    }

    struct LessonRow: Encodable {
        var id: String
        var title: String
        var status: String
        var concepts: [String]
        var pages: Int
        var pagesRead: Int

        enum CodingKeys: String, CodingKey {
            case id, title, status, concepts, pages
            case pagesRead = "pages_read"
        }
    }
}
