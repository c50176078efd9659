import Foundation
import Testing

@testable import Course

/// The bookkeeping `lesson`, `next`, `back`, `check` and `hint` leave to Course: pages read,
/// steps done, hints seen, and a lesson complete once every page is read and every step done.
@Suite struct LessonProgressTrackerTests {
    let directory: String
    let tracker: LessonProgressTracker

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-tracker-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "steps:\n  - id: run\n  - id: gate\n".write(
            toFile: directory + "/steps.yaml", atomically: true, encoding: .utf8)
        let store = try ProgressStore(path: directory + "/progress.sqlite")
        try store.ensureProfile("ada")
        let lesson = Lesson(
            meta: Lesson.FrontMatter(id: "gates", title: "Gates", summary: "", minutes: 5, concepts: []),
            pages: [
                Lesson.Page(title: "One", markdown: "", line: 1), Lesson.Page(title: "Two", markdown: "", line: 5),
            ],
            directory: directory)
        tracker = LessonProgressTracker(store: store, profile: "ada", lesson: lesson)
    }

    @Test func aLessonIsCompleteOnceEveryPageIsReadAndEveryStepDone() throws {
        #expect(try tracker.unreadPages() == [0, 1])
        let first = try tracker.recordPageView(0)
        #expect(first.pagesRead == 1)
        #expect(try tracker.unreadPages() == [1])
        _ = try tracker.recordStepDone("run", of: 2)
        _ = try tracker.recordStepDone("gate", of: 2)
        #expect(try !tracker.isCompleted())
        let last = try tracker.recordPageView(1)
        #expect(last.completed)
        #expect(try tracker.isCompleted())
        #expect(try tracker.unreadPages().isEmpty)
        try tracker.stopReadingClock()
        try FileManager.default.removeItem(atPath: directory)
    }

    @Test func stepsAndHintsAreRecordedForTheLesson() throws {
        #expect(try tracker.recordHintShown("run") == 1)
        #expect(try tracker.recordHintShown("run") == 2)
        let done = try tracker.recordStepDone("run", of: 2)
        #expect(done.newlyDone)
        try tracker.recordStepActivity()
        let records = try tracker.stepRecords()
        #expect(records["run"]?.done == true)
        #expect(records["run"]?.hintsUsed == 2)
        #expect(records["gate"] == nil)
        try FileManager.default.removeItem(atPath: directory)
    }
}
