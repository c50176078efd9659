import Foundation
import Testing

/// Promotion decided with evidence, through the real binary on the churn sandbox: the deploy
/// stage and `deploy` compare the candidate with the champion on the same labelled production
/// requests with McNemar's exact test, and ship only what the policy allows.
///
/// The pairs of models are the sandbox's own logistic models at different regularisation: on
/// the 996 requests whose labels are back by the first day, C = 1.0 is right on one more row
/// than C = 0.05 (10 rows against 9 where only one of them is right), and 62 points ahead of
/// C = 0.001, which predicts that almost nobody churns.
@Suite struct PromotionEndToEndTests {
    /// A fresh sandbox whose first pipeline run made a champion with `C`, then a second run
    /// with C = 1.0; returns the home, the workspace and the second run.
    static func challenge(championC: String, deploySettings: String = "") throws -> (
        home: String, workspace: String, run: Binary.Result
    ) {
        let home = try Binary.temporaryHome()
        let workspace = try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: home).stdout
            .trimmingCharacters(in: .newlines)
        let params = workspace + "/params.yaml"
        let text = try String(contentsOfFile: params, encoding: .utf8)
        try text.replacingOccurrences(of: "C: 1.0", with: "C: \(championC)")
            .write(toFile: params, atomically: true, encoding: .utf8)
        if !deploySettings.isEmpty {
            let pipeline = workspace + "/pipeline.yaml"
            let definition = try String(contentsOfFile: pipeline, encoding: .utf8)
            try #require(definition.contains("    strategy: canary\n"))
            try definition.replacingOccurrences(
                of: "    strategy: canary\n", with: "    strategy: canary\n" + deploySettings
            )
            .write(toFile: pipeline, atomically: true, encoding: .utf8)
        }
        let first = try Binary.run(["--content", Binary.repository, "pipeline", "run"], home: home)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        try text.write(toFile: params, atomically: true, encoding: .utf8)
        let run = try Binary.run(["--content", Binary.repository, "pipeline", "run"], home: home)
        return (home, workspace, run)
    }

    static func champion(_ home: String) throws -> String {
        let list = try Binary.run(["--content", Binary.repository, "registry", "list", "--json"], home: home)
        let versions = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        let champion = versions.first { ($0["aliases"] as? [String] ?? []).contains("champion") }
        return (champion?["version"] as? String) ?? (champion?["version"] as? Int).map { "v\($0)" } ?? "none"
    }

    @Test func aChallengerOneThousandthAheadOnAThousandRowsIsInconclusiveAndNotDeployed() throws {
        let (home, _, run) = try Self.challenge(championC: "0.05")
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stdout.contains(
                "v2 not deployed: not shown better than the champion (accuracy 0.789 against champion v1's 0.788 on 996 labelled production requests (only v1 right 9, only v2 right 10); inconclusive: the challenger is 0.0010 ahead, but p = 1 ≥ 0.05; the 95 % interval -0.0076 to 0.0096 includes 0)"
            ), "\(run.stdout)")
        #expect(try Self.champion(home).contains("1"))
        let audit = try Binary.run(["--content", Binary.repository, "audit"], home: home)
        #expect(audit.stdout.contains("deploy.declined"), "\(audit.stdout)")
    }

    @Test func aClearlyBetterChallengerIsDeployed() throws {
        let (home, _, run) = try Self.challenge(championC: "0.001")
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stdout.contains(
                "(accuracy 0.789 against champion v1's 0.727 on 996 labelled production requests (only v1 right 61, only v2 right 123); better: the challenger is 0.062 ahead, p = 5.7e-06 < 0.05; the 95 % interval 0.036 to 0.089 excludes 0)"
            ), "\(run.stdout)")
        #expect(run.stdout.contains("v2: Promoted v2 to champion"))
        #expect(try Self.champion(home).contains("2"))
    }

    @Test func aMinimumImprovementLargerThanTheLeadKeepsTheChampion() throws {
        let (home, _, run) = try Self.challenge(championC: "0.001", deploySettings: "    min_improvement: 0.1\n")
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(
            run.stdout.contains(
                "inconclusive: the challenger is 0.062 ahead with p = 5.7e-06 < 0.05, but less than the 0.1 required"),
            "\(run.stdout)")
        #expect(try Self.champion(home).contains("1"))
    }

    @Test func notWorsePromotesAnInconclusiveRetrain() throws {
        let (home, _, run) = try Self.challenge(championC: "0.05", deploySettings: "    promote_when: not_worse\n")
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(
            run.stdout.contains("inconclusive: the challenger is 0.0010 ahead, but p = 1 ≥ 0.05"), "\(run.stdout)")
        #expect(run.stdout.contains("; promote_when: not_worse)"))
        #expect(try Self.champion(home).contains("2"))
    }

    @Test func deployByHandDeclinesWithoutEvidenceAndForceIsAudited() throws {
        let (home, _, _) = try Self.challenge(championC: "0.05")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let declined = try Binary.run(
            ["--content", Binary.repository, "deploy", "v2", "--strategy", "canary"], home: home)
        #expect(declined.status == 1)
        #expect(
            declined.stdout
                == "v2 not deployed: not shown better than the champion (accuracy 0.789 against champion v1's 0.788 on 996 labelled production requests (only v1 right 9, only v2 right 10); inconclusive: the challenger is 0.0010 ahead, but p = 1 ≥ 0.05; the 95 % interval -0.0076 to 0.0096 includes 0). Use --promote-when not_worse if it only has to be no worse, or --force to deploy it anyway (audited).\n"
        )
        let json = try Binary.run(
            ["--content", Binary.repository, "deploy", "v2", "--strategy", "canary", "--json"], home: home)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(object["deployed"] as? Bool == false)
        let comparison = object["comparison"] as? [String: Any] ?? [:]
        #expect(comparison["decision"] as? String == "inconclusive")
        #expect(comparison["only_champion_right"] as? Int == 9)
        #expect(comparison["only_challenger_right"] as? Int == 10)
        let forced = try Binary.run(
            ["--content", Binary.repository, "deploy", "v2", "--strategy", "canary", "--force", "--reason", "CHG-7"],
            home: home)
        #expect(forced.status == 0, "\(forced.stdout)\(forced.stderr)")
        #expect(forced.stdout.hasPrefix("Forced although not shown better than the champion: accuracy 0.789"))
        #expect(try Self.champion(home).contains("2"))
        let audit = try Binary.run(["--content", Binary.repository, "audit", "--json"], home: home)
        #expect(audit.stdout.contains("deploy.forced"))
        #expect(
            audit.stdout.contains(
                "deploy v2 by hand: deployed with --force although not shown better than the champion"))
    }

    @Test func badPromotionSettingsAreRefusedWithTheirLine() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let workspace = try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: home).stdout
            .trimmingCharacters(in: .newlines)
        let pipeline = workspace + "/pipeline.yaml"
        let definition = try String(contentsOfFile: pipeline, encoding: .utf8)
        let lines = definition.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0 == "    strategy: canary" }) + 2
        for (setting, message) in [
            (
                "alpha: 5",
                "12: `alpha` of stage 'deploy' is \"5\"; expected a significance level between 0 and 1, such as 0.05"
            ),
            (
                "min_improvement: -0.01",
                "22: `min_improvement` of stage 'deploy' is \"-0.01\"; expected 0 or more, in the metric's units (0.01 is one point of accuracy)"
            ),
            ("promote_when: newer", "19: `promote_when` of stage 'deploy' is \"newer\"; expected better or not_worse"),
        ] {
            try definition.replacingOccurrences(
                of: "    strategy: canary\n", with: "    strategy: canary\n    \(setting)\n"
            )
            .write(toFile: pipeline, atomically: true, encoding: .utf8)
            let run = try Binary.run(["--content", Binary.repository, "pipeline", "run"], home: home)
            #expect(run.status == 2)
            #expect(run.stderr.contains("pipeline.yaml:\(line):\(message)"), "\(run.stderr)")
        }
        let bad = try Binary.run(
            ["--content", Binary.repository, "deploy", "v1", "--promote-when", "sometimes"], home: home)
        #expect(bad.status == 2)
    }
}
