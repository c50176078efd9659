import Foundation

@testable import Course

/// A temporary folder for one test, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// The sample quiz in Fixtures/quiz.yaml, as lesson `01-why-ml-differs`.
func fixtureQuestions() throws -> [Question] {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/quiz.yaml").path
    return try QuizLoader.load(path: path, lessonId: "01-why-ml-differs", displayPath: "Fixtures/quiz.yaml")
}

func fixtureBank() throws -> QuestionBank { try QuestionBank(fixtureQuestions()) }

func fixtureQuestion(_ id: String) throws -> Question {
    try fixtureBank().question(id: id)!
}

/// A clock the test moves by hand, so that answer times are exact.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var moment: Date

    init(_ start: Date) { moment = start }

    var now: Date { lock.withLock { moment } }

    func advance(_ seconds: TimeInterval) { lock.withLock { moment = moment.addingTimeInterval(seconds) } }

    func set(_ date: Date) { lock.withLock { moment = date } }
}
