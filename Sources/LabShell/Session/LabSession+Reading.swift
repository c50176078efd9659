import Course

extension LabSession {
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
