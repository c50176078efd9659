import Foundation
import GRDB
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// A rerun that finds nothing to do right after one that also found nothing is reported as that
/// run and writes nothing to `state.sqlite`, unless the runner records every run.
@Suite struct RepeatedNoOpRunTests {
    @Test func aRepeatedNoOpIsReportedAsTheLastRunAndNotRecorded() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run(recordsRepeatedNoOps: false)
        _ = sandbox.log.take()
        // The first rerun with nothing to do is recorded: its stages say "cached".
        let second = try sandbox.run(recordsRepeatedNoOps: false)
        #expect(second.runID == 2 && second.recorded)
        let history = PipelineHistory(state: sandbox.workspace.state)
        let audited = {
            try sandbox.workspace.state.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") }
        }
        let changes = try audited()

        let third = try sandbox.run(recordsRepeatedNoOps: false)
        #expect(sandbox.log.take() == [])
        #expect(!third.recorded)
        #expect(third.runID == 2)
        #expect(third.statuses == second.statuses)
        #expect(third.stages.map(\.reason) == second.stages.map(\.reason))
        #expect(third.savedCost == second.savedCost)
        #expect(try history.lastRunID() == 2)
        #expect(try history.runs().count == 2)
        #expect(try audited() == changes)
        // `pipeline status` is unchanged by it.
        let status = try PipelineRunner(
            workspace: sandbox.workspace, pipeline: try sandbox.load(), executors: TestExecutors.all(sandbox.log)
        ).status()
        #expect(status.allSatisfy { $0.state == .upToDate })
    }

    @Test func aChangeAfterARepeatedNoOpIsRecordedAsTheNextRun() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run(recordsRepeatedNoOps: false)
        try sandbox.run(recordsRepeatedNoOps: false)
        #expect(try !sandbox.run(recordsRepeatedNoOps: false).recorded)
        _ = sandbox.log.take()
        try sandbox.write("params.yaml", "train:\n  C: 0.5\n  seed: 7\nbaseline:\n  k: 5\n")
        let changed = try sandbox.run(recordsRepeatedNoOps: false)
        #expect(changed.recorded && changed.runID == 3)
        #expect(sandbox.log.take() == ["train", "evaluate", "gate"])
        // After a run that ran something, the next no-op is recorded again.
        let after = try sandbox.run(recordsRepeatedNoOps: false)
        #expect(after.recorded && after.runID == 4)
    }

    @Test func aForcedOrPartialRunIsNeverFolded() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run(recordsRepeatedNoOps: false)
        try sandbox.run(recordsRepeatedNoOps: false)
        let forced = try sandbox.run(force: true, recordsRepeatedNoOps: false)
        #expect(forced.recorded && forced.runID == 3)
        let partial = try sandbox.run(stage: "train", recordsRepeatedNoOps: false)
        #expect(partial.recorded && partial.runID == 4)
    }

    @Test func aDeletedOutputIsRestoredAndRecorded() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run(recordsRepeatedNoOps: false)
        try sandbox.run(recordsRepeatedNoOps: false)
        try sandbox.remove("models/candidate.json")
        let report = try sandbox.run(recordsRepeatedNoOps: false)
        #expect(report.recorded && report.runID == 3)
        #expect(sandbox.read("models/candidate.json") != nil)
    }

    @Test func theRunnerRecordsEveryRunByDefault() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        try sandbox.run()
        try sandbox.run()
        let third = try sandbox.run()
        #expect(third.recorded && third.runID == 3)
    }
}
