import Course
import Foundation
import PipelineEngine
import Testing

@testable import LabSupport

/// Sixty SIGKILLs of the real binary at random (seeded) moments, during quizzes, step checks
/// and pipeline runs, as a learner closing the laptop lid or a CI runner losing its machine.
///
/// After every kill: no answer or step completion that the process had acknowledged on stdout
/// is missing from `progress.sqlite`, nothing was recorded that was not asked for, both
/// databases pass `PRAGMA integrity_check`, an unfinished pipeline run is marked `interrupted`,
/// the next `pipeline run` passes, and every artifact in the store matches its hash.
@Suite struct KillLoopEndToEndTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/killloop").path
    static let steps = ["readme", "pipeline", "params", "gates"]

    /// The same pseudo-random moments on every run (SplitMix64).
    struct Moments {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// A delay between 5 and 300 ms.
        mutating func delay() -> UInt32 { UInt32(5 + next() % 296) }
    }

    /// What the test knows about the lab so far.
    struct Ledger {
        var answers = 0
        /// Steps acknowledged done, by profile.
        var steps: [String: Set<String>] = [:]
        var lastRunID = 0
        var kills = 0
    }

    @Test func sixtyKillsAtRandomMomentsLoseNothingAndLeaveEverythingUsable() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let workspace = try lab(["sandbox", "path"], home: home).stdout.trimmingCharacters(in: .newlines)
        var moments = Moments(state: 20_250_612)
        var ledger = Ledger()
        for round in 0..<60 {
            let delay = moments.delay()
            // One kill in four lands in start-up (opening and migrating the databases); the
            // others after the REPL is ready, in the work itself.
            let warm = moments.next() % 4 != 0
            let context = "round \(round), killed \(delay) ms after \(warm ? "the work began" : "start")"
            switch round % 3 {
            case 0: try quiz(round: round, delay: delay, warm: warm, home: home, ledger: &ledger, context)
            case 1: try check(round: round, delay: delay, warm: warm, home: home, ledger: &ledger, context)
            default:
                try pipeline(
                    round: round, delay: delay, warm: warm, home: home, workspace: workspace, ledger: &ledger, context)
            }
            #expect(try ProgressStore(path: home + "/progress.sqlite").integrityCheck() == "ok", "\(context)")
            #expect(try StateStore(path: workspace + "/.lab/state.sqlite").integrityCheck() == "ok", "\(context)")
        }
        #expect(ledger.kills >= 50, "only \(ledger.kills) of the 60 processes were still running when killed")
    }

    /// A quiz in the REPL, six skips piped in: each "Skipped." printed is an answer committed.
    private func quiz(round: Int, delay: UInt32, warm: Bool, home: String, ledger: inout Ledger, _ context: String)
        throws
    {
        let output = try killed(
            prelude: ["quiz --seed \(round) --count 6"], ready: warm ? "Question 1 of" : nil,
            work: Array(repeating: "skip", count: 6), profile: "default", after: delay, home: home, ledger: &ledger)
        let acknowledged = output.components(separatedBy: "Skipped.").count - 1
        let stored = try ProgressStore(path: home + "/progress.sqlite").answers(profile: "default").count
        #expect(stored >= ledger.answers + acknowledged, "an acknowledged answer was lost; \(context)")
        #expect(stored <= ledger.answers + 6, "more answers than were typed; \(context)")
        ledger.answers = stored
    }

    /// `check` in the REPL on a profile's lesson; each profile is interrupted twice.
    private func check(round: Int, delay: UInt32, warm: Bool, home: String, ledger: inout Ledger, _ context: String)
        throws
    {
        let profile = "learner\(round / 6)"
        let output = try killed(
            prelude: ["sandbox init", "lesson kill-loop"], ready: warm ? "page 1 of 1" : nil,
            work: Array(repeating: "check", count: 4), profile: profile, after: delay, home: home, ledger: &ledger)
        for (index, step) in Self.steps.enumerated() where output.contains("✓ Done: step \(index + 1),") {
            ledger.steps[profile, default: []].insert(step)
        }
        let stored = Set(
            try ProgressStore(path: home + "/progress.sqlite").stepRecords(profile: profile, lesson: "kill-loop")
                .values.filter { $0.completedAt != nil }.map(\.stepID))
        let acknowledged = ledger.steps[profile] ?? []
        #expect(
            stored.isSuperset(of: acknowledged),
            "acknowledged \(acknowledged.sorted()), stored \(stored.sorted()); \(context)")
        #expect(stored.isSubset(of: Set(Self.steps)), "\(context)")
    }

    /// `pipeline run` (forced every other time, so stages run rather than come from the cache).
    private func pipeline(
        round: Int, delay: UInt32, warm: Bool, home: String, workspace: String, ledger: inout Ledger,
        _ context: String
    ) throws {
        let command = round % 2 == 0 ? "pipeline run --force" : "pipeline run"
        let output = try killed(
            prelude: ["lessons"], ready: warm ? "kill-loop" : nil, work: [command], profile: "default", after: delay,
            home: home, ledger: &ledger)
        let listed = try lab(["pipeline", "runs", "--json"], home: home)
        #expect(listed.status == 0, "\(context): \(listed.stderr)")
        let runs = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        let statuses = Dictionary(
            uniqueKeysWithValues: runs.compactMap { run in
                (run["id"] as? Int).map { ($0, run["status"] as? String ?? "") }
            })
        #expect(!statuses.values.contains("running"), "a killed run is still `running`: \(statuses); \(context)")
        for (id, status) in statuses where id > ledger.lastRunID {
            #expect(["passed", "interrupted"].contains(status), "run #\(id) is \(status); \(context)")
            if output.contains("Run #\(id) passed") {
                #expect(status == "passed", "run #\(id) was acknowledged as passed; \(context)")
            }
        }
        try expectSoundArtifacts(workspace, context)

        let next = try lab(["pipeline", "run", "--json"], home: home)
        #expect(next.status == 0, "the run after the kill failed; \(context): \(next.stdout) \(next.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(next.stdout.utf8)) as? [String: Any]
        #expect(report?["status"] as? String == "passed", "\(context)")
        ledger.lastRunID = report?["run_id"] as? Int ?? ledger.lastRunID
        let lock = try LockFile.read(path: workspace + "/pipeline.lock", displayName: "pipeline.lock")
        for out in lock.stages["train"]?.outs ?? [] {
            #expect(try ContentHash.hex(fileAt: workspace + "/" + out.path) == out.sha256, "\(out.path); \(context)")
        }
        #expect(lock.stages.count == 4, "\(context)")
        try expectSoundArtifacts(workspace, context)
    }

    /// Every artifact in the store holds the bytes its name (their SHA-256) promises; a
    /// half-written one may only be left under its temporary `.HASH.partial-…` name.
    private func expectSoundArtifacts(_ workspace: String, _ context: String) throws {
        let store = workspace + "/.lab/artifacts"
        let files = FileManager.default.enumerator(atPath: store)?.allObjects as? [String] ?? []
        for file in files where file.split(separator: "/").count == 2 {
            let name = (file as NSString).lastPathComponent
            if name.hasPrefix(".") && name.contains(".partial-") { continue }
            let hash = file.replacingOccurrences(of: "/", with: "")
            #expect(try ContentHash.hex(fileAt: store + "/" + file) == hash, "artifact \(file) is damaged; \(context)")
        }
    }

    /// Starts the REPL and pipes `prelude` in; once the output shows `ready` (or at once when
    /// the moment falls in start-up, `ready` nil), pipes `work` in.
    ///
    /// Stdin stays open, so the REPL is still there when, `delay` ms later, it gets SIGKILL.
    /// Returns what it printed.
    private func killed(
        prelude: [String], ready: String?, work: [String], profile: String, after delay: UInt32, home: String,
        ledger: inout Ledger
    ) throws -> String {
        let live = try LiveProcess(["--content", Self.content, "--profile", profile], home: home)
        for line in prelude { live.send(line) }
        if let ready {
            #expect(live.wait { $0.contains(ready) }, "the REPL never printed \"\(ready)\": \(live.text)")
        }
        for line in work { live.send(line) }
        usleep(delay * 1000)
        let running = live.process.isRunning
        live.kill()
        if running && live.process.terminationReason == .uncaughtSignal && live.process.terminationStatus == SIGKILL {
            ledger.kills += 1
        }
        return live.text
    }

    private func lab(_ arguments: [String], home: String) throws -> Binary.Result {
        try Binary.run(["--content", Self.content] + arguments, home: home)
    }
}
