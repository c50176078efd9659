import Foundation
import PipelineEngine
import Testing

@Suite struct DeployEndToEndTests {
    static let sandboxData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sandbox/data").path

    /// A lab home whose sandbox has two real churn models registered: v1 (two features) and v2 (all).
    static func homeWithModels() throws -> (home: String, workspace: String) {
        let home = try Binary.temporaryHome()
        let path = try Binary.run(["--content", Binary.fixtureContent, "sandbox", "path"], home: home)
        let root = path.stdout.trimmingCharacters(in: .newlines)
        let registry = ModelRegistry(workspace: try Workspace(root: root))
        let table = try CSVReader.read(file: sandboxData + "/churn.csv")
        for features in [
            ["tenure", "support_calls"], ["tenure", "monthly_charges", "contract", "plan", "support_calls"],
        ] {
            var request = TrainingRequest(train: table, target: "churned", dataHash: "e2e")
            request.features = features
            let model = try Trainer.train(request).model
            try registry.register(
                modelData: try JSONEncoder().encode(model),
                ModelRegistration(
                    kind: .logistic, target: "churned", features: features,
                    lineage: Lineage(dataHash: model.dataHash, paramsHash: model.paramsHash), metrics: [:],
                    source: "churn.csv"),
                actor: "e2e")
        }
        // A generous latency objective: this test is about the commands, not about this machine's speed.
        try "analysis:\n  max_p95_ms: 900\n".write(toFile: root + "/deploy.yaml", atomically: true, encoding: .utf8)
        return (home, root)
    }

    func lab(_ arguments: [String], _ home: String) throws -> Binary.Result {
        try Binary.run(["--content", Binary.fixtureContent] + arguments, home: home)
    }

    @Test func deployServeShadowCanaryAndRollBackThroughTheBinary() throws {
        let (home, _) = try Self.homeWithModels()
        defer { try? FileManager.default.removeItem(atPath: home) }

        let first = try lab(["deploy", "v1", "--reason", "first model"], home)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.hasPrefix("Rollout #1  direct of v1  ✔ promoted\n"))
        #expect(
            first.stdout.contains("v1 is the champion now and serves all traffic; a direct deployment has no analysis.")
        )

        let served = try lab(["traffic", "simulate", "--requests", "50"], home)
        #expect(served.status == 0, "stderr: \(served.stderr)")
        #expect(
            served.stdout.hasPrefix(
                "Served 50 requests of 2026-12-07 (stream day 14) at normal load (20 req/s); 150 left today.\n"))
        #expect(served.stdout.contains("  v1  no labels back yet; 50 still waiting for labels"))

        let shadow = try lab(["deploy", "v2", "--strategy", "shadow"], home)
        #expect(shadow.status == 0, "stderr: \(shadow.stderr)")
        let status = try lab(["rollout", "status"], home)
        #expect(
            status.stdout.hasPrefix(
                "Rollout #2  shadow of v2 against v1  ◑ shadowing\n"
                    + "  champion v1 · challenger v2 · load normal (20 req/s)\n"))
        #expect(status.stdout.contains("stable       v1         100%  4/4    20.0 ms"))
        #expect(status.stdout.contains("shadow       v2       mirror  4/4"))
        let mirrored = try lab(["traffic", "simulate"], home)
        #expect(mirrored.stdout.contains("Shadow v2 against champion v1: agreed on "))
        #expect(mirrored.stdout.contains("Its answers were logged, never served."))

        let aborted = try lab(["rollback", "--reason", "not yet"], home)
        #expect(aborted.status == 0)
        #expect(aborted.stdout.contains("Aborted rollout #2; v1 serves all traffic."))

        let canary = try lab(["deploy", "v2", "--strategy", "canary", "--steps", "50,100"], home)
        #expect(canary.status == 0, "stdout: \(canary.stdout)\nstderr: \(canary.stderr)")
        #expect(
            canary.stdout.hasPrefix(
                "Compared with the champion: accuracy 0.788 against champion v1's 0.765 on 996 labelled production requests (only v1 right 47, only v2 right 70); better: the challenger is 0.023 ahead, p = 0.042 < 0.05; the 95 % interval 0.002 to 0.044 excludes 0\n"
                    + "Rollout #3  canary of v2 against v1  ✔ promoted\n"), "\(canary.stdout)")
        #expect(canary.stdout.contains("Promoted v2 to champion: every canary step passed its analysis."))

        let json = try lab(["rollout", "status", "--json"], home)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["rollout"] as? [String: Any])?["status"] as? String == "promoted")
        #expect(object?["champion"] as? Int == 2)
        #expect(object?["challenger"] == nil)
        #expect(
            (object?["steps"] as? [[String: Any]])?.map { $0["verdict"] as? String } == ["successful", "successful"])

        let undone = try lab(["rollback", "--reason", "complaints"], home)
        #expect(undone.stdout.contains("Rolled back rollout #3: v1 is the champion again."))
        let registry = try lab(["registry", "list", "--json"], home)
        let versions = try JSONSerialization.jsonObject(with: Data(registry.stdout.utf8)) as? [[String: Any]]
        #expect(versions?.map { $0["aliases"] as? [String] } == [["champion"], []])
        #expect(
            versions?.map { $0["metrics_measured_on"] as? String }
                == Array(repeating: "held-out test rows, when the version was trained", count: 2))
    }

    @Test func badDeploymentsAreBadInput() throws {
        let (home, _) = try Self.homeWithModels()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let strategy = try lab(["deploy", "v1", "--strategy", "canery"], home)
        #expect(strategy.status == 2)
        #expect(
            strategy.stderr
                == "error: unknown strategy 'canery'. Did you mean 'canary'? (strategies: direct, shadow, canary)\n")
        let steps = try lab(["deploy", "v1", "--strategy", "direct", "--steps", "5,100"], home)
        #expect(steps.stderr == "error: --steps applies to a canary; a direct deployment has no steps\n")
        let nothing = try lab(["promote"], home)
        #expect(nothing.status == 2)
        #expect(nothing.stderr == "error: nothing to promote: there has been no deployment yet\n")
        let status = try lab(["rollout", "status"], home)
        #expect(
            status.stdout
                == "No deployments yet. Deploy a version with `deploy VERSION --strategy direct|shadow|canary`.\n")
    }
}

@Suite struct ProductionEndToEndTests {
    func lab(_ arguments: [String], _ home: String) throws -> Binary.Result {
        try Binary.run(["--content", Binary.fixtureContent] + arguments, home: home)
    }

    @Test func aScenarioRunsOnTheClockAndMonitorChartsIt() throws {
        let (home, root) = try DeployEndToEndTests.homeWithModels()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let templates = DeployEndToEndTests.sandboxData + "/../scenarios"
        try FileManager.default.createDirectory(atPath: root + "/scenarios", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: templates + "/gradual-drift.yaml", toPath: root + "/scenarios/gradual-drift.yaml")

        let list = try lab(["scenario", "list"], home)
        #expect(
            list.stdout == "   SCENARIO       TITLE\n*  calm           A calm week\n   gradual-drift  Prices creep up\n"
        )
        let started = try lab(["scenario", "start", "gradual-drift"], home)
        #expect(started.status == 0, "stderr: \(started.stderr)")
        #expect(started.stdout.hasPrefix("Prices creep up\n"))
        _ = try lab(["deploy", "v1"], home)
        let advanced = try lab(["clock", "advance", "10d"], home)
        #expect(
            advanced.stdout == "Simulated time: 2026-12-07 09:00 (Mon) → 2026-12-17 09:00 (Thu)\n"
                + "Production served 2000 requests over 10 days (0 errors); `monitor` shows them.\n")

        let monitor = try lab(["monitor", "--window", "5d"], home)
        #expect(monitor.status == 0, "stderr: \(monitor.stderr)")
        #expect(monitor.stdout.hasPrefix("Production 2026-12-13 → 2026-12-17 · scenario gradual-drift · champion v1\n"))
        #expect(monitor.stdout.contains("Drift per feature (psi against 2026-11-23 – 2026-11-29; drifted when ≥ 0.1)"))
        #expect(monitor.stdout.contains("drifted since 2026-12-1"))
        let json = try lab(["monitor", "--window", "5d", "--json"], home)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let days = object?["days"] as? [[String: Any]]
        #expect(days?.map { $0["requests"] as? Int } == [200, 200, 200, 200, 0])
    }
}

@Suite struct ContinuousTrainingEndToEndTests {

    @Test func theSandboxPipelineRunsOnItsWeeklyScheduleAndShipsItsFirstModel() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let advanced = try Binary.run(["--content", Binary.repository, "clock", "advance", "7d"], home: home)
        #expect(advanced.status == 0, "stderr: \(advanced.stderr)")
        #expect(advanced.stdout.hasPrefix("Simulated time: 2026-12-07 09:00 (Mon) → 2026-12-14 09:00 (Mon)\n"))
        #expect(
            advanced.stdout.contains(
                "2026-12-13 02:00 (Sun)  triggered by schedule 0 2 * * 0 → run #1 passed\n"
                    + "    v1: v1 is the champion now and serves all traffic"))
        // The day after, production is served by v1.
        #expect(advanced.stdout.contains("Production served 200 requests over 1 day (0 errors)"))

        let status = try Binary.run(["--content", Binary.repository, "rollout", "status"], home: home)
        #expect(status.stdout.hasPrefix("Rollout #1  direct of v1  ✔ promoted\n"))
        #expect(status.stdout.contains("  why: pipeline run #1, stage deploy\n"))
        let json = try Binary.run(["--content", Binary.repository, "clock", "advance", "7d", "--json"], home: home)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let triggers = object?["triggers"] as? [[String: Any]]
        #expect(triggers?.map { $0["reasons"] as? [String] } == [["schedule 0 2 * * 0"]])
        #expect(triggers?.first?["outcome"] as? String == "no challenger waiting; champion v1 keeps serving")
    }
}
