import Course
import Foundation
import PipelineEngine
import Testing

@testable import LabShell

/// `lint` and `lint --play` over the fixture courses under `Fixtures/Lint/`.
@Suite struct LintCommandTests {
    /// Runs `lint` with `arguments` on the fixture course `course`; returns the status and the
    /// output with the fixture folder left out of the paths.
    func lint(_ course: String, _ arguments: String = "") throws -> (status: Int32, text: String) {
        let lab = try CapturedSession(environment: ["COLUMNS": "1000"])
        let status = lab.run("lint \(Fixtures.lint)/\(course)/Lessons \(arguments)")
        let text = (lab.out + lab.err).replacingOccurrences(of: Fixtures.lint + "/\(course)/", with: "")
        return (status, text)
    }

    @Test func reportsEveryProblemWithItsFileAndLine() throws {
        let (status, text) = try lint("Broken")
        #expect(status == 1)
        let expected = """
            error: Lessons/concepts.yaml:11:9: concept id "checks" is listed twice (first at line 5)
            error: Lessons/concepts.yaml:15:12: concept "drift" is in group "monitoring", which `groups:` does not list
            error: Lessons/01-front-matter/lesson.md:5:1: unknown key "minute" in the front matter; did you mean "minutes"?
            error: Lessons/01-front-matter/lesson.md:1: the front matter has no `summary`; every lesson needs `id`, `title`, `summary`, `minutes` and `concepts`
            error: Lessons/01-front-matter/lesson.md:4:10: `minutes` is "ten"; expected a whole number of minutes such as 10
            error: Lessons/01-front-matter/lesson.md:6: unknown concept "hintz"; did you mean "hints"?
            error: Lessons/01-front-matter/lesson.md:6: unknown concept "nowhere-near"; the ids are listed in concepts.yaml
            error: Lessons/01-front-matter/lesson.md:7: unknown prerequisite "no-such-lesson"; expected the id of a lesson in this folder
            error: Lessons/02-steps-and-quiz/steps.yaml:7:7: unknown check kind "file_exist"; did you mean "file_exists"?
            error: Lessons/02-steps-and-quiz/steps.yaml:14:48: `regex` "(unclosed" is not a valid regular expression
            error: Lessons/02-steps-and-quiz/steps.yaml:21:20: the path "../outside.txt" leaves the sandbox; write a path relative to the workspace
            error: Lessons/02-steps-and-quiz/steps.yaml:30:32: `status` is "rolledback"; expected progressing, shadowing, promoted, rolled_back or aborted (did you mean "rolled_back"?)
            error: Lessons/02-steps-and-quiz/steps.yaml:35:13: `sandbox nuke` is not a command the lab can run: Unexpected argument 'nuke'
            error: Lessons/02-steps-and-quiz/steps.yaml:36:15: `pipline run` is not a command the lab can run: there is no command 'pipline'; did you mean 'pipeline'?
            error: Lessons/02-steps-and-quiz/steps.yaml:45:7: step "no-template": file_changed compares `data/missing.csv` with its template, but the sandbox templates have no `data/missing.csv`
            error: Lessons/02-steps-and-quiz/steps.yaml:47:9: step id "typo-kind" is used twice (first at line 2)
            error: Lessons/02-steps-and-quiz/steps.yaml:54:5: step "no-hints" has no `hints`; every step needs `id`, `title`, `instructions`, `command`, `check` and `hints`
            error: Lessons/02-steps-and-quiz/quiz.yaml:8:13: answer "c" is not among the options a to b
            error: Lessons/02-steps-and-quiz/quiz.yaml:11:5: question "no-explanation" has no "explanation"; every question needs "id", "type", "difficulty", "concepts", "prompt", "answer", "explanation" and "hint"
            error: Lessons/02-steps-and-quiz/quiz.yaml:18:5: question "unknown-concept": unknown concept "hint"; did you mean "hints"?
            error: Lessons/02-steps-and-quiz/quiz.yaml:26:5: question id "fine-question" is also used in Lessons/01-front-matter/quiz.yaml at line 2
            error: Lessons/03-bare/lesson.md:7: lesson "bare" has no pages; each page starts with a `## ` heading
            error: Lessons/03-bare/lesson.md:1: lesson "bare" has no steps; add steps.yaml with a `steps:` list of hands-on steps
            error: Lessons/03-bare/lesson.md:1: lesson "bare" has no quiz; add quiz.yaml with a `questions:` list
            error: Lessons/04-orphan: the folder has quiz.yaml but no lesson.md; every lesson folder needs one
            error: Lessons/05-twin/lesson.md:2: lesson id "steps-and-quiz" is also used by Lessons/02-steps-and-quiz/lesson.md

            Lessons: 4 lessons, 4 steps, 4 questions, 2 concepts; 26 problems.

            """
        #expect(text == expected)
    }

    @Test func playSkipsLessonsWithProblemsAndSaysSo() throws {
        let (status, text) = try lint("Broken", "--play")
        #expect(status == 1)
        #expect(
            text.hasSuffix(
                """
                play 01-front-matter (Lessons/01-front-matter/steps.yaml)
                  ✗ not played: its lesson or steps have problems (listed above)
                play steps-and-quiz (Lessons/02-steps-and-quiz/steps.yaml)
                  ✗ not played: its lesson or steps have problems (listed above)
                play steps-and-quiz (Lessons/05-twin/steps.yaml, in course order)
                  ✗ fine: `lesson steps-and-quiz` failed
                      error: Lessons/01-front-matter/lesson.md:5:1: unknown key "minute" in the front matter; did you mean "minutes"?

                Lessons: 4 lessons, 4 steps, 4 questions, 2 concepts; 26 problems; played 0 of 4 steps, 0 of 0 wrong attempts rejected.

                """), "\(text)")
    }

    @Test func reportsProblemsAsJSON() throws {
        let (status, text) = try lint("Broken", "--json")
        #expect(status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let problems = report?["problems"] as? [[String: Any]]
        #expect(problems?.count == 26)
        #expect(report?["lessons"] as? Int == 4)
        let unavailable = problems?.first { $0["code"] as? String == "steps.check_unavailable" }
        #expect(unavailable?["file"] as? String == "Lessons/02-steps-and-quiz/steps.yaml")
        #expect(unavailable?["line"] as? Int == 45)
        #expect(unavailable?["column"] as? Int == 7)
    }

    @Test func aCleanCoursePassesAndCoverageIsOnlyCheckedWhenAsked() throws {
        let clean = try lint("Clean")
        #expect(clean.status == 0)
        #expect(clean.text == "Lessons: 2 lessons, 5 steps, 3 questions, 2 concepts; no problems.\n")
        let coverage = try lint("Clean", "--coverage")
        #expect(coverage.status == 1)
        #expect(
            coverage.text == """
                error: Lessons/concepts.yaml:8: concept "untaught-concept" is taught by no lesson; list it in a lesson's `concepts:`
                error: Lessons/concepts.yaml:8: concept "untaught-concept" is asked by no question; every concept needs at least 2

                Lessons: 2 lessons, 5 steps, 3 questions, 2 concepts; 2 problems.

                """)
    }

    /// The simulated time `days` after the sandbox's start, as the lab shows it.
    func clock(days: Double) -> String {
        SimulatedClock.format(SimulatedClock.defaultStart.addingTimeInterval(days * 86_400))
    }

    @Test func playProvesEachStepUnsolvedThenSolved() throws {
        let (status, text) = try lint("Clean", "--play")
        #expect(status == 0)
        #expect(
            text == """
                play sandbox-basics (Lessons/01-sandbox-basics/steps.yaml, in course order)
                  ✓ look-at-the-sandbox: not done before (`sandbox status` has not run in this sandbox since this step began); done after (`README.txt` exists; `sandbox status` ran since this step began)
                  ✓ export-progress: not done before (`progress.json` does not exist); done after (`progress.json` exists; `progress.json` contains “"profile"”)
                  ✓ restore-readme: not done before (`README.txt` differs from its template, and the step needs the opposite); done after (`README.txt` is still the same as its template)
                play time-passes (Lessons/02-time-passes/steps.yaml, in course order)
                  ✓ a-week-later: not done before (the simulated clock is at 2026-12-07 09:00 (Mon), where it was when this step began; the step needs it moved at least 1w); done after (the simulated clock is at 2026-12-14 09:00 (Mon), 1w later than when this step began)
                  ✓ validate-answers: not done before (`data/answers.csv` does not exist); done after (`suites/answers.yaml` passes on `data/answers.csv` (2 of 2 expectations hold))

                Lessons: 2 lessons, 5 steps, 3 questions, 2 concepts; no problems; played 5 of 5 steps, 0 of 0 wrong attempts rejected.

                """)
    }

    @Test func playRefusesChecksThatPassTooSoonOrNeverAndCommandsThatAreRefused() throws {
        let (status, text) = try lint("Unproven", "--play")
        #expect(status == 1)
        #expect(
            text == """
                play passes-too-soon (Lessons/01-passes-too-soon/steps.yaml, in course order)
                  ✓ make-the-sandbox: not done before (`sandbox init` has not run in this sandbox since this step began); done after (`sandbox init` ran since this step began)
                  ✗ already-true: the check passes before the step's work (`README.txt` exists); it proves nothing
                  1 later step not played
                play never-passes (Lessons/02-never-passes/steps.yaml, in course order)
                  ✗ wrong-command: the check does not pass after `sandbox init` then `sandbox status`: `report.json` does not exist
                      Your sandbox is already at <play home>/lesson-sandboxes/default/never-passes.
                      Sandbox <play home>/lesson-sandboxes/default/never-passes
                        template files unchanged: 1
                        model versions registered: 0
                play refused (Lessons/03-refused/steps.yaml, in course order)
                  ✗ bad-input: the command `registry show v9` was refused as bad usage or input
                      error: no model version 'v9' in the registry (it is empty)

                Lessons: 3 lessons, 5 steps, 3 questions, 1 concept; no problems; played 1 of 5 steps, 0 of 0 wrong attempts rejected.

                """)
    }

    @Test func playRunsThePipelineAndDeploysOnTheRealSandbox() throws {
        // The shipping fixture's lessons beside a copy of the repository's own Sandbox/.
        let content = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-ship-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: content) }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.lint + "/Shipping/Lessons", toPath: content + "/Lessons")
        try FileManager.default.copyItem(atPath: repository + "/Sandbox", toPath: content + "/Sandbox")
        let lab = try CapturedSession(environment: ["COLUMNS": "1000"])
        #expect(lab.run("lint \(content)/Lessons --play") == 0, "\(lab.out)\(lab.err)")
        let lines = lab.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 8)
        #expect(
            lines[1].hasPrefix(
                "  ✓ run-the-pipeline: not done before (there is no pipeline run yet); done after (run #1 passed; in run #1 stage `validate` ran;"
            ))
        #expect(
            lines[2]
                == "  ✓ run-it-again: not done before (there is no pipeline run since this step began (the last was #1)); done after (in run #2 stage `train` cached; in run #2 stage `evaluate` cached)"
        )
        #expect(
            lines[3]
                == "  ✓ ship-it: not done before (there is no deployment; the registry has no alias `champion`); done after (the latest deployment (#1, direct of v1) is promoted; `champion` points at v1 (it was not set when this step began))"
        )
        // The learner's edit (`solution`) is made before the command, and the check sees its effect.
        #expect(
            lines[4]
                == "  ✓ raise-the-floor: not done before (there is no pipeline run since this step began (the last was #2)); done after (in run #3 gate `accuracy-floor` failed (accuracy 0.806 < 0.950); run #3 failed)"
        )
        // Each wrong attempt, made on a copy of the sandbox, is rejected by the step's check.
        #expect(
            lines[5]
                == "      ✓ rejects: the floor is raised in params.yaml, which no gate reads (in run #3 gate `accuracy-floor` passed (accuracy 0.806 >= 0.750), not failed; run #3 passed, not failed)"
        )
        #expect(
            lines[6]
                == "      ✓ rejects: the floor is raised but the pipeline is not run again (there is no pipeline run since this step began (the last was #2))"
        )
        #expect(
            lines[7].hasSuffix(
                "1 lesson, 4 steps, 2 questions, 1 concept; no problems; played 4 of 4 steps, 2 of 2 wrong attempts rejected."
            ))
    }

    @Test func playLeavesNothingBehindAndTouchesNotTheLearnersHome() throws {
        let homes = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-homes-\(UUID())").path
        try FileManager.default.createDirectory(atPath: homes, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: homes) }
        let clean = Fixtures.lint + "/Clean"
        var player = StepPlayer(contentRoot: clean, environment: ["CICDLAB_HOME": homes + "/learner"])
        player.homesDirectory = homes
        let lesson = try LessonParser.parse(
            String(contentsOfFile: clean + "/Lessons/01-sandbox-basics/lesson.md", encoding: .utf8),
            file: "lesson.md", directory: clean + "/Lessons/01-sandbox-basics")
        let steps = try StepLoader.load(path: lesson.stepsFile)
        let result = player.play(StepPlayer.Script(lesson: lesson, steps: steps, file: "steps.yaml"))
        #expect(result.passed && result.steps.count == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: homes).isEmpty, "the temporary home is removed")
    }

    @Test func withoutAFolderItLintsTheContentsLessons() throws {
        var options = GlobalOptions()
        options.content = Fixtures.lint + "/Clean"
        let lab = try CapturedSession(options: options, environment: ["COLUMNS": "1000"])
        #expect(lab.run("lint") == 0)
        #expect(lab.out.hasSuffix("2 lessons, 5 steps, 3 questions, 2 concepts; no problems.\n"))
        #expect(lab.run("lint /nonexistent/Lessons") == 2)
        #expect(lab.err == "error: no lessons folder at /nonexistent/Lessons\n")
    }
}
