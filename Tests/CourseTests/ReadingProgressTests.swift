import Foundation
import GRDB
import PipelineEngine
import Testing

@testable import Course
@testable import LabSupport

/// Page views, the reading position and the time spent, as `lesson`, `next` and `back` record them.
@Suite struct ReadingProgressTests {
    let directory: String
    let store: ProgressStore
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-reading-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try ProgressStore(path: directory + "/progress.sqlite")
        try store.ensureProfile("ada", now: start)
        try store.ensureProfile("bob", now: start)
    }

    func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }

    @Test func aPageViewMovesThePositionAndMarksThePageRead() throws {
        #expect(try store.readingPosition(profile: "ada") == nil)
        try store.recordPageView(profile: "ada", lesson: "intro", page: 0, pageCount: 3, stepCount: 0, now: at(0))
        try store.recordPageView(profile: "ada", lesson: "intro", page: 1, pageCount: 3, stepCount: 0, now: at(30))
        #expect(
            try store.readingPosition(profile: "ada") == ReadingPosition(lessonID: "intro", page: 1, viewedAt: at(30)))
        #expect(try store.pagesRead(profile: "ada", lesson: "intro") == [0, 1])
        #expect(try store.readingPosition(profile: "bob") == nil)
    }

    @Test func timeBetweenViewsIsCreditedToThePreviousLessonAndCappedPerView() throws {
        try store.recordPageView(profile: "ada", lesson: "intro", page: 0, pageCount: 3, stepCount: 0, now: at(0))
        try store.recordPageView(profile: "ada", lesson: "intro", page: 1, pageCount: 3, stepCount: 0, now: at(45))
        // Left overnight: the view counts ProgressStore.readingIdleCap (600 s), not 10 hours.
        try store.recordPageView(profile: "ada", lesson: "drift", page: 0, pageCount: 2, stepCount: 0, now: at(36_045))
        try store.recordPageView(profile: "ada", lesson: "drift", page: 1, pageCount: 2, stepCount: 0, now: at(36_065))
        let progress = try store.lessonProgress(profile: "ada")
        #expect(progress["intro"]?.secondsSpent == 645)
        #expect(progress["drift"]?.secondsSpent == 20)
    }

    @Test func stoppingTheClockCreditsTheLastPageOnceAndKeepsThePosition() throws {
        try store.recordPageView(profile: "ada", lesson: "intro", page: 2, pageCount: 3, stepCount: 0, now: at(0))
        try store.stopReadingClock(profile: "ada", now: at(90))
        try store.stopReadingClock(profile: "ada", now: at(500))
        #expect(try store.lessonProgress(profile: "ada")["intro"]?.secondsSpent == 90)
        #expect(try store.readingPosition(profile: "ada") == ReadingPosition(lessonID: "intro", page: 2, viewedAt: nil))
        // The next session's first view starts the clock again without counting the gap.
        try store.recordPageView(profile: "ada", lesson: "intro", page: 2, pageCount: 3, stepCount: 0, now: at(9_000))
        #expect(try store.lessonProgress(profile: "ada")["intro"]?.secondsSpent == 90)
    }

    @Test func aLessonIsCompletedWhenEveryPageIsReadAndEveryStepDone() throws {
        for page in 0..<3 {
            let progress = try store.recordPageView(
                profile: "ada", lesson: "intro", page: page, pageCount: 3,
                stepCount: 0, now: at(Double(page)))
            #expect(progress.completed == (page == 2))
        }
        let withSteps = try store.recordPageView(
            profile: "ada", lesson: "gates", page: 0, pageCount: 1,
            stepCount: 1, now: at(10))
        #expect(withSteps.pagesRead == 1)
        #expect(!withSteps.completed)
        try store.pool.write { db in
            try db.execute(
                sql:
                    "INSERT INTO step_completion (profile, lesson_id, step_id, completed_at) VALUES ('ada', 'gates', 'run', ?)",
                arguments: [at(20)])
        }
        #expect(
            try store.completeLessonIfFinished(profile: "ada", lesson: "gates", pageCount: 1, stepCount: 1, now: at(20))
        )
    }

    @Test func theMigrationAddsAReadingTableThatFollowsItsProfile() throws {
        #expect(try store.appliedMigrations().contains("v2-reading-position"))
        try store.recordPageView(profile: "bob", lesson: "intro", page: 0, pageCount: 1, stepCount: 0, now: at(0))
        try store.pool.write { db in try db.execute(sql: "DELETE FROM profile WHERE name = 'bob'") }
        #expect(try store.readingPosition(profile: "bob") == nil)
    }
}

/// How many steps and questions a lesson has, counted from `steps.yaml` and `quiz.yaml`.
@Suite struct LessonCountTests {
    func count(_ yaml: String?, key: String = "steps") throws -> Int {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-count-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        if let yaml { try yaml.write(toFile: dir + "/steps.yaml", atomically: true, encoding: .utf8) }
        return try Lesson.countEntries(in: dir + "/steps.yaml", key: key)
    }

    @Test(
        arguments: [
            (nil, 0),
            ("", 0),
            ("steps:\n", 0),
            ("steps: []\n", 0),
            ("steps:\n  - id: a\n    title: A\n  - id: b\n    title: B\n", 2),
            ("- id: a\n- id: b\n- id: c\n", 3),
        ] as [(String?, Int)])
    func countsTheListUnderItsKeyOrABareList(yaml: String?, expected: Int) throws {
        #expect(try count(yaml) == expected)
    }

    @Test(arguments: [
        ("# steps\nsteps: three\n", "steps", "`steps` should be a list of entries, each starting with `- `", 2),
        ("steps:\n  - id: a\n", "questions", "expected a `questions:` list at the top, found `steps`", 1),
        ("just text\n", "steps", "expected a `steps:` list, found a single value", 1),
    ])
    func otherShapesAreErrorsThatNameTheFileAndLine(yaml: String, key: String, message: String, line: Int) {
        do {
            _ = try count(yaml, key: key)
            Issue.record("expected an error for \(yaml)")
        } catch let error as LabError {
            #expect(error.code == "lesson.not_a_list")
            #expect(error.message == message)
            #expect(error.line == line)
            #expect(error.file?.hasSuffix("/steps.yaml") == true)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
