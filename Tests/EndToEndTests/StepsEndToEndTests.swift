import Course
import Foundation
import Testing

/// The hands-on steps in the real REPL fed through stdin, and `lint` on the course itself.
@Suite struct StepsEndToEndTests {
    /// The playable fixture course written for the step tests (not course content).
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("LabShellTests/Fixtures/Lint/Clean").path

    @Test func aLearnerGoesFromLessonsToEveryStepDoneWithWhatTheREPLSays() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let script = """
            lessons
            lesson sandbox-basics
            steps
            check
            hint
            sandbox status
            check
            export progress --format json --out progress.json
            check
            check
            lesson sandbox-basics --section 2
            steps
            quit

            """
        let result = try Binary.run(
            ["--content", Self.content], stdin: script, home: home, environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let out = result.stdout
        // Each screen names what to type next; the script types exactly that.
        let expectedInOrder = [
            "sandbox-basics  Sandbox basics (fixture)  not started",
            "Type `lesson 1` to begin",
            "Type `next` for page 2 of 2 or `steps` for the hands-on part.",
            "Hands-on steps of Sandbox basics (fixture) · 0 of 3 done",
            "Step 1 of 3 · Look at your sandbox",
            "    sandbox status",
            "○ Not yet: step 1, Look at your sandbox. Missing: `sandbox status` has not run",
            "Hint 1 of 2 for step 1, Look at your sandbox:",
            "✓ Done: step 1, Look at your sandbox. Found: `README.txt` exists;",
            "Step 2 of 3 · Export your progress",
            "    export progress --format json --out progress.json",
            "✓ Done: step 2, Export your progress.",
            "Step 3 of 3 · Restore a broken file",
            "✓ Done: step 3, Restore a broken file.",
            "To complete the lesson, read",
            "`lesson sandbox-basics --section 2`",
            "Sandbox basics (fixture) · page 2 of 2",
            "Hands-on steps of Sandbox basics (fixture) · 3 of 3 done",
            "All 3 steps of Sandbox basics (fixture) are done. Lesson complete.",
        ]
        var rest = Substring(out)
        for expected in expectedInOrder {
            guard let found = rest.range(of: expected) else {
                Issue.record("missing, in order: \(expected)\n--- output ---\n\(out)")
                return
            }
            rest = rest[found.upperBound...]
        }
        // What the store holds: every step done with its hints, the lesson completed.
        let store = try ProgressStore(path: home + "/progress.sqlite")
        let records = try store.stepRecords(profile: "default", lesson: "sandbox-basics")
        #expect(records.values.filter(\.done).count == 3)
        #expect(records["look-at-the-sandbox"]?.hintsUsed == 1)
        #expect(try store.lessonProgress(profile: "default")["sandbox-basics"]?.completed == true)
    }

    @Test func checkExitsOneUntilTheStepIsDone() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        _ = try Binary.run(["lesson", "1", "--content", Self.content], home: home)
        let notYet = try Binary.run(["check", "--content", Self.content], home: home)
        #expect(notYet.status == 1)
        #expect(try Binary.run(["sandbox", "status", "--content", Self.content], home: home).status == 0)
        let done = try Binary.run(["check", "--json", "--content", Self.content], home: home)
        #expect(done.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(done.stdout.utf8)) as? [String: Any]
        #expect(report?["status"] as? String == "passed")
        #expect(report?["newly_done"] as? Bool == true)
    }
}
