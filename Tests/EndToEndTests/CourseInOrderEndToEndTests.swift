import Course
import Foundation
import Testing

/// A learner who takes the whole course in order on one lab home, typing what each step says,
/// using only what `steps.yaml` declares and what the lab prints; and the cases where the
/// course used to break on that path or could be passed without the work.
@Suite(.serialized) struct CourseInOrderEndToEndTests {
    /// A learner at the keyboard of the real binary on one home.
    struct Learner {
        let home: String

        /// Types `lines` into the REPL (one process, as a person at one sitting).
        @discardableResult
        func type(_ lines: [String]) throws -> Binary.Result {
            try Binary.run(
                ["--content", Binary.repository], stdin: lines.joined(separator: "\n") + "\nquit\n", home: home,
                environment: ["COLUMNS": "200"])
        }

        /// `check STEP` as its own command: 0 done, 1 not yet.
        func check(_ step: String) throws -> Binary.Result {
            try Binary.run(
                ["--content", Binary.repository, "check", step], home: home, environment: ["COLUMNS": "200"])
        }

        /// The sandbox commands act on now, as `sandbox path` prints it.
        func sandbox() throws -> String {
            try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: home).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Plays `step` as written: setup, check (not done), the edits, the commands, check (done).
        func play(_ step: Step, lesson: String) throws {
            if !step.setup.isEmpty { try type(step.setup) }
            let before = try check(step.id)
            #expect(
                before.status == 1, "\(lesson)/\(step.id) is done before its work:\n\(before.stdout)\(before.stderr)")
            let root = try sandbox()
            for edit in step.solution { try edit.apply(inWorkspace: root) }
            let output = try type(step.commands)
            let after = try check(step.id)
            #expect(
                after.status == 0,
                "\(lesson)/\(step.id) is not done after its work:\n\(after.stdout)\(after.stderr)\n--- commands ---\n\(output.stdout)\(output.stderr)"
            )
        }

        /// Opens `lesson` (number or id) and plays its steps, the first `count` of them or all.
        func play(lesson: String, count: Int? = nil) throws {
            try type(["lesson \(lesson)"])
            let steps = try Self.steps(of: lesson)
            for step in steps.prefix(count ?? steps.count) { try play(step, lesson: lesson) }
        }

        /// The steps of the lesson `reference` names.
        static func steps(of reference: String) throws -> [Step] {
            let catalog = try LessonCatalog.load(from: Binary.repository + "/Lessons")
            let lesson = try #require(catalog.lesson(reference))
            return try StepLoader.load(path: lesson.stepsFile)
        }
    }

    func learner() throws -> Learner { Learner(home: try Binary.temporaryHome()) }

    @Test func aLearnerTakesAllTwentyLessonsInOrderOnOneHome() throws {
        let learner = try learner()
        defer { try? FileManager.default.removeItem(atPath: learner.home) }
        let catalog = try LessonCatalog.load(from: Binary.repository + "/Lessons")
        #expect(catalog.lessons.count == 20)
        for lesson in catalog.lessons { try learner.play(lesson: lesson.id) }
        let progress = try Binary.run(["--content", Binary.repository, "lessons", "--json"], home: learner.home)
        let rows = try JSONSerialization.jsonObject(with: Data(progress.stdout.utf8)) as? [[String: Any]] ?? []
        let undone = rows.filter { ($0["steps_done"] as? Int) != ($0["steps"] as? Int) }.map {
            $0["id"] as? String ?? "?"
        }
        #expect(undone.isEmpty, "lessons with steps not done: \(undone)")
    }

    @Test func lintPlaysTheCourseInOrderAndAloneWithEveryWrongAttempt() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run(
            ["--content", Binary.repository, "lint", "--play", "--alone"], home: home, environment: ["COLUMNS": "200"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("✗"), "\(result.stdout)")
        #expect(result.stdout.contains(", in course order)"))
        #expect(result.stdout.contains(", alone on a fresh home)"))
        let summary = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let rejected = summary.firstMatch(of: /(\d+) of (\d+) wrong attempts rejected/)
        #expect(rejected != nil && rejected?.1 == rejected?.2 && Int(rejected?.2 ?? "0") ?? 0 > 0, "\(summary)")
    }

    @Test func aGateWithAMisspeltMetricIsRefusedWhenTheConfigurationLoads() throws {
        let learner = try learner()
        defer { try? FileManager.default.removeItem(atPath: learner.home) }
        try learner.type(["lesson 7"])
        let gates = try learner.sandbox() + "/gates.yaml"
        let text = try String(contentsOfFile: gates, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        try
            (text + (text.hasSuffix("\n") ? "" : "\n")
            + "  - name: f1-floor\n    type: threshold\n    metric: F1\n    min: 0.5\n")
            .write(toFile: gates, atomically: true, encoding: .utf8)
        let run = try Binary.run(["--content", Binary.repository, "pipeline", "run"], home: learner.home)
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stderr.contains(
                "gates.yaml:\(line):13: unknown metric \"F1\"; an evaluation measures accuracy, precision, recall, f1, roc_auc, rmse, mae or r2 (did you mean 'f1'?)"
            ), "\(run.stderr)")
    }

    @Test func oneLongClockAdvanceDoesNotCompleteLessonOneAheadOfItsSteps() throws {
        let learner = try learner()
        defer { try? FileManager.default.removeItem(atPath: learner.home) }
        try learner.play(lesson: "1", count: 2)
        // Step 3 asks for one quiet day; the learner jumps two weeks and opens the monitor.
        try learner.type(["clock advance 14d", "monitor --window 14d"])
        #expect(try learner.check("3").status == 0)
        let early = try learner.check("5")
        #expect(early.status == 1)
        #expect(early.stdout.contains("it builds on step 4"), "\(early.stdout)")
        // Step 4 done as written; step 5's fortnight and monitor count only from then on.
        try learner.play(try Learner.steps(of: "1")[3], lesson: "1")
        let stale = try learner.check("5")
        #expect(stale.status == 1, "\(stale.stdout)")
        #expect(stale.stdout.contains("where it was when this step began"), "\(stale.stdout)")
        try learner.type(["clock advance 12d"])
        let unread = try learner.check("5")
        #expect(unread.status == 1)
        #expect(unread.stdout.contains("`monitor` has not run in this sandbox"), "\(unread.stdout)")
        try learner.type(["monitor --window 14d"])
        #expect(try learner.check("5").status == 0)
    }

    @Test func lessonFiveAfterLessonOneShowsTheFiguresItQuotes() throws {
        let learner = try learner()
        defer { try? FileManager.default.removeItem(atPath: learner.home) }
        // Lesson 1 replaces its churn data with a 3000-row extract; lesson 5 quotes the templates'.
        try learner.play(lesson: "1")
        try learner.type(["lesson 5"])
        let steps = try Learner.steps(of: "5")
        try learner.play(steps[0], lesson: "5")
        #expect(steps[0].instructions.contains("689 empty"))
        let profile = try learner.type(["data profile data/churn.csv"])
        #expect(profile.stdout.contains("data/churn.csv · 2000 rows"), "\(profile.stdout)")
        let plan = profile.stdout.split(separator: "\n").first { $0.hasPrefix("plan ") } ?? ""
        #expect(plan.contains(" 689 (34.45%) "), "\(plan)")
        for step in steps.dropFirst().dropLast() { try learner.play(step, lesson: "5") }
        let last = try #require(steps.last)
        #expect(last.instructions.contains("25 of 2025 rows, about 1.23 %"))
        let root = try learner.sandbox()
        for edit in last.solution { try edit.apply(inWorkspace: root) }
        let shown = try learner.type(last.commands)
        #expect(shown.stdout.contains("Validating data/churn.csv (2025 rows)"), "\(shown.stdout)")
        #expect(shown.stdout.contains("✗ unique customer_id"), "\(shown.stdout)")
        #expect(
            shown.stdout.contains("✗ duplicate_rows_max       25 of 2025 rows (1.23%) repeat an earlier row"),
            "\(shown.stdout)")
        #expect(try learner.check(last.id).status == 0)
    }

    @Test func lessonSevenAfterLessonFivePasses() throws {
        let learner = try learner()
        defer { try? FileManager.default.removeItem(atPath: learner.home) }
        // Lesson 5 leaves its churn data failing `unique` on customer_id; lesson 7 never sees it.
        try learner.play(lesson: "5")
        try learner.play(lesson: "7")
    }

    @Test func lessonTenStepOneIsNotDoneOnArrivalAfterLessonSeven() throws {
        let learner = try learner()
        defer { try? FileManager.default.removeItem(atPath: learner.home) }
        try learner.play(lesson: "7")
        try learner.type(["lesson 10"])
        let arrival = try learner.check("1")
        #expect(arrival.status == 1, "\(arrival.stdout)")
        #expect(arrival.stdout.contains("there is no deployment"), "\(arrival.stdout)")
    }

    @Test func lessonTenStepTwoNeedsShadowTrafficServed() throws {
        let learner = try learner()
        defer { try? FileManager.default.removeItem(atPath: learner.home) }
        try learner.play(lesson: "10", count: 1)
        let shadow = try Learner.steps(of: "10")[1]
        #expect(shadow.commands.contains { $0.hasPrefix("traffic") }, "\(shadow.commands)")
        let root = try learner.sandbox()
        for edit in shadow.solution { try edit.apply(inWorkspace: root) }
        try learner.type(shadow.commands.filter { !$0.hasPrefix("traffic") })
        let unserved = try learner.check("2")
        #expect(unserved.status == 1, "a shadow that served nothing is not done: \(unserved.stdout)")
        #expect(unserved.stdout.contains("scored by a shadow"), "\(unserved.stdout)")
        try learner.type(shadow.commands.filter { $0.hasPrefix("traffic") })
        #expect(try learner.check("2").status == 0)
    }

    @Test func eachLessonHasItsOwnSandboxAndNothingIsLostBetweenThem() throws {
        let learner = try learner()
        defer { try? FileManager.default.removeItem(atPath: learner.home) }
        try learner.type(["lesson 5"])
        let five = try learner.sandbox()
        #expect(five.hasSuffix("/lesson-sandboxes/default/data-validation"), "\(five)")
        let suite = five + "/suites/churn.yaml"
        let edited = try String(contentsOfFile: suite, encoding: .utf8) + "# my own note\n"
        try edited.write(toFile: suite, atomically: true, encoding: .utf8)
        try learner.type(["pipeline run"])
        try learner.type(["lesson 7"])
        let seven = try learner.sandbox()
        #expect(seven != five)
        #expect(
            try String(contentsOfFile: seven + "/suites/churn.yaml", encoding: .utf8)
                == String(contentsOfFile: Binary.repository + "/Sandbox/suites/churn.yaml", encoding: .utf8))
        #expect(try runCount(learner) == 0)
        try learner.type(["lesson 5"])
        #expect(try learner.sandbox() == five)
        #expect(try String(contentsOfFile: suite, encoding: .utf8) == edited)
        #expect(try runCount(learner) == 1)
        // The free sandbox is one command away, and reading a page brings the lesson's back.
        let free = try learner.type(["sandbox use free", "sandbox path"])
        #expect(free.stdout.contains("/sandboxes/default\n"), "\(free.stdout)")
        try learner.type(["next"])
        #expect(try learner.sandbox() == five)
    }

    @Test func resetInALessonRestoresThatLessonsStartOnly() throws {
        let learner = try learner()
        defer { try? FileManager.default.removeItem(atPath: learner.home) }
        try learner.type(["lesson 6", "pipeline run"])
        try learner.type(["lesson 5"])
        let five = try learner.sandbox()
        try "changed\n".write(toFile: five + "/params.yaml", atomically: true, encoding: .utf8)
        let reset = try learner.type(["sandbox reset"])
        #expect(reset.stdout.contains("Reset the sandbox of lesson 'data-validation'"), "\(reset.stdout)")
        #expect(
            try String(contentsOfFile: five + "/params.yaml", encoding: .utf8)
                == String(contentsOfFile: Binary.repository + "/Sandbox/params.yaml", encoding: .utf8))
        try learner.type(["lesson 6"])
        #expect(try runCount(learner) == 1, "lesson 6's run survives lesson 5's reset")
    }

    /// How many pipeline runs the sandbox commands act on holds.
    func runCount(_ learner: Learner) throws -> Int {
        let runs = try Binary.run(["--content", Binary.repository, "pipeline", "runs", "--json"], home: learner.home)
        return (try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [Any])?.count ?? -1
    }
}

/// `sandbox reset` at a terminal asks first; piped (a script) it does as told.
@Suite struct SandboxResetAsksEndToEndTests {
    @Test func atATerminalResetAsksAndNoKeepsEverything() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        _ = try Binary.run(["--content", Binary.repository, "lesson", "5"], home: home)
        let sandbox = try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: home).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try "mine\n".write(toFile: sandbox + "/params.yaml", atomically: true, encoding: .utf8)
        let command = "'\(Binary.path)' --content '\(Binary.repository)' sandbox reset"
        // `script` gives the command a terminal and passes our answer to it.
        let no = try Binary.run(
            ["-qec", command, "/dev/null"], stdin: "n\n", home: home, executable: "/usr/bin/script")
        #expect(no.stdout.contains("Reset the sandbox of lesson 'data-validation'? "), "\(no.stdout)")
        #expect(no.stdout.contains("Nothing was reset."), "\(no.stdout)")
        #expect(try String(contentsOfFile: sandbox + "/params.yaml", encoding: .utf8) == "mine\n")
        let yes = try Binary.run(
            ["-qec", command, "/dev/null"], stdin: "y\n", home: home, executable: "/usr/bin/script")
        #expect(yes.stdout.contains("to the lesson's start"), "\(yes.stdout)")
        #expect(try String(contentsOfFile: sandbox + "/params.yaml", encoding: .utf8) != "mine\n")
    }
}
