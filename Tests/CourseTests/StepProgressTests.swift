import Foundation
import GRDB
import Testing

@testable import Course

/// Steps done and hints seen, as `check` and `hint` record them, and the time spent on steps.
@Suite struct StepProgressTests {
    let directory: String
    let store: ProgressStore
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-steps-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try ProgressStore(path: directory + "/progress.sqlite")
        try store.ensureProfile("ada", now: start)
    }

    func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }

    @Test func hintsAreCountedBeforeAndAfterTheStepIsDone() throws {
        #expect(try store.stepRecords(profile: "ada", lesson: "gates").isEmpty)
        #expect(try store.recordHintShown(profile: "ada", lesson: "gates", step: "run", now: at(0)) == 1)
        #expect(try store.recordHintShown(profile: "ada", lesson: "gates", step: "run", now: at(5)) == 2)
        #expect(
            try store.stepRecords(profile: "ada", lesson: "gates")
                == ["run": StepRecord(stepID: "run", completedAt: nil, hintsUsed: 2)])
        try store.recordStepDone(profile: "ada", lesson: "gates", step: "run", pageCount: 1, stepCount: 2, now: at(9))
        #expect(
            try store.stepRecords(profile: "ada", lesson: "gates")
                == ["run": StepRecord(stepID: "run", completedAt: at(9), hintsUsed: 2)])
        try store.recordHintShown(profile: "ada", lesson: "gates", step: "run", now: at(12))
        let stored = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT hints_used FROM step_completion WHERE step_id = 'run'")
        }
        #expect(stored == 3, "step_completion.hints_used follows the hints seen")
    }

    @Test func aStepIsDoneOnceAndTheLastOneCompletesTheLesson() throws {
        try store.recordPageView(profile: "ada", lesson: "gates", page: 0, pageCount: 1, stepCount: 2, now: at(0))
        let first = try store.recordStepDone(
            profile: "ada", lesson: "gates", step: "a", pageCount: 1, stepCount: 2, now: at(10))
        #expect(first == StepCompletion(newlyDone: true, lessonCompleted: false))
        let again = try store.recordStepDone(
            profile: "ada", lesson: "gates", step: "a", pageCount: 1, stepCount: 2, now: at(20))
        #expect(again == StepCompletion(newlyDone: false, lessonCompleted: false))
        #expect(try store.stepRecords(profile: "ada", lesson: "gates")["a"]?.completedAt == at(10))
        let last = try store.recordStepDone(
            profile: "ada", lesson: "gates", step: "b", pageCount: 1, stepCount: 2, now: at(30))
        #expect(last == StepCompletion(newlyDone: true, lessonCompleted: true))
        #expect(try store.lessonProgress(profile: "ada")["gates"]?.stepsDone == 2)
    }

    @Test func timeOnStepsIsCreditedToTheLessonAndCapped() throws {
        try store.recordPageView(profile: "ada", lesson: "gates", page: 0, pageCount: 1, stepCount: 1, now: at(0))
        // Past the last page the reading clock stops; working on the steps starts it again.
        try store.stopReadingClock(profile: "ada", now: at(30))
        try store.recordStepActivity(profile: "ada", lesson: "gates", now: at(100))
        try store.recordHintShown(profile: "ada", lesson: "gates", step: "a", now: at(160))
        try store.recordStepDone(profile: "ada", lesson: "gates", step: "a", pageCount: 1, stepCount: 1, now: at(5_000))
        // 30 s reading, the gap until the steps not counted, 60 s to the hint, then capped at 600 s.
        #expect(try store.lessonProgress(profile: "ada")["gates"]?.secondsSpent == 690)
    }

    @Test func theHintTableIsAMigrationOfItsOwn() throws {
        #expect(try store.appliedMigrations().contains("v3-step-hints"))
        try store.recordHintShown(profile: "ada", lesson: "gates", step: "a", now: at(0))
        try store.pool.write { db in try db.execute(sql: "DELETE FROM profile WHERE name = 'ada'") }
        let left = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM step_hint") }
        #expect(left == 0, "hints go with their profile")
    }
}
