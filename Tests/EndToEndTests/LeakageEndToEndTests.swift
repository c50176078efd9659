import Foundation
import Testing

/// `data leakage` run through the real binary: exit 0 without leakage, 1 with it, 2 on bad input.
@Suite struct LeakageEndToEndTests {
    /// A folder with a clean pair, a leaking pair and a pair with an unreadable time.
    final class Workspace {
        let path: String
        let home: String

        init() throws {
            path = try Binary.temporaryHome()
            home = try Binary.temporaryHome()
            try write(
                "train.csv",
                """
                id,day,tenure,plan,churned
                1,2024-01-01,3,basic,1
                2,2024-01-02,40,pro,0
                3,2024-01-03,30,basic,1
                4,2024-01-04,60,pro,0
                5,2024-01-05,25,basic,0

                """)
            try write(
                "clean.csv",
                """
                id,day,tenure,plan,churned
                6,2024-02-01,7,pro,1
                7,2024-02-02,33,basic,0

                """)
            try write(
                "leaky.csv",
                """
                id,day,tenure,plan,churned
                6,2024-02-01,7,pro,1
                2,2024-01-02,40,pro,0
                9,2024-01-02,40,pro,0

                """)
            try write(
                "badtime.csv",
                """
                id,day,tenure,plan,churned
                6,2024-02-01,7,pro,1
                7,soon,33,basic,0

                """)
        }

        func write(_ name: String, _ text: String) throws {
            try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
        }

        func run(_ arguments: [String]) throws -> Binary.Result {
            try Binary.run(arguments, home: home, directory: path)
        }

        deinit {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: home)
        }
    }

    @Test func cleanPairExitsZero() throws {
        let workspace = try Workspace()
        let result = try workspace.run([
            "data", "leakage", "train.csv", "clean.csv", "--target", "churned", "--id", "id", "--time", "day",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("Leakage between train.csv (train) and clean.csv (test) (target churned)\n"))
        #expect(result.stdout.contains("✓ shared rows    no test row is also in train\n"))
        #expect(result.stdout.contains("✓ shared ids     no test id is also in train (column id)\n"))
        #expect(result.stdout.contains("✓ target leakage no feature gives the target away on its own\n"))
        #expect(result.stdout.hasSuffix("\nno leakage found\n"))
    }

    /// Rows 2 and 9 of the test file repeat training line 3 (the id aside); id 2 is in both;
    /// both are dated before the last training day.
    @Test func leakingPairExitsOne() throws {
        let workspace = try Workspace()
        let result = try workspace.run([
            "data", "leakage", "train.csv", "leaky.csv", "--target", "churned", "--id", "id", "--time", "day",
        ])
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("✗ shared rows    2 of 3 test rows are also in train (1 distinct)\n"))
        #expect(result.stdout.contains("    test line 3 = train line 3\n"))
        #expect(result.stdout.contains("✗ shared ids     1 ids in both files, on 1 test rows (column id)\n"))
        #expect(result.stdout.contains("    id 2: test line 3, train line 3\n"))
        #expect(result.stdout.contains("✓ target leakage no feature gives the target away on its own\n"))
        #expect(
            result.stdout.contains(
                "✗ time order     2 test rows are before the latest training row (latest train 2024-01-05, "
                    + "earliest test 2024-01-02)\n"))
        #expect(result.stdout.hasSuffix("\nleakage found\n"))
    }

    @Test func jsonHasEveryFigure() throws {
        let workspace = try Workspace()
        let result = try workspace.run([
            "--json", "data", "leakage", "train.csv", "leaky.csv", "--target", "churned", "--time", "day",
        ])
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["leakage_found"] as? Bool == true)
        let shared = try #require(json["shared_rows"] as? [String: Any])
        // Without --id the id column is compared too: only test line 3 repeats a training row.
        #expect(shared["test_rows_in_train"] as? Int == 1 && shared["distinct_shared_rows"] as? Int == 1)
        #expect(json["shared_ids"] is NSNull)
        let order = try #require(json["time_order"] as? [String: Any])
        #expect(order["test_rows_before_latest_train"] as? Int == 2)
        #expect(order["latest_train_time"] as? String == "2024-01-05")
        let features = try #require(json["features"] as? [[String: Any]])
        let tenure = try #require(features.first { $0["feature"] as? String == "tenure" })
        // Of the six (churned, stayed) pairs only 30 against 25 has the churned row higher.
        #expect(abs((tenure["auc"] as? Double ?? -1) - 1.0 / 6) < 1e-15)
        #expect(abs((tenure["separation"] as? Double ?? -1) - 5.0 / 6) < 1e-15)
        #expect(tenure["flagged"] as? Bool == false && tenure["pure_share"] is NSNull)
    }

    @Test func badInputExitsTwo() throws {
        let workspace = try Workspace()
        let missing = try workspace.run(["data", "leakage", "train.csv", "clean.csv", "--target", "churn"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: no column 'churn' in train.csv. Did you mean 'churned'?\n")
        let badTime = try workspace.run([
            "data", "leakage", "train.csv", "badtime.csv", "--target", "churned", "--time", "day",
        ])
        #expect(badTime.status == 2)
        #expect(
            badTime.stderr
                == "error: badtime.csv:3: time 'soon' in column 'day' is not a date, a date-time or a number; "
                + "expected ISO 8601 such as 2024-05-01 or 2024-05-01T09:30:00Z\n")
    }

    /// A `leakage` stage fails `pipeline run` with exit 1 and says what leaked.
    @Test func leakageStageFailsThePipeline() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let workspace = try Binary.run(["--content", Binary.fixtureContent, "sandbox", "path"], home: home).stdout
            .trimmingCharacters(in: .newlines)
        try FileManager.default.createDirectory(atPath: workspace + "/data", withIntermediateDirectories: true)
        let files = [
            "data/train.csv": "id,tenure,plan,churned\n1,3,basic,1\n2,40,pro,0\n3,30,basic,1\n4,60,pro,0\n",
            "data/test.csv": "id,tenure,plan,churned\n6,7,pro,1\n9,40,pro,0\n",
            "pipeline.yaml":
                "stages:\n  leakage:\n    kind: leakage\n    train: data/train.csv\n    test: data/test.csv\n"
                + "    target: churned\n    id: id\n",
        ]
        for (path, text) in files { try text.write(toFile: workspace + "/" + path, atomically: true, encoding: .utf8) }
        let result = try Binary.run(["--content", Binary.fixtureContent, "pipeline", "run"], home: home)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("checked 4 training and 2 test rows"))
        // Test line 3 repeats training line 3 under a new id, and tenure alone separates the four
        // training rows (3 and 30 churned, 40 and 60 stayed).
        #expect(
            result.stdout.contains(
                "Stopped at 'leakage': leakage found: 1 test rows also in data/train.csv; "
                    + "features that give the target away: tenure\n"))
    }
}
