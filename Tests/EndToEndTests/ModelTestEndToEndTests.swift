import Foundation
import Testing

/// `model test` run by the real binary on the churn sandbox: a model trained there, tested
/// with a spec file; exit 0 when every required test passes, 1 when one fails, 2 for bad input.
@Suite struct ModelTestEndToEndTests {
    static let spec = """
        - name: region-does-not-matter
          type: invariance
          column: region
          swap: [north, south]
          mostly: 0.95
        - name: charges-wobble
          type: invariance
          column: monthly_charges
          perturb: 0.01
        - name: more-calls-more-churn
          type: directional
          column: support_calls
          delta: 2
          class: "1"
          expect: not_decrease
        - name: longer-tenure-more-churn
          type: directional
          column: tenure
          delta: 12
          class: "1"
          expect: not_decrease
          required: false
        - name: obvious-cases
          type: minimum
          rows:
            - {tenure: 1, monthly_charges: 110, total_charges: 110, contract: month-to-month, plan: premium, support_calls: 6, region: east, expect: "1"}
            - {tenure: 60, monthly_charges: 20, total_charges: 1200, contract: two-year, plan: basic, support_calls: 0, region: west, expect: "0"}

        """

    /// A lab home with the churn sandbox made from the repository's templates and a logistic
    /// model trained in it; returns the home and the sandbox folder.
    func sandboxWithModel() throws -> (home: String, workspace: String) {
        let home = try Binary.temporaryHome()
        let initialised = try Binary.run(["--content", Binary.repository, "sandbox", "init"], home: home)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let workspace = home + "/sandboxes/default"
        let train = try Binary.run(
            [
                "--content", Binary.repository, "train", "data/churn.csv", "--target", "churned", "--out",
                "models/m.json",
            ],
            home: home, directory: workspace)
        #expect(train.status == 0, "\(train.stderr)")
        try Self.spec.write(toFile: workspace + "/tests.yaml", atomically: true, encoding: .utf8)
        return (home, workspace)
    }

    func modelTest(_ arguments: [String], home: String, workspace: String) throws -> Binary.Result {
        try Binary.run(
            ["--content", Binary.repository, "model", "test", "models/m.json"] + arguments, home: home,
            directory: workspace)
    }

    @Test func passingRequiredTestsExitZeroAndAnAdvisoryFailureIsShown() throws {
        let (home, workspace) = try sandboxWithModel()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try modelTest(
            ["--spec", "tests.yaml", "--data", "data/churn-test.csv"], home: home, workspace: workspace)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }
        #expect(lines.first == "Behavioural tests of models/m.json on data/churn-test.csv")
        #expect(lines.contains { $0.hasPrefix("passed  region-does-not-matter") && $0.contains("5%") })
        #expect(lines.contains { $0.hasPrefix("passed  obvious-cases") && $0.contains("minimum         2        0") })
        #expect(
            lines.contains {
                $0.hasPrefix("failed  longer-tenure-more-churn  directional   500      500          100%")
            })
        #expect(lines.contains("✗ longer-tenure-more-churn"))
        #expect(lines.contains("… and 495 more"))
        #expect(lines.last == "All required tests passed (1 advisory failure)")
    }

    @Test func aFailedRequiredTestExitsOneAndListsItsRows() throws {
        let (home, workspace) = try sandboxWithModel()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try Self.spec.replacingOccurrences(of: "mostly: 0.95", with: "mostly: 0.99")
            .write(toFile: workspace + "/strict.yaml", atomically: true, encoding: .utf8)
        let result = try modelTest(
            ["--spec", "strict.yaml", "--data", "data/churn-test.csv"], home: home, workspace: workspace)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("✗ region-does-not-matter\n  DATA LINE  PREDICTION BEFORE  AFTER\n"))
        #expect(
            result.stdout.hasSuffix(
                "Failed: 1 required test ('region-does-not-matter') (1 advisory failure)\n"))

        let json = try modelTest(
            ["--spec", "strict.yaml", "--data", "data/churn-test.csv", "--json"], home: home, workspace: workspace)
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["passed"] as? Bool == false)
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.map { $0["passed"] as? Bool } == [false, true, true, false, true])
        let region = results[0]
        let tested = try #require(region["rows_tested"] as? Int)
        let failing = try #require(region["failing_rows"] as? Int)
        #expect(region["failure_rate"] as? Double == Double(failing) / Double(tested))
        #expect(Double(failing) / Double(tested) > 0.01)
        let failures = try #require(region["failures"] as? [[String: Any]])
        #expect(failures.count == 5)
        #expect(failures.allSatisfy { $0["line"] is Int && $0["before"] as? String != $0["after"] as? String })
    }

    @Test func badInputExitsTwoWithItsPlace() throws {
        let (home, workspace) = try sandboxWithModel()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let noData = try modelTest(["--spec", "tests.yaml"], home: home, workspace: workspace)
        #expect(noData.status == 2)
        #expect(
            noData.stderr
                == "error: tests.yaml:1: test 'region-does-not-matter' (invariance) changes rows of data: pass --data DATA.csv\n"
        )

        try "- {name: a, type: invariance, column: regoin, swap: [north, south]}\n".write(
            toFile: workspace + "/typo.yaml", atomically: true, encoding: .utf8)
        let typo = try modelTest(
            ["--spec", "typo.yaml", "--data", "data/churn-test.csv"], home: home, workspace: workspace)
        #expect(typo.status == 2)
        #expect(
            typo.stderr == "error: typo.yaml:1:39: 'regoin' is not a feature of the model; did you mean 'region'?\n")

        try "- {name: a, type: directional, column: tenure, delta: 1, expect: up}\n".write(
            toFile: workspace + "/bad.yaml", atomically: true, encoding: .utf8)
        let bad = try modelTest(["--spec", "bad.yaml"], home: home, workspace: workspace)
        #expect(bad.status == 2)
        #expect(bad.stderr == "error: bad.yaml:1:66: `expect` is \"up\"; expected not_decrease or not_increase\n")
    }
}
