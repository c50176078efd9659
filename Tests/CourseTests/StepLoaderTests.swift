import Foundation
import LabSupport
import PipelineEngine
import Testing

@testable import Course

/// Reading `steps.yaml`: the step fields, commands as one or a list, and every way a check can
/// be written wrong, each with its exact message and position.
@Suite struct StepLoaderTests {
    @Test func readsAStepWithSetupCommandsAndHints() throws {
        let text = """
            steps:
              - id: fix-the-suite
                title: Fix the suite
                instructions: |
                  The suite lets nulls through. Add a `not_null` expectation.
                command: [data validate data/churn.csv --suite suites/churn.yaml, sandbox status]
                setup: sandbox reset
                check:
                  file_contains: {path: suites/churn.yaml, text: not_null}
                hints:
                  - Open `suites/churn.yaml`.
                  - The expectation is called `not_null`.
            """
        let result = StepLoader.parse(text, file: "steps.yaml")
        #expect(result.problems.isEmpty)
        let step = try #require(result.steps.first)
        #expect(step.id == "fix-the-suite")
        #expect(step.instructions == "The suite lets nulls through. Add a `not_null` expectation.")
        #expect(step.commands == ["data validate data/churn.csv --suite suites/churn.yaml", "sandbox status"])
        #expect(step.setup == ["sandbox reset"])
        #expect(step.hints.count == 2)
        #expect(step.check.condition == .fileContains(path: "suites/churn.yaml", pattern: .text("not_null")))
        #expect(step.check.location == SourceLocation(file: "steps.yaml", line: 9, column: 7))
        #expect(
            result.commands.map(\.text) == [
                "sandbox reset", "data validate data/churn.csv --suite suites/churn.yaml", "sandbox status",
            ])
    }

    static let badChecks: [(yaml: String, message: String)] = [
        ("file_exist: a.txt", #"steps.yaml:7:7: unknown check kind "file_exist"; did you mean "file_exists"?"#),
        (
            "rainbow: a.txt",
            #"steps.yaml:7:7: unknown check kind "rainbow"; expected one of file_exists, file_contains, file_changed, file_hash, registry, clock, last_run, gate, metric, deployment, validation, ran, served, all, any or not"#
        ),
        (
            "{file_exists: a.txt, file_changed: a.txt}",
            #"steps.yaml:7:7: a check has exactly one kind, found "file_exists" and "file_changed"; wrap several in `all:` or `any:`"#
        ),
        (
            "file_exists: /etc/passwd",
            #"steps.yaml:7:20: the path "/etc/passwd" leaves the sandbox; write a path relative to the workspace"#
        ),
        (
            "file_changed: data/../../x",
            #"steps.yaml:7:21: the path "data/../../x" leaves the sandbox; write a path relative to the workspace"#
        ),
        ("file_contains: {path: a.txt}", "steps.yaml:7:22: a file_contains check needs `text` or `regex`, not both"),
        (
            "file_contains: {path: a.txt, regex: '[a-'}",
            #"steps.yaml:7:43: `regex` "[a-" is not a valid regular expression"#
        ),
        (
            "file_contains: {path: a.txt, txt: b}",
            #"steps.yaml:7:36: unknown key "txt" in a file_contains check; did you mean "text"?"#
        ),
        (
            "file_hash: {path: a.txt, sha256: abc}",
            #"steps.yaml:7:40: `sha256` is "abc"; expected 64 hexadecimal digits"#
        ),
        (
            "registry: {moved: true}",
            "steps.yaml:7:25: `moved` in a registry check needs the `alias` it is about"
        ),
        (
            "registry: {alias: champion, version: 2}",
            "steps.yaml:7:35: `version` is no longer accepted in a registry check: a version number depends on what else the learner ran; use `moved: true` (the alias points at another version than when the step began) or `moved: false`"
        ),
        (
            "registry: {new_versions: 0}",
            #"steps.yaml:7:32: `new_versions` is "0"; expected a whole number of at least 1"#
        ),
        (
            "clock: {past_start: 7d}",
            "steps.yaml:7:15: `past_start` is no longer accepted in a clock check: time since the sandbox started depends on what else the learner ran; use `advanced: DURATION` (since the step began)"
        ),
        (
            "clock: {advanced: soon}",
            "steps.yaml:7:25: `advanced`: 'soon' is not a duration; write a number and a unit (s, m, h, d, w), such as 30m, 12h, 7d or 1d12h"
        ),
        (
            "served: {shadow: true}",
            "steps.yaml:7:15: a served check needs `requests`"
        ),
        (
            "last_run: {stages: {train: done}}",
            #"steps.yaml:7:34: the status of stage "train" is "done"; expected ran, cached, failed, skipped or restored"#
        ),
        ("last_run: {status: green}", #"steps.yaml:7:26: `status` is "green"; expected passed or failed"#),
        (
            "gate: {name: latency, status: red}",
            #"steps.yaml:7:37: `status` is "red"; expected passed, failed or skipped"#
        ),
        ("metric: {name: accuracy}", "steps.yaml:7:15: a metric check needs `min` or `max`"),
        ("metric: {name: accuracy, min: high}", #"steps.yaml:7:37: `min` is "high"; expected a number such as 0.85"#),
        (
            "deployment: {strategy: blue-green}",
            #"steps.yaml:7:30: `strategy` is "blue-green"; expected direct, shadow or canary"#
        ),
        ("validation: {data: data/churn.csv, success: maybe}", #"steps.yaml:7:19: a validation check needs `suite`"#),
        ("all: []", "steps.yaml:7:12: `all` lists no checks"),
        ("not: [file_exists: a.txt]", "steps.yaml:7:12: a check should be a mapping of keys to values, found a list"),
    ]

    @Test(arguments: badChecks)
    func aBadCheckIsReportedWhereItIsWritten(yaml: String, message: String) {
        let result = StepLoader.parse(stepsFile(check: yaml), file: "steps.yaml")
        #expect(result.steps.isEmpty)
        #expect(result.problems.map(\.description) == [message])
    }

    @Test func everyBrokenStepIsReportedNotOnlyTheFirst() {
        let text = """
            steps:
              - id: one
                title: One
                instructions: x
                command: sandbox init
                check: {file_exists: a.txt}
              - id: two
                title: Two
                instructions: x
                command: sandbox init
                check: {file_exists: a.txt}
                hints: [h]
                hint: stray
              - id: two
                title: Again
            """
        let result = StepLoader.parse(text, file: "s.yaml")
        #expect(
            result.problems.map(\.description) == [
                "s.yaml:2:5: step \"one\" has no `hints`; every step needs `id`, `title`, `instructions`, `command`, `check` and `hints`",
                "s.yaml:13:5: unknown key \"hint\" in step \"two\"; did you mean \"hints\"?",
                "s.yaml:14:9: step id \"two\" is used twice (first at line 7)",
            ])
        #expect(result.commands.count == 2)
    }

    @Test func theWholeFileMustBeAStepsList() {
        #expect(
            StepLoader.parse("", file: "s.yaml").problems.map(\.description)
                == ["s.yaml:1: the steps file is empty; expected a `steps:` list"])
        #expect(
            StepLoader.parse("step: []", file: "s.yaml").problems.map(\.description)
                == [#"s.yaml:1:1: unknown key "step" in the top of a steps file; did you mean "steps"?"#])
        #expect(
            StepLoader.parse("steps: []", file: "s.yaml").problems.map(\.description)
                == ["s.yaml:1:8: `steps` is an empty list"])
    }
}
