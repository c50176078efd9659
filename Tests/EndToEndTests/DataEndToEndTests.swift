import Foundation
import Testing

/// `data profile`, `data validate` and `data diff` run through the real binary.
@Suite struct DataEndToEndTests {
    /// A folder with a small churn dataset, a changed copy and two suites.
    final class Workspace {
        let path: String
        let home: String

        init() throws {
            path = try Binary.temporaryHome()
            home = try Binary.temporaryHome()
            try write(
                "churn.csv",
                """
                tenure,plan,churned,charges
                1,basic,0,29.85
                34,pro,0,56.95
                2,basic,1,53.85
                45,pro,0,42.30
                130,basic,1,70.70
                8,premium,1,

                """)
            try write(
                "churn-new.csv",
                """
                tenure,plan,churned,charges,region
                1,basic,0,29.85,north
                34,gold,0,56.95,south
                2,basic,1,53.85,north

                """)
            try write(
                "pass.yaml",
                """
                expectations:
                  - expect: columns_exist
                    columns: [tenure, plan, churned]
                  - expect: in_set
                    column: churned
                    values: [0, 1]

                """)
            try write(
                "fail.yaml",
                """
                expectations:
                  - expect: between
                    column: tenure
                    min: 0
                    max: 120
                  - expect: not_null
                    column: charges

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

    @Test func profilePrintsEachColumnAndJSON() throws {
        let workspace = try Workspace()
        let text = try workspace.run(["data", "profile", "churn.csv"])
        #expect(text.status == 0, "stderr: \(text.stderr)")
        #expect(text.stdout.hasPrefix("churn.csv · 6 rows · 4 columns"))
        #expect(text.stdout.contains("tenure   integer"))
        #expect(text.stdout.contains("basic 50% · pro 33.33% · premium 16.67%"))
        let json = try workspace.run(["data", "profile", "churn.csv", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["rows"] as? Int == 6)
        let columns = try #require(object["columns"] as? [[String: Any]])
        #expect(columns.map { $0["name"] as? String } == ["tenure", "plan", "churned", "charges"])
        #expect(columns[3]["nulls"] as? Int == 1)
        #expect((columns[0]["histogram"] as? [String: Any])?["counts"] as? [Int] == [3, 0, 1, 1, 0, 0, 0, 0, 0, 1])
    }

    @Test func validatePassingSuiteExitsZero() throws {
        let result = try Workspace().run(["data", "validate", "churn.csv", "--suite", "pass.yaml"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("✓ columns_exist"))
        #expect(result.stdout.contains("2 of 2 expectations passed"))
    }

    @Test func validateFailingSuiteExitsOneWithRowsAndLines() throws {
        let workspace = try Workspace()
        let text = try workspace.run(["data", "validate", "churn.csv", "--suite", "fail.yaml"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("✗ between tenure"))
        #expect(text.stdout.contains("tenure: 1 of 6 non-null values (16.67%) outside [0, 120]"))
        #expect(text.stdout.contains("row 5 (line 6) '130'"))
        #expect(text.stdout.contains("0 of 2 expectations passed · 2 failed"))

        let json = try workspace.run(["data", "validate", "churn.csv", "--suite", "fail.yaml", "--json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["success"] as? Bool == false)
        let results = try #require(object["results"] as? [[String: Any]])
        for key in [
            "expectation", "column", "success", "unexpected_count", "unexpected_percent", "observed_value",
            "message",
        ] {
            #expect(results.allSatisfy { $0.keys.contains(key) }, "missing \(key)")
        }
        #expect(results[1]["unexpected_count"] as? Int == 1)
        #expect(results[1]["expectation"] as? String == "not_null")
    }

    @Test func malformedCSVExitsTwoNamingFileLineAndColumn() throws {
        let workspace = try Workspace()
        try workspace.write("bad.csv", "a,b\n1,2\n3,\"x\n")
        let text = try workspace.run(["data", "validate", "bad.csv", "--suite", "pass.yaml"])
        #expect(text.status == 2)
        #expect(
            text.stderr == "error: bad.csv:3:3: quoted field in column 'b' is never closed: found '\"x'; "
                + "add the closing '\"'\n")
        let json = try workspace.run(["data", "profile", "bad.csv", "--json"])
        #expect(json.status == 2)
        let error = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["error"]
                as? [String: Any])
        #expect(error["code"] as? String == "csv.unterminated_quote")
        #expect(error["file"] as? String == "bad.csv")
        #expect(error["line"] as? Int == 3)
    }

    @Test func suiteMistakeExitsTwoWithASuggestion() throws {
        let workspace = try Workspace()
        try workspace.write("typo.yaml", "expectations:\n  - expect: betwen\n    column: tenure\n    min: 0\n")
        let result = try workspace.run(["data", "validate", "churn.csv", "--suite", "typo.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: typo.yaml:2:13: unknown expectation 'betwen'. Did you mean 'between'?\n")
    }

    @Test func diffShowsSchemaAndCategoryChanges() throws {
        let workspace = try Workspace()
        let text = try workspace.run(["data", "diff", "churn.csv", "churn-new.csv"])
        #expect(text.status == 0, "stderr: \(text.stderr)")
        #expect(text.stdout.contains("rows    6 → 3 (−50%)"))
        #expect(text.stdout.contains("schema  + region"))
        #expect(text.stdout.contains("new: gold (1)"))
        let json = try workspace.run(["data", "diff", "churn.csv", "churn-new.csv", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["added_columns"] as? [String] == ["region"])
        #expect(object["schema_changed"] as? Bool == true)
    }
}
