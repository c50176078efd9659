import Course
import Foundation
import Testing

@testable import LabShell

/// `steps`, `check` and `hint` over the playable fixture course, in process, at 80 columns.
@Suite struct StepCommandsTests {
    func lab(content: String = Fixtures.lint + "/Clean") throws -> CapturedSession {
        var options = GlobalOptions()
        options.content = content
        let lab = try CapturedSession(options: options, environment: ["COLUMNS": "80"])
        lab.session.inREPL = true  // paths typed resolve in the sandbox, as in the REPL
        return lab
    }

    /// Runs `line`, expecting `status`, and returns what it printed (errors included).
    func output(_ lab: CapturedSession, _ line: String, status: Int32 = 0) -> String {
        lab.out = ""
        lab.err = ""
        let actual = lab.run(line)
        #expect(actual == status, "`\(line)` exited \(actual): \(lab.out)\(lab.err)")
        return lab.out + lab.errorMessages
    }

    static let firstCard = """
        Step 1 of 3 · Look at your sandbox
        This lesson's own sandbox is a copy of the templates. See what it holds.

        Try:

            sandbox status

        Then type `check` to see whether the step is done; `hint` gives a hint if you
        are stuck.

        """

    @Test func stepsListsEveryStepAndShowsTheFirstNotDone() throws {
        let lab = try lab()
        #expect(
            output(lab, "steps", status: 2)
                == "error: no lesson is open yet; `lessons` lists them and `lesson ID` opens one\n")
        _ = output(lab, "lesson sandbox-basics")
        #expect(
            output(lab, "steps") == """
                Hands-on steps of Sandbox basics (fixture) · 0 of 3 done

                  ○  1  look-at-the-sandbox  Look at your sandbox
                  ○  2  export-progress      Export your progress
                  ○  3  restore-readme       Restore a broken file


                """ + Self.firstCard)
    }

    @Test func checkSaysWhatIsMissingUntilTheSandboxIsInTheStateAsked() throws {
        let lab = try lab()
        _ = output(lab, "lesson 1")
        #expect(
            output(lab, "check", status: 1) == """
                ○ Not yet: step 1, Look at your sandbox. Missing: `sandbox status` has not run
                in this sandbox since this step began.

                Try `sandbox status`, then `check` again; `hint` gives a hint.

                """)
        _ = output(lab, "sandbox status")
        let done = output(lab, "check")
        #expect(
            done.hasPrefix(
                "✓ Done: step 1, Look at your sandbox. Found: `README.txt` exists;\n`sandbox status` ran since this step began.\n\nStep 2 of 3 · Export your progress\n"
            ))
        #expect(
            output(lab, "check", status: 1).hasPrefix(
                "○ Not yet: step 2, Export your progress. Missing: `progress.json` does not\nexist.\n"))
        _ = output(lab, "export progress --format json --out progress.json")
        #expect(output(lab, "check").hasPrefix("✓ Done: step 2, Export your progress."))
        #expect(
            output(lab, "check") == """
                ✓ Done: step 3, Restore a broken file. Found: `README.txt` is still the same as
                its template.

                All 3 steps of Sandbox basics (fixture) are done. To complete the lesson, read
                the unread page: `lesson sandbox-basics --section 2`.

                Next: `quiz sandbox-basics` to test yourself.

                """)
        #expect(output(lab, "check").hasPrefix("All 3 steps of Sandbox basics (fixture) are done."))
        // Reading the last page now completes the lesson: every page read, every step done.
        _ = output(lab, "next")
        let store = try lab.session.store()
        #expect(try store.lessonProgress(profile: "default")["sandbox-basics"]?.completed == true)
        #expect(try store.lessonProgress(profile: "default")["sandbox-basics"]?.stepsDone == 3)
    }

    @Test func aStepIsDoneOnlyWhileTheSandboxHoldsItsState() throws {
        let lab = try lab()
        _ = output(lab, "lesson 1")
        _ = output(lab, "sandbox status")
        _ = output(lab, "check 1")
        _ = output(lab, "export progress --format json --out progress.json")
        _ = output(lab, "check 2")
        _ = output(lab, "sandbox reset")
        #expect(
            output(lab, "check export-progress", status: 1).hasPrefix(
                "○ Done before, but not now: step 2, Export your progress. Missing:\n`progress.json` does not exist."))
        let records = try lab.session.store().stepRecords(profile: "default", lesson: "sandbox-basics")
        #expect(records["export-progress"]?.done == true, "a step once done stays done")
        #expect(records["restore-readme"]?.done != true, "step 3 was never checked, so it is not done")
    }

    @Test func aStepIsNotDoneBeforeTheStepsItBuildsOn() throws {
        let lab = try lab()
        _ = output(lab, "lesson 1")
        _ = output(lab, "export progress --format json --out progress.json")
        #expect(
            output(lab, "check export-progress", status: 1).hasPrefix(
                "○ Not yet: step 2, Export your progress. Missing: it builds on step 1, Look at\nyour sandbox, which is not done yet; steps are done in order."
            ))
        let records = try lab.session.store().stepRecords(profile: "default", lesson: "sandbox-basics")
        #expect(records["export-progress"]?.done != true)
    }

    @Test func hintsComeOneAtATimeAndAreCounted() throws {
        let lab = try lab()
        _ = output(lab, "lesson 1")
        #expect(
            output(lab, "hint") == """
                Hint 1 of 2 for step 1, Look at your sandbox:

                The `sandbox` command has a `status` subcommand.

                `hint` again for the next one; `check` when you think it is done.

                """)
        #expect(
            output(lab, "hint look-at-the-sandbox").hasPrefix(
                "Hint 2 of 2 for step 1, Look at your sandbox:\n\nType `sandbox status`.\n"))
        #expect(
            output(lab, "hint 1") == """
                No more hints for step 1, Look at your sandbox; the last one was:

                Type `sandbox status`.

                `check` when you think it is done.

                """)
        let records = try lab.session.store().stepRecords(profile: "default", lesson: "sandbox-basics")
        #expect(records["look-at-the-sandbox"]?.hintsUsed == 2)
    }

    @Test func stepsAndCheckSpeakJSON() throws {
        let lab = try lab()
        _ = output(lab, "lesson 1")
        let steps = try JSONSerialization.jsonObject(with: Data(output(lab, "steps --json").utf8)) as? [String: Any]
        #expect(steps?["lesson"] as? String == "sandbox-basics")
        #expect(steps?["next"] as? String == "look-at-the-sandbox")
        #expect(steps?["done"] as? Int == 0 && steps?["total"] as? Int == 3)
        let first = (steps?["steps"] as? [[String: Any]])?.first
        #expect(first?["commands"] as? [String] == ["sandbox status"])
        #expect(
            first.map { Set($0.keys) } == ["id", "title", "instructions", "commands", "done", "hints", "hints_used"])
        let check =
            try JSONSerialization.jsonObject(with: Data(output(lab, "check --json", status: 1).utf8)) as? [String: Any]
        #expect(check?["status"] as? String == "not_yet")
        #expect(check?["reason"] as? String == "`sandbox status` has not run in this sandbox since this step began")
    }

    @Test func anUnknownStepIsAnsweredWithASuggestion() throws {
        let lab = try lab()
        _ = output(lab, "lesson 1")
        #expect(
            output(lab, "check look-at-sandbox", status: 2)
                == "error: lesson 'sandbox-basics' has no step 'look-at-sandbox'. Did you mean 'look-at-the-sandbox'?\n"
        )
        #expect(
            output(lab, "hint 7", status: 2)
                == "error: lesson 'sandbox-basics' has no step '7'; its steps are look-at-the-sandbox, export-progress and restore-readme (or 1 to 3)\n"
        )
    }

    @Test func aLessonWithoutStepsSaysWhatToDoInstead() throws {
        let lab = try lab(content: Fixtures.content)
        _ = output(lab, "lesson paging-onward")
        #expect(
            output(lab, "steps", status: 2)
                == "error: lesson 'paging-onward' has no hands-on steps; `quiz paging-onward` tests what it taught\n")
    }

    @Test func aCheckThatCannotBeEvaluatedIsNeverPassed() throws {
        let content = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-content-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: content) }
        try FileManager.default.createDirectory(
            atPath: content + "/Lessons/01-notes", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: content + "/Sandbox", withIntermediateDirectories: true)
        try "template\n".write(toFile: content + "/Sandbox/README.txt", atomically: true, encoding: .utf8)
        try """
        ---
        id: notes
        title: Notes
        summary: A lesson whose check compares a file that has no template.
        minutes: 1
        concepts: [three-artifacts]
        ---

        ## Page

        Text.
        """.write(toFile: content + "/Lessons/01-notes/lesson.md", atomically: true, encoding: .utf8)
        try """
        steps:
          - id: edit-notes
            title: Edit your notes
            instructions: Change `notes.txt`.
            command: sandbox init
            check: {not: {file_changed: notes.txt}}
            hints: [There is no template to compare with.]
        """.write(toFile: content + "/Lessons/01-notes/steps.yaml", atomically: true, encoding: .utf8)
        let lab = try lab(content: content)
        _ = output(lab, "lesson notes")
        _ = output(lab, "sandbox init")
        #expect(
            output(lab, "check", status: 1) == """
                ? Cannot check step 1, Edit your notes: `notes.txt` has no template in the
                sandbox templates to compare with. The step stays not done; nothing was recorded
                as passed.

                """)
        #expect(try lab.session.store().stepRecords(profile: "default", lesson: "notes").isEmpty)
    }

    @Test func stepIdsComplete() throws {
        let lab = try lab()
        _ = output(lab, "lesson 1")
        let completer = Completer(session: lab.session, baseDirectory: "/")
        #expect(
            completer.complete("check ").candidates == ["export-progress", "look-at-the-sandbox", "restore-readme"])
        #expect(completer.complete("hint re").candidates == ["restore-readme"])
    }

    /// With several pages unread, the last step's screen names them and the first command,
    /// rather than one command per page.
    @Test func afterTheLastStepSeveralUnreadPagesAreNamedOnce() throws {
        let content = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: content) }
        try FileManager.default.copyItem(atPath: Fixtures.lint + "/Clean", toPath: content)
        let lesson = content + "/Lessons/01-sandbox-basics/lesson.md"
        let text = try String(contentsOfFile: lesson, encoding: .utf8)
        try (text + "\n## A third page\n\nMore.\n\n## A fourth page\n\nThe end.\n")
            .write(toFile: lesson, atomically: true, encoding: .utf8)
        let lab = try lab(content: content)
        _ = output(lab, "lesson sandbox-basics")
        _ = output(lab, "sandbox status")
        _ = output(lab, "check")
        _ = output(lab, "export progress --format json --out progress.json")
        _ = output(lab, "check")
        _ = output(lab, "export progress --format csv --out README.txt")
        _ = output(lab, "sandbox reset")
        let done = output(lab, "check")
        #expect(
            done.contains(
                """
                To complete the lesson, read
                pages 2, 3 and 4: `lesson sandbox-basics --section 2` opens the first, `next`
                goes on.
                """), "\(done)")
    }
}

/// What a failed `check` suggests next: the edit first when the step asks for one.
@Suite struct StepNextMoveTests {
    func step(commands: [String], editing files: [String]) -> Step {
        let here = Course.SourceLocation(file: "steps.yaml", line: 1, column: 1)
        return Step(
            id: "add-latency-gate", title: "Add a latency gate", instructions: "", commands: commands,
            solution: files.map { FileEdit(path: $0, change: .write("x"), location: here) },
            check: Check(.fileExists(path: "gates.yaml"), location: here), hints: [], location: here)
    }

    @Test func aStepThatAsksForAnEditSaysEditBeforeRun() {
        #expect(
            StepCommands.nextMove(step(commands: ["gate check models/candidate.json"], editing: ["gates.yaml"]))
                == "Edit `gates.yaml` as `steps` describes, then run `gate check models/candidate.json`, then `check` again; `hint` gives a hint."
        )
        #expect(
            StepCommands.nextMove(step(commands: [], editing: ["gates.yaml", "data/churn.csv", "gates.yaml"]))
                == "Edit `gates.yaml` and `data/churn.csv` as `steps` describes, then `check` again; `hint` gives a hint."
        )
    }

    @Test func aStepOfCommandsOnlySaysTryThem() {
        #expect(
            StepCommands.nextMove(step(commands: ["sandbox status", "sandbox reset"], editing: []))
                == "Try `sandbox status` then `sandbox reset`, then `check` again; `hint` gives a hint.")
    }
}
