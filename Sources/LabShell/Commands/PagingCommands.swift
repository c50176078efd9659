import ArgumentParser
import Course

/// `next`: the next page of the lesson being read; past the last, what to do next.
struct NextCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.learning

    static let configuration = CommandConfiguration(
        commandName: "next", abstract: "Show the next page of the lesson.")

    static var completion: CommandCompletion { CommandCompletion(values: .none) }

    func run(in session: LabSession) throws -> Int32 {
        let reader = try LessonReader(session: session)
        let (lesson, page) = try reader.position()
        if page + 1 < lesson.pages.count {
            try reader.show(lesson, page: page + 1)
        } else {
            try reader.finish(lesson)
        }
        return 0
    }
}

/// `back`: the previous page of the lesson being read.
struct BackCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.learning

    static let configuration = CommandConfiguration(
        commandName: "back", abstract: "Show the previous page of the lesson.")

    static var completion: CommandCompletion { CommandCompletion(values: .none) }

    func run(in session: LabSession) throws -> Int32 {
        let reader = try LessonReader(session: session)
        let (lesson, page) = try reader.position()
        if page > 0 {
            try reader.show(lesson, page: page - 1)
        } else if session.wantsJSON {
            try session.console.json(["lesson": lesson.id, "message": "This is the first page."])
        } else {
            session.console.line(
                MarkdownRenderer(style: session.style).render(
                    "This is the first page of **\(lesson.title)**; `next` goes on."))
        }
        return 0
    }
}
