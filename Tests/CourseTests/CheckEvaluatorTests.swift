import Foundation
import GRDB
import PipelineEngine
import Testing

@testable import Course
@testable import LabSupport

/// Each kind of check evaluated against a real workspace: what passes, and what it says is
/// missing when it does not.
@Suite struct CheckEvaluatorTests {
    @Test func withoutASandboxNothingPassesAndNothingIsCreated() throws {
        let sandbox = try SandboxFixture()
        #expect(
            try sandbox.evaluate("file_exists: README.txt")
                == .notYet("you have no sandbox yet; `sandbox init` creates it"))
        #expect(
            try sandbox.evaluate("not: {file_exists: missing.txt}")
                == .notYet("you have no sandbox yet; `sandbox init` creates it"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.root), "evaluating must not create the sandbox")
    }

    @Test func fileExists() throws {
        let sandbox = try SandboxFixture()
        try sandbox.initialise()
        #expect(try sandbox.evaluate("file_exists: README.txt") == .passed("`README.txt` exists"))
        #expect(
            try sandbox.evaluate("file_exists: {path: models/candidate.json}")
                == .notYet("`models/candidate.json` does not exist"))
        #expect(try sandbox.evaluate("file_exists: data") == .notYet("`data` does not exist"), "a folder is not a file")
    }

    @Test func fileContainsTextOrARegularExpression() throws {
        let sandbox = try SandboxFixture()
        try sandbox.initialise()
        try sandbox.edit("suites/churn.yaml", "expectations:\n  - expect:   not_null\n    column: tenure\n")
        #expect(
            try sandbox.evaluate("file_contains: {path: suites/churn.yaml, text: 'column: tenure'}")
                == .passed("`suites/churn.yaml` contains “column: tenure”"))
        #expect(
            try sandbox.evaluate("file_contains: {path: suites/churn.yaml, text: in_set}")
                == .notYet("`suites/churn.yaml` does not contain “in_set”"))
        #expect(
            try sandbox.evaluate(#"file_contains: {path: suites/churn.yaml, regex: 'expect:\s*not_null'}"#)
                == .passed(#"`suites/churn.yaml` has a match for /expect:\s*not_null/"#))
        // `^` and `$` match at every line, so authors can ask for a line that starts a certain way.
        #expect(
            try sandbox.evaluate(#"file_contains: {path: suites/churn.yaml, regex: '^\s+column: tenure$'}"#)
                == .passed(#"`suites/churn.yaml` has a match for /^\s+column: tenure$/"#))
        #expect(
            try sandbox.evaluate(#"file_contains: {path: suites/churn.yaml, regex: '^expect:'}"#)
                == .notYet("`suites/churn.yaml` has no match for /^expect:/"))
        #expect(
            try sandbox.evaluate("file_contains: {path: gates.yaml, text: latency}")
                == .notYet("`gates.yaml` does not exist"))
    }

    @Test func fileChangedComparesWithTheTemplate() throws {
        let sandbox = try SandboxFixture()
        try sandbox.initialise()
        #expect(
            try sandbox.evaluate("file_changed: data/churn.csv")
                == .notYet("`data/churn.csv` is still the same as its template"))
        try sandbox.edit("data/churn.csv", "tenure,churned\n1,0\n30,0\n")
        #expect(
            try sandbox.evaluate("file_changed: data/churn.csv")
                == .passed("`data/churn.csv` differs from its template"))
        try FileManager.default.removeItem(atPath: sandbox.root + "/data/churn.csv")
        #expect(try sandbox.evaluate("file_changed: data/churn.csv") == .notYet("`data/churn.csv` does not exist"))
        #expect(
            try sandbox.evaluate("file_changed: notes.txt")
                == .unavailable("`notes.txt` has no template in the sandbox templates to compare with"))
    }

    @Test func fileHashIsTheSHA256OfTheBytes() throws {
        let sandbox = try SandboxFixture()
        try sandbox.initialise()
        try sandbox.edit("params.yaml", "abc")
        // printf abc | sha256sum
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        #expect(
            try sandbox.evaluate("file_hash: {path: params.yaml, sha256: \(abc.uppercased())}")
                == .passed("`params.yaml` has the expected SHA-256 ba7816bf8f01…"))
        try sandbox.edit("params.yaml", "abd")
        #expect(
            try sandbox.evaluate("file_hash: {path: params.yaml, sha256: \(abc)}")
                == .notYet("`params.yaml` has SHA-256 a52d159f262b…, not the expected ba7816bf8f01…"))
    }

    @Test func registryCountsVersionsAndAliasMovesSinceTheStepBegan() throws {
        let sandbox = try SandboxFixture()
        try sandbox.initialise()
        #expect(try sandbox.evaluate("registry: {alias: champion}") == .notYet("the registry has no alias `champion`"))
        #expect(
            try sandbox.evaluate("registry: {new_versions: 2}")
                == .notYet("0 new versions were registered since this step began, and the step needs at least 2"))
        try sandbox.register(accuracy: 0.81)
        try ModelRegistry(workspace: Workspace(root: sandbox.root)).setAlias("champion", to: "v1", actor: "ada")
        // An earlier step left v1 as champion; this step begins here.
        let mark = try sandbox.mark()
        #expect(
            try sandbox.evaluate("registry: {alias: champion, moved: true}", since: mark)
                == .notYet("`champion` points at v1, as it did when this step began; the step needs it moved"))
        #expect(
            try sandbox.evaluate("registry: {alias: champion, moved: false}", since: mark)
                == .passed("`champion` points at v1, as when this step began"))
        try sandbox.register(accuracy: 0.84)
        #expect(
            try sandbox.evaluate("registry: {new_versions: 1, new_versions_max: 1}", since: mark)
                == .passed("1 new version was registered since this step began"))
        #expect(
            try sandbox.evaluate("registry: {new_versions_max: 0}", since: mark)
                == .notYet("1 new version was registered since this step began, and the step allows at most 0"))
        try ModelRegistry(workspace: Workspace(root: sandbox.root)).setAlias("champion", to: "2", actor: "ada")
        #expect(
            try sandbox.evaluate("registry: {alias: champion, moved: true}", since: mark)
                == .passed("`champion` points at v2 (it pointed at v1 when this step began)"))
        #expect(
            try sandbox.evaluate("registry: {alias: champion, moved: false}", since: mark)
                == .notYet(
                    "`champion` points at v2, but it pointed at v1 when this step began; the step needs it unmoved"))
    }

    @Test func clockCountsFromWhenTheStepBegan() throws {
        let sandbox = try SandboxFixture()
        let workspace = try sandbox.initialise()
        func shown(days: Double) -> String {
            SimulatedClock.format(SimulatedClock.defaultStart.addingTimeInterval(days * 86_400))
        }
        let clock = SimulatedClock(state: workspace.state)
        // Two weeks that an earlier step lived through do not count for this one.
        try clock.advance(by: SimulatedDuration(parsing: "14d"), actor: "ada")
        let mark = try sandbox.mark()
        #expect(
            try sandbox.evaluate("clock: {advanced: 7d}", since: mark)
                == .notYet(
                    "the simulated clock is at \(shown(days: 14)), where it was when this step began; the step needs it moved at least 1w"
                ))
        try clock.advance(by: SimulatedDuration(parsing: "3d"), actor: "ada")
        #expect(
            try sandbox.evaluate("clock: {advanced: 1w}", since: mark)
                == .notYet(
                    "the simulated clock is at \(shown(days: 17)), 3d later than when this step began; the step needs it moved at least 1w"
                ))
        try clock.advance(by: SimulatedDuration(parsing: "4d"), actor: "ada")
        #expect(
            try sandbox.evaluate("clock: {advanced: 7d}", since: mark)
                == .passed("the simulated clock is at \(shown(days: 21)), 1w later than when this step began"))
    }

    @Test func ranReadsTheJournalFromTheMark() throws {
        let sandbox = try SandboxFixture()
        try sandbox.initialise()
        let journal = CommandJournal(workspace: sandbox.root)
        try journal.append(.init(words: ["monitor", "--window", "14d"], status: 0))
        let mark = try sandbox.mark()
        #expect(
            try sandbox.evaluate("ran: monitor", since: mark)
                == .notYet("`monitor` has not run in this sandbox since this step began"))
        try journal.append(.init(words: ["pipeline", "runs"], status: 0))
        #expect(try sandbox.evaluate("ran: monitor", since: mark).passed == false)
        #expect(
            try sandbox.evaluate("ran: pipeline runs", since: mark)
                == .passed("`pipeline runs` ran since this step began"))
        #expect(try sandbox.evaluate("ran: pipeline run", since: mark).passed == false)
    }

    @Test func ranAfterNeedsTheCommandOnceTheClockHadMoved() throws {
        let sandbox = try SandboxFixture()
        try sandbox.initialise()
        let mark = try sandbox.mark()
        let journal = CommandJournal(workspace: sandbox.root)
        // The monitor read before the fortnight passed shows none of it.
        try journal.append(.init(words: ["monitor"], status: 0, clock: mark.clock))
        #expect(
            try sandbox.evaluate("ran: {command: monitor, after: 12d}", since: mark)
                == .notYet("`monitor` ran, but before the clock had moved 1w5d since this step began; run it again now")
        )
        try journal.append(.init(words: ["monitor"], status: 0, clock: mark.clock.addingTimeInterval(12 * 86_400)))
        #expect(
            try sandbox.evaluate("ran: {command: monitor, after: 12d}", since: mark)
                == .passed("`monitor` ran once the clock had moved 1w5d since this step began"))
    }

    @Test func deploymentReadsTheLatestDeployment() throws {
        let sandbox = try SandboxFixture()
        let workspace = try sandbox.initialise()
        #expect(try sandbox.evaluate("deployment: {strategy: canary}") == .notYet("there is no deployment"))
        // Rows as the rollout engine leaves them; the shipping fixture of `lint --play` makes a
        // real one with `deploy`.
        func deploy(_ strategy: String, _ status: String) throws {
            try workspace.state.pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO deployment (strategy, candidate_version, champion_version, steps, step_index, status,
                            reason, started_at, updated_at, started_by)
                        VALUES (?, 2, 1, '[5,25,50,100]', 0, ?, '', ?, ?, 'ada')
                        """, arguments: [strategy, status, Date(), Date()])
            }
        }
        try deploy("shadow", "aborted")
        try deploy("canary", "progressing")
        #expect(
            try sandbox.evaluate("deployment: {strategy: canary, status: promoted}")
                == .notYet("the latest deployment (#2, canary of v2) is progressing, not promoted"))
        #expect(
            try sandbox.evaluate("deployment: {strategy: shadow}")
                == .notYet("the latest deployment (#2, canary of v2) is canary, not shadow"))
        #expect(
            try sandbox.evaluate("deployment: {strategy: canary, status: progressing}")
                == .passed("the latest deployment (#2, canary of v2) is progressing"))
    }

    @Test func validationRunsTheSuiteOnTheDataFile() throws {
        let sandbox = try SandboxFixture()
        try sandbox.initialise()
        let check = "validation: {data: data/churn.csv, suite: suites/churn.yaml}"
        #expect(try sandbox.evaluate(check) == .notYet("`suites/churn.yaml` does not exist"))
        try sandbox.edit(
            "suites/churn.yaml",
            """
            expectations:
              - expect: columns_exist
                columns: [tenure, churned]
              - expect: in_set
                column: churned
                values: [0, 1]
              - expect: between
                column: tenure
                min: 0
                max: 24
            """)
        // The template's tenures are 1 and 30: the bound of 24 is too tight.
        #expect(
            try sandbox.evaluate(check)
                == .notYet(
                    "`suites/churn.yaml` fails on `data/churn.csv`: 1 of 3 expectations fail (between on tenure)"))
        #expect(
            try sandbox.evaluate("validation: {data: data/churn.csv, suite: suites/churn.yaml, success: false}")
                == .passed(
                    "`suites/churn.yaml` fails on `data/churn.csv`: 1 of 3 expectations fail (between on tenure)"))
        try sandbox.edit(
            "suites/churn.yaml",
            try String(contentsOfFile: sandbox.root + "/suites/churn.yaml", encoding: .utf8)
                .replacingOccurrences(of: "max: 24", with: "max: 120"))
        #expect(
            try sandbox.evaluate(check)
                == .passed("`suites/churn.yaml` passes on `data/churn.csv` (3 of 3 expectations hold)"))
        #expect(
            try sandbox.evaluate("validation: {data: data/churn.csv, suite: suites/churn.yaml, success: false}")
                == .notYet(
                    "`suites/churn.yaml` passes on `data/churn.csv` (3 of 3 expectations hold), and the step needs it to fail"
                ))
        try sandbox.edit("suites/churn.yaml", "expectations:\n  - expect: not_nul\n    column: tenure\n")
        #expect(
            try sandbox.evaluate(check)
                == .notYet(
                    "the validation cannot run: suites/churn.yaml:2:13: unknown expectation 'not_nul'. Did you mean 'not_null'?"
                ))
    }

    @Test func combinatorsSayEveryMissingPartOnce() throws {
        let sandbox = try SandboxFixture()
        try sandbox.initialise()
        let both = """
            all:
              - file_exists: a.txt
              - file_contains: {path: a.txt, text: x}
              - file_exists: README.txt
            """
        #expect(try sandbox.evaluate(both) == .notYet("`a.txt` does not exist"))
        try sandbox.edit("a.txt", "y")
        #expect(try sandbox.evaluate(both) == .notYet("`a.txt` does not contain “x”"))
        try sandbox.edit("a.txt", "x")
        #expect(try sandbox.evaluate(both) == .passed("`a.txt` exists; `a.txt` contains “x”; `README.txt` exists"))
        let either = "any: [{file_exists: b.txt}, {file_exists: c.txt}]"
        #expect(
            try sandbox.evaluate(either)
                == .notYet("none of these holds: `b.txt` does not exist; `c.txt` does not exist"))
        try sandbox.edit("c.txt", "")
        #expect(try sandbox.evaluate(either) == .passed("`c.txt` exists"))
        #expect(
            try sandbox.evaluate("not: {file_exists: c.txt}")
                == .notYet("`c.txt` exists, and the step needs the opposite"))
        #expect(try sandbox.evaluate("not: {file_exists: d.txt}") == .passed("`d.txt` does not exist"))
    }

    @Test func aCheckThatCannotBeEvaluatedNeverPasses() throws {
        let sandbox = try SandboxFixture()
        try sandbox.initialise()
        let message = "`notes.txt` has no template in the sandbox templates to compare with"
        #expect(try sandbox.evaluate("file_changed: notes.txt") == .unavailable(message))
        #expect(
            try sandbox.evaluate("not: {file_changed: notes.txt}") == .unavailable(message),
            "not does not turn it into a pass")
        #expect(
            try sandbox.evaluate("any: [{file_changed: notes.txt}, {file_exists: nope.txt}]") == .unavailable(message))
        #expect(
            try sandbox.evaluate("all: [{file_changed: notes.txt}, {file_exists: README.txt}]") == .unavailable(message)
        )
        #expect(
            try sandbox.evaluate("all: [{file_changed: notes.txt}, {file_exists: nope.txt}]")
                == .notYet("`nope.txt` does not exist"), "a part that is plainly missing is said first")
    }

    @Test func aSymlinkOutOfTheWorkspaceIsRefused() throws {
        let sandbox = try SandboxFixture()
        try sandbox.initialise()
        try FileManager.default.createSymbolicLink(
            atPath: sandbox.root + "/out", withDestinationPath: sandbox.directory)
        #expect(throws: LabError.self) { try sandbox.evaluate("file_exists: out/templates/README.txt") }
    }
}
