import Foundation

/// One learner's bookkeeping in one lesson: the pages read, the steps done, the hints seen and
/// the time spent, kept in the ``ProgressStore``, and whether the lesson is complete.
///
/// The shell shows pages and checks steps, then tells the tracker what happened; the tracker
/// decides what that means for the learner's progress (a lesson is complete when every page
/// is read and every step done).
package struct LessonProgressTracker {
    package let store: ProgressStore
    package let profile: String
    package let lesson: Lesson

    package init(store: ProgressStore, profile: String, lesson: Lesson) {
        self.store = store
        self.profile = profile
        self.lesson = lesson
    }

    /// Records that `page` (0-based) was shown: it is read, the reading position moves to it,
    /// and the time since the previous page view (capped) is credited to the lesson.
    ///
    /// `stepCount` is the lesson's number of steps when the caller has already read
    /// `steps.yaml`; otherwise it is read here.
    package func recordPageView(_ page: Int, stepCount: Int? = nil) throws -> LessonProgress {
        try store.recordPageView(
            profile: profile, lesson: lesson.id, page: page,
            pageCount: lesson.pages.count, stepCount: try stepCount ?? lesson.stepCount())
    }

    /// Credits the time on the page last shown and stops the clock, so the time until the
    /// learner comes back is not counted.
    package func stopReadingClock() throws {
        try store.stopReadingClock(profile: profile)
    }

    /// The pages not read yet (0-based), in order.
    package func unreadPages() throws -> [Int] {
        let read = try store.pagesRead(profile: profile, lesson: lesson.id)
        return lesson.pages.indices.filter { !read.contains($0) }
    }

    /// Whether the lesson is complete: every page read and every step done.
    package func isCompleted() throws -> Bool {
        try store.lessonProgress(profile: profile)[lesson.id]?.completed ?? false
    }

    /// The learner's records of the lesson's steps, by step id.
    package func stepRecords() throws -> [String: StepRecord] {
        try store.stepRecords(profile: profile, lesson: lesson.id)
    }

    /// Records that the check of `step` passed, of the lesson's `stepCount` steps; completes
    /// the lesson if that was the last thing to do.
    package func recordStepDone(_ step: String, of stepCount: Int) throws -> StepCompletion {
        try store.recordStepDone(
            profile: profile, lesson: lesson.id, step: step, pageCount: lesson.pages.count, stepCount: stepCount)
    }

    /// Records that one more hint of `step` was shown; returns how many it has seen now.
    package func recordHintShown(_ step: String) throws -> Int {
        try store.recordHintShown(profile: profile, lesson: lesson.id, step: step)
    }

    /// Credits the time spent on the steps up to now.
    package func recordStepActivity() throws {
        try store.recordStepActivity(profile: profile, lesson: lesson.id)
    }
}
