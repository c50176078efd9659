import Course
import Foundation
import LabSupport
import PipelineEngine

/// A lesson's own sandbox: made from the templates and the lesson's `start:` commands the
/// first time the lesson needs it, and restored to that start by `sandbox reset`.
///
/// Each lesson has one per profile (`lesson-sandboxes/PROFILE/LESSON`), so whatever an earlier
/// lesson left (a failing suite, a poisoned champion, a clock two weeks on) never reaches a
/// later one, and opening another lesson never touches what the learner made in this one.
struct LessonSandbox {
    let session: LabSession
    let lesson: Lesson

    /// The sandbox's folder (a copy's, when the session works on one).
    var path: String {
        get throws { try session.workspaceOverride ?? session.lessonWorkspacePath(lesson) }
    }

    /// Whether the sandbox exists yet.
    var exists: Bool {
        (try? FileManager.default.fileExists(atPath: path + "/.lab")) ?? false
    }

    /// Makes the sandbox (or, `resetting`, clears it first): templates, then the `start:`
    /// commands, run quietly; then the first step not done begins.
    ///
    /// Returns the start commands that ran, for the learner to be told.
    @discardableResult
    func make(resetting: Bool) throws -> [String] {
        let root = try path
        try session.home.prepare()
        let manager = try session.sandboxManager()
        if resetting, FileManager.default.fileExists(atPath: root) {
            if let kept = try manager.reset(at: root) {
                session.console.line("The damaged state database was kept as \(kept).")
            }
        } else {
            try FileManager.default.createDirectory(
                atPath: (root as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            try manager.initialise(at: root)
        }
        let file = try StepLoader.loadFile(path: lesson.stepsFile)
        try runStart(file.start, in: root)
        let records = try session.store().stepRecords(profile: session.profile(), lesson: lesson.id)
        if let first = file.steps.first(where: { !(records[$0.id]?.done ?? false) }) {
            try StepMarks(workspace: root).begin(first.id)
        }
        return file.start
    }

    /// Runs the start commands with their output muted; one that fails stops with its error.
    private func runStart(_ commands: [String], in root: String) throws {
        guard !commands.isEmpty else { return }
        let wasMuted = session.console.isMuted
        let saved = session.workspaceOverride
        let wasInREPL = session.inREPL
        let wasContent = session.runsCourseContent
        // Paths in start commands name files of the sandbox, as a learner's typed ones do in the
        // REPL, and must stay inside it.
        session.workspaceOverride = root
        session.inREPL = true
        session.runsCourseContent = true
        defer {
            session.console.isMuted = wasMuted
            session.workspaceOverride = saved
            session.inREPL = wasInREPL
            session.runsCourseContent = wasContent
        }
        for command in commands {
            session.console.isMuted = true
            let words = try CommandLineSplitter.split(command)
            let status = Dispatcher.run(words, in: session)
            guard status == 0 else {
                throw LabError(
                    .lessonStartFailed,
                    "the start of lesson '\(lesson.id)' could not be made: `\(command)` ended with status \(status)",
                    file: lesson.stepsFile)
            }
        }
    }
}
