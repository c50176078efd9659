import ArgumentParser
import Course
import Foundation
import LabSupport

/// `lesson [ID] [--section N]`: opens a lesson where the learner left it, or at page N.
struct LessonCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.learning

    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Open a lesson where you left off, or at page N.")

    @Argument(help: ArgumentHelp("The lesson's id, folder name or number.", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("Open at this page (1 is the first).", valueName: "n"))
    var section: Int?

    static var completion: CommandCompletion {
        CommandCompletion(
            values: .ordered { session in
                (try? session.catalog().lessons.map(\.id)) ?? []
            })
    }

    func run(in session: LabSession) throws -> Int32 {
        let reader = try LessonReader(session: session)
        let lesson: Lesson
        var page: Int
        if let id {
            lesson = try reader.lesson(named: id)
            page = try reader.resumePage(of: lesson)
        } else {
            (lesson, page) = try reader.position()
        }
        if let section {
            guard (1...max(1, lesson.pages.count)).contains(section) else {
                throw LabError(
                    .usageSection,
                    "lesson '\(lesson.id)' has \(lesson.pages.count) pages; --section takes 1 to \(lesson.pages.count), not \(section)"
                )
            }
            page = section - 1
        }
        try reader.show(lesson, page: page, opening: true)
        let sandbox = LessonSandbox(session: session, lesson: lesson)
        // Reading needs no sandbox: content without templates (an author's draft) still opens.
        if let templates = session.content?.sandboxTemplates, FileManager.default.fileExists(atPath: templates),
            try session.sandboxLesson()?.id == lesson.id, !sandbox.exists
        {
            let start = try sandbox.make(resetting: false)
            if !session.wantsJSON {
                let how = start.isEmpty ? "" : ", then " + start.map { "`\($0)`" }.joined(separator: ", ")
                session.console.line(
                    session.style.dim(
                        "This lesson has its own sandbox, made from the templates\(how); `sandbox path` shows where."))
            }
        }
        return 0
    }
}
