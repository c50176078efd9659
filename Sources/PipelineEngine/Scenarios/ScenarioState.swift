import Foundation
import GRDB

/// The sandbox's running scenario: which one it is, and starting another.
package struct ScenarioState: Sendable {
    package let workspace: Workspace

    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    static let key = "scenario"

    /// The folder the sandbox's scenarios are in.
    package var directory: String { workspace.root + "/scenarios" }

    /// The running scenario: the one last started, else ``Scenario/calm``.
    package func current() throws -> Scenario {
        let name = try workspace.state.pool.read { db in try LabSettings.value(Self.key, db) }
        guard let name, name != Scenario.calm.name else { return .calm }
        return try ScenarioLoader.load(name, from: directory)
    }

    /// Every scenario of the sandbox, with the running one marked.
    package func list() throws -> [ScenarioSummary] {
        let running = try current().name
        var summaries = [
            ScenarioSummary(
                name: Scenario.calm.name, title: Scenario.calm.title, story: Scenario.calm.story,
                active: running == Scenario.calm.name)
        ]
        for name in ScenarioLoader.names(in: directory) where name != Scenario.calm.name {
            let scenario = try ScenarioLoader.load(name, from: directory)
            summaries.append(
                ScenarioSummary(
                    name: name, title: scenario.title, story: scenario.story,
                    active: running == name, watch: scenario.watch, fix: scenario.fix))
        }
        return summaries
    }

    /// Starts scenario `name`: writes its files and data into the workspace, moves the clock
    /// to its start and the load level to its own.
    ///
    /// All of it is audited. Runs, models and deployments are kept.
    @discardableResult
    package func start(_ name: String, actor: String) throws -> ScenarioStart {
        let scenario = name == Scenario.calm.name ? Scenario.calm : try ScenarioLoader.load(name, from: directory)
        let written = try writeWorkspace(scenario)
        try workspace.state.pool.write { db in
            try LabSettings.set(Self.key, scenario.name, db)
            try StateStore.audit(
                db, actor: actor, action: "scenario.start", subject: scenario.name, detail: scenario.title)
        }
        try SimulatedClock(state: workspace.state).set(
            scenario.start, actor: actor, reason: "scenario \(scenario.name) starts")
        try LabSettings(state: workspace.state).setLoadLevel(
            scenario.load ?? .normal, actor: actor,
            reason: "scenario \(scenario.name) starts")
        return ScenarioStart(scenario: scenario, written: written)
    }
}
