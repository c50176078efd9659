import Foundation
import GRDB
import Testing

@testable import PipelineEngine

/// A run whose process ended before it finished is found and marked `interrupted`; a run
/// whose process is still at it is left alone.
@Suite struct InterruptedRunTests {
    /// Records a started run owned by `token` as `pipeline run` would, without finishing it.
    private func startedRun(_ sandbox: PipelineSandbox, owner token: String?) throws -> Int {
        try sandbox.workspace.state.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO pipeline_run (pipeline, pipeline_hash, started_at, status, forced, actor, owner)
                    VALUES ('pipeline.yaml', 'h', ?, 'running', 0, 'tester', ?)
                    """, arguments: [Date(), token])
            return Int(db.lastInsertedRowID)
        }
    }

    private func statuses(_ sandbox: PipelineSandbox) throws -> [String] {
        try PipelineHistory(state: sandbox.workspace.state).runs().map { "#\($0.id):\($0.status)" }
    }

    @Test func aRunWhoseOwnerLockIsFreeIsMarkedInterruptedWithAnAuditEntry() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        let history = PipelineHistory(state: sandbox.workspace.state)
        // The lock file exists but nobody holds it: its process was killed.
        try FileManager.default.createDirectory(atPath: history.ownerDirectory, withIntermediateDirectories: true)
        let lockFile = RunOwnerLock.path(for: "dead-owner", in: history.ownerDirectory)
        #expect(FileManager.default.createFile(atPath: lockFile, contents: nil))
        let id = try startedRun(sandbox, owner: "dead-owner")

        #expect(try statuses(sandbox) == ["#\(id):interrupted"])
        #expect(!FileManager.default.fileExists(atPath: lockFile), "the stale lock file is removed")
        let audit = try sandbox.workspace.state.auditLog().last
        #expect(audit?.subject == "run #\(id)")
        #expect(audit?.detail == "interrupted: its process ended before the run finished")
        #expect(try history.markInterruptedRuns() == [], "a run is marked once")
    }

    @Test func aRunWhoseOwnerLockIsHeldStaysRunning() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        let history = PipelineHistory(state: sandbox.workspace.state)
        let owner = try RunOwnerLock(directory: history.ownerDirectory, in: sandbox.workspace.files)
        let id = try startedRun(sandbox, owner: owner.token)
        #expect(try statuses(sandbox) == ["#\(id):running"])
        owner.release()
        #expect(try statuses(sandbox) == ["#\(id):interrupted"])
    }

    @Test func aRunWithoutOwnerOrOwnerFileIsInterrupted() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        let old = try startedRun(sandbox, owner: nil)
        let vanished = try startedRun(sandbox, owner: "no-such-lock")
        #expect(try statuses(sandbox) == ["#\(old):interrupted", "#\(vanished):interrupted"])
    }

    @Test func theNextRunMarksTheStaleRunAndLeavesNoLockBehind() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        let stale = try startedRun(sandbox, owner: nil)
        let report = try sandbox.run()
        #expect(report.status == .passed)
        let row = try sandbox.workspace.state.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT status, finished_at FROM pipeline_run WHERE id = ?", arguments: [stale])
        }
        #expect(row?["status"] == "interrupted")
        #expect((row?["finished_at"] as Date?) != nil)
        #expect(try statuses(sandbox) == ["#\(stale):interrupted", "#\(report.runID):passed"])
        let left = try FileManager.default.contentsOfDirectory(
            atPath: PipelineHistory(state: sandbox.workspace.state).ownerDirectory)
        #expect(left == [], "a finished run removes its owner lock")
    }

    @Test func theStateDatabaseHasTheOwnerMigration() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        #expect(try sandbox.workspace.state.appliedMigrations().last == "v5-pipeline-run-owner")
    }
}
