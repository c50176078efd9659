import Course
import Foundation
import LabSupport
import PipelineEngine

extension LabSession {
    /// The progress store, opened (and the home created) on first use.
    ///
    /// A damaged database is an error here; the REPL offers to set it aside before its first
    /// line (``offerToSetAsideDamagedStore()``), never from inside this accessor.
    func store() throws -> ProgressStore {
        if let openedStore { return openedStore }
        try home.prepare()
        do {
            let store = try ProgressStore(path: home.progressDatabase)
            openedStore = store
            return store
        } catch LabStoreError.damaged(let path, let reason) {
            throw LabError(
                .progressDamaged,
                "\(path) is damaged (\(reason)). Nothing was changed. Run `cicdlab doctor --repair` to keep the damaged file under another name and start fresh"
            )
        }
    }

    /// At the start of a REPL at a terminal, when the progress database is damaged: asks once
    /// whether to keep it aside under another name and start fresh, and does so on `y`.
    ///
    /// Asked here, before any line is read, because the prompt, the profile and the reading
    /// position all open the store, and a question asked later would take the next command
    /// typed as its answer. Declined, every use of the store reports the damage.
    func offerToSetAsideDamagedStore() throws {
        guard isInteractive, openedStore == nil else { return }
        try home.prepare()
        do {
            openedStore = try ProgressStore(path: home.progressDatabase)
        } catch LabStoreError.damaged(let path, let reason) {
            guard
                let answer = readInput(
                    "Your progress database \(path) is damaged (\(reason)).\n"
                        + "Keep it aside under another name and start fresh? [y/N] "),
                ["y", "yes"].contains(answer.lowercased().trimmingCharacters(in: .whitespaces))
            else { return }
            let aside = try SQLiteFile.setAside(path: path, now: WallClock.now())
            console.line("Kept the damaged file as \(aside); starting fresh.")
            openedStore = try ProgressStore(path: home.progressDatabase)
        }
    }

    /// The learner's profile: `--profile`, else the one chosen with `profiles switch`.
    func profile() throws -> String {
        if let resolvedProfile { return resolvedProfile }
        let store = try store()
        let name = try startOptions.profile ?? store.currentProfileName()
        try store.ensureProfile(name)
        resolvedProfile = name
        return name
    }

    /// Forgets the cached profile after `profiles switch`, so the next command uses the new one,
    /// and picks up where that profile was reading.
    func profileDidChange(to name: String) {
        stopReadingClock()
        resolvedProfile = name
        currentLesson = nil
        restoreReadingPosition()
    }
}
