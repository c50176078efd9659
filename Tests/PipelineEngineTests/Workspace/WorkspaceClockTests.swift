import Foundation
import GRDB
import Testing

@testable import PipelineEngine

/// A workspace has one clock: after `clock advance`, every timestamp an action writes to
/// `state.sqlite` (runs, versions, aliases, rollouts, settings, the audit log) is the simulated
/// time, never the machine's.
@Suite struct WorkspaceClockTests {
    /// Every timestamp in `state.sqlite`, by `table.column`.
    static func timestamps(_ workspace: Workspace) throws -> [String: Set<Date>] {
        try workspace.state.pool.read { db in
            var found: [String: Set<Date>] = [:]
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            for table in tables {
                for column in try db.columns(in: table) where column.type.uppercased() == "DATETIME" {
                    let values = try Date.fetchAll(
                        db,
                        sql: "SELECT DISTINCT \"\(column.name)\" FROM \"\(table)\" WHERE \"\(column.name)\" IS NOT NULL"
                    )
                    if !values.isEmpty { found["\(table).\(column.name)"] = Set(values) }
                }
            }
            return found
        }
    }

    /// Moves the clock as `clock advance 3d` does, then runs `action`; returns the time the
    /// clock moved to and every timestamp `action` wrote, by `table.column`.
    static func advanceThreeDays(_ workspace: Workspace, then action: () throws -> Void) throws
        -> (now: Date, written: [String: Set<Date>])
    {
        let now = try ProductionClock(workspace: workspace).advance(by: SimulatedDuration(parsing: "3d"), actor: "ada")
            .to
        let before = try timestamps(workspace)
        try action()
        let written = try timestamps(workspace).reduce(into: [String: Set<Date>]()) { written, entry in
            let new = entry.value.subtracting(before[entry.key] ?? [])
            if !new.isEmpty { written[entry.key] = new }
        }
        return (now, written)
    }

    @Test func aPipelineRunStampsTheRunTheVersionItRegistersTheAliasAndTheAuditLogWithTheSimulatedTime() throws {
        let executorTests = StageExecutorTests()
        let sandbox = try executorTests.sandbox()
        defer { sandbox.cleanUp() }
        var report: PipelineRunReport?
        let (now, written) = try Self.advanceThreeDays(sandbox.workspace) { report = try executorTests.run(sandbox) }

        #expect(report?.status == .passed)
        #expect(now == SimulatedClock.defaultStart.addingTimeInterval(3 * 86_400))
        #expect(written.values.allSatisfy { $0 == [now] }, "\(written)")
        for column in [
            "pipeline_run.started_at", "pipeline_run.finished_at", "model_version.created_at",
            "model_alias.updated_at", "stage_cache.created_at", "audit_log.at",
        ] {
            #expect(written[column] == [now], "\(column)")
        }
        #expect(try ModelRegistry(workspace: sandbox.workspace).version("challenger").createdAt == now)
    }

    @Test func rolloutsPromotionsAndRollbacksStampEverythingTheyWriteWithTheSimulatedTime() throws {
        let lab = try DeploymentFixture()
        let (now, written) = try Self.advanceThreeDays(lab.workspace) {
            let deployer = try lab.deployer
            _ = try deployer.deploy("v1", strategy: .direct, actor: "ada", reason: "first model")
            _ = try deployer.deploy("v2", strategy: .canary, actor: "ada", reason: "more data, more features")
            let controller = RolloutController(workspace: lab.workspace)
            _ = try controller.rollback(actor: "bob", reason: "complaints")
            _ = try deployer.deploy("v2", strategy: .shadow, actor: "ada", reason: "watch it first")
            _ = try controller.promote(actor: "bob", reason: "looks right")
            try ModelRegistry(workspace: lab.workspace).setAlias("challenger", to: "v3", actor: "ada")
        }

        #expect(written.values.allSatisfy { $0 == [now] }, "\(written)")
        for column in [
            "deployment.started_at", "deployment.updated_at", "deployment.simulated_at", "deployment_analysis.at",
            "model_alias.updated_at", "lab_setting.updated_at", "audit_log.at",
        ] {
            #expect(written[column] == [now], "\(column)")
        }
        let rollouts = try RolloutStore(state: lab.workspace.state).all()
        #expect(rollouts.count == 3)
        #expect(rollouts.allSatisfy { $0.startedAt == now && $0.updatedAt == now && $0.simulatedAt == now })
    }

    @Test func aRunFoundInterruptedIsMarkedAtTheSimulatedTime() throws {
        let sandbox = try PipelineSandbox()
        defer { sandbox.cleanUp() }
        // A run recorded as started long ago, by a process that has ended since.
        try sandbox.workspace.state.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO pipeline_run (pipeline, pipeline_hash, started_at, status, forced, actor)
                    VALUES ('pipeline.yaml', 'h', ?, 'running', 0, 'tester')
                    """, arguments: [SimulatedClock.defaultStart])
        }
        var marked: [Int] = []
        let (now, written) = try Self.advanceThreeDays(sandbox.workspace) {
            marked = try PipelineHistory(state: sandbox.workspace.state).markInterruptedRuns()
        }

        #expect(marked == [1])
        #expect(written == ["pipeline_run.finished_at": [now], "audit_log.at": [now]])
    }
}
