import Course
import PipelineEngine

extension LabSession {
    /// The lessons in the content folder, or an error saying how to point the lab at them.
    func lessonCatalog() throws -> LessonCatalog {
        guard let content else {
            throw LabError(
                "content.missing",
                "cannot find the course content (a Lessons/ folder); pass --content DIR or set CICDLAB_CONTENT")
        }
        return try LessonCatalog.load(from: content.lessonsDirectory)
    }

    /// Picks up the lesson the profile was reading in an earlier session, for the prompt.
    func restoreReadingPosition() {
        currentLesson = try? store().readingPosition(profile: profile())?.lessonID
    }

    /// Credits the time on the page last shown and stops the clock (when the REPL closes or
    /// the profile changes), so the gap until the next session is not counted.
    func stopReadingClock() {
        guard currentLesson != nil, let store = try? store(), let profile = try? profile() else { return }
        try? store.stopReadingClock(profile: profile)
    }
}
