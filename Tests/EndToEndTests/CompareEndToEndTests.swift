import Foundation
import Testing

/// `compare` run by the real binary on the churn sandbox: three models trained with `train`,
/// compared on the sandbox's 500 labelled test rows.
@Suite(.serialized) struct CompareEndToEndTests {
    /// A lab home with the sandbox set up, its workspace, and the models trained in it.
    func sandbox(models: [(file: String, arguments: [String])]) throws -> (home: String, workspace: String) {
        let home = try Binary.temporaryHome()
        let initialised = try Binary.run(["--content", Binary.repository, "sandbox", "init"], home: home)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let workspace = try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: home).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        for (file, arguments) in models {
            let trained = try Binary.run(
                ["train", "data/churn.csv", "--out", file] + arguments, home: home, directory: workspace)
            #expect(trained.status == 0, "\(trained.stderr)")
        }
        return (home, workspace)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theDecisionFollowsThePairedEvidence() throws {
        let (home, workspace) = try sandbox(models: [
            ("logistic.json", ["--target", "churned"]),
            ("bayes.json", ["--target", "churned", "--model", "naive-bayes"]),
            ("knn.json", ["--target", "churned", "--model", "knn"]),
        ])
        defer { try? FileManager.default.removeItem(atPath: home) }

        // Naive Bayes gets 67 rows wrong that logistic regression gets right, and 31 the other
        // way round: significantly worse.
        let worse = try Binary.run(
            ["compare", "logistic.json", "bayes.json", "data/churn-test.csv"], home: home, directory: workspace)
        #expect(worse.status == 0, "\(worse.stderr)")
        #expect(
            worse.stdout.hasPrefix(
                "Compared challenger bayes.json with champion logistic.json on 500 rows of data/churn-test.csv\n"))
        #expect(worse.stdout.contains("champion right               336            b = 67\n"), "\(worse.stdout)")
        #expect(worse.stdout.contains("champion wrong            c = 31                66\n"))
        #expect(worse.stdout.contains("  difference (c − b)/n  -0.072\n"))
        #expect(worse.stdout.contains("  95 % interval         -0.110 to -0.034\n"))
        #expect(
            worse.stdout.hasSuffix(
                "worse: the challenger is 0.072 behind, p = 0.00035 < 0.05; the 95 % interval -0.110 to -0.034 excludes 0\n"
            ))

        // The same two the other way round.
        let better = try Binary.run(
            ["compare", "bayes.json", "logistic.json", "data/churn-test.csv"], home: home, directory: workspace)
        #expect(better.status == 0)
        #expect(
            better.stdout.hasSuffix(
                "better: the challenger is 0.072 ahead, p = 0.00035 < 0.05; the 95 % interval 0.034 to 0.110 excludes 0\n"
            ))

        // A lead of 0.072 falls short of a required 0.1.
        let short = try Binary.run(
            ["compare", "bayes.json", "logistic.json", "data/churn-test.csv", "--min-improvement", "0.1"], home: home,
            directory: workspace)
        #expect(short.status == 0)
        #expect(
            short.stdout.contains(
                "inconclusive: the challenger is 0.072 ahead with p = 0.00035 < 0.05, but less than the 0.1 required"))

        // k-NN is 15 rows (three points) behind, and that is still within noise on 500 rows.
        let inconclusive = try Binary.run(
            ["compare", "logistic.json", "knn.json", "data/churn-test.csv", "--json"], home: home, directory: workspace)
        #expect(inconclusive.status == 0, "\(inconclusive.stderr)")
        let report = try json(inconclusive.stdout)
        #expect(report["decision"] as? String == "inconclusive")
        #expect(report["test"] as? String == "mcnemar_exact")
        #expect(report["metric"] as? String == "accuracy")
        #expect(report["data"] as? String == "data/churn-test.csv")
        #expect(report["rows"] as? Int == 500 && report["skipped_rows"] as? Int == 0)
        #expect(report["champion_right"] as? Int == 403 && report["challenger_right"] as? Int == 388)
        #expect(report["both_right"] as? Int == 366 && report["neither_right"] as? Int == 75)
        #expect(report["only_champion_right"] as? Int == 37 && report["only_challenger_right"] as? Int == 22)
        #expect((report["champion"] as? [String: Any])?["file"] as? String == "logistic.json")
        #expect((report["challenger"] as? [String: Any])?["kind"] as? String == "knn")
        // statsmodels' exact McNemar and the interval formula for b = 37, c = 22, n = 500
        // (`References/paired_comparison_references.py`).
        let p = try #require(report["p_value"] as? Double)
        #expect(abs(p - 0.06744461190078899) <= 1e-12)
        let interval = try #require(report["interval"] as? [String: Double])
        #expect(abs(interval["low"]! - -0.05999504492412038) <= 1e-15)
        #expect(abs(interval["high"]! - -4.955075879616022e-06) <= 1e-15)
        #expect(report["alpha"] as? Double == 0.05 && report["min_improvement"] as? Double == 0)
    }

    @Test func regressorsAreComparedOnTheirAbsoluteErrors() throws {
        let (home, workspace) = try sandbox(models: [
            ("two-features.json", ["--target", "total_charges", "--model", "linear", "--features", "tenure,plan"]),
            ("all-features.json", ["--target", "total_charges", "--model", "linear"]),
        ])
        defer { try? FileManager.default.removeItem(atPath: home) }
        let text = try Binary.run(
            ["compare", "two-features.json", "all-features.json", "data/churn-test.csv"], home: home,
            directory: workspace)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Paired absolute errors (champion's minus challenger's, row by row)\n"))
        #expect(text.stdout.contains("  t                5.6929  with 499 degrees of freedom\n"), "\(text.stdout)")
        #expect(
            text.stdout.hasSuffix(
                "better: the challenger's errors are 67.151 smaller on average, p = 2.1e-08 < 0.05; the 95 % interval 43.976 to 90.326 excludes 0\n"
            ))

        let compared = try json(
            try Binary.run(
                ["compare", "two-features.json", "all-features.json", "data/churn-test.csv", "--json"], home: home,
                directory: workspace
            ).stdout)
        #expect(compared["test"] as? String == "paired_t" && compared["metric"] as? String == "mae")
        #expect(compared["degrees_of_freedom"] as? Int == 499)
        // Each side's mean absolute error is the one `evaluate` reports for that model.
        for (file, key) in [("two-features.json", "champion_value"), ("all-features.json", "challenger_value")] {
            let evaluated = try json(
                try Binary.run(["evaluate", file, "data/churn-test.csv", "--json"], home: home, directory: workspace)
                    .stdout)
            let mae = try #require((evaluated["metrics"] as? [String: Any])?["mae"] as? Double)
            let value = try #require(compared[key] as? Double)
            #expect(abs(value - mae) <= 1e-9 * mae, "\(file)")
        }
    }

    @Test func badInputIsRefusedWithExitStatusTwo() throws {
        let (home, workspace) = try sandbox(models: [
            ("logistic.json", ["--target", "churned"]),
            ("charges.json", ["--target", "total_charges", "--model", "linear"]),
        ])
        defer { try? FileManager.default.removeItem(atPath: home) }
        let targets = try Binary.run(
            ["compare", "logistic.json", "charges.json", "data/churn-test.csv"], home: home, directory: workspace)
        #expect(targets.status == 2)
        #expect(targets.stdout.isEmpty)
        #expect(
            targets.stderr
                == "error: charges.json: the champion predicts 'churned' but the challenger predicts 'total_charges'; compare two models of the same target\n"
        )
        let alpha = try Binary.run(
            ["compare", "logistic.json", "logistic.json", "data/churn-test.csv", "--alpha", "1.5"], home: home,
            directory: workspace)
        #expect(alpha.status == 2)
        #expect(alpha.stderr == "error: alpha must be between 0 and 1 (exclusive), got 1.5\n")
        let metric = try Binary.run(
            ["compare", "logistic.json", "logistic.json", "data/churn-test.csv", "--metric", "mae"], home: home,
            directory: workspace)
        #expect(metric.status == 2)
        #expect(
            metric.stderr
                == "error: metric 'mae' compares regressors, but both models are classifiers; use --metric accuracy\n")
        let column = try Binary.run(
            ["compare", "logistic.json", "logistic.json", "data/credit-test.csv", "--json"], home: home,
            directory: workspace)
        #expect(column.status == 2)
        #expect(column.stdout.contains("\"code\" : \"data.unknown_column\""))
    }
}
