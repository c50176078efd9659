import Foundation
import Testing

/// `drift REF CUR` through the real binary: the table, `--json`, options, exit statuses.
@Suite struct DriftEndToEndTests {
    /// A folder with a reference file and a current one whose `charges` moved up.
    final class Workspace {
        let path: String
        let home: String

        init() throws {
            path = try Binary.temporaryHome()
            home = try Binary.temporaryHome()
            var reference = "tenure,plan,charges\n"
            var current = "tenure,plan,charges\n"
            for i in 0..<60 {
                reference += "\(i % 12),\(["basic", "pro", "max"][i % 3]),\(20 + i)\n"
                current += "\(i % 12),\(["basic", "pro", "max"][i % 3]),\(50 + i)\n"
            }
            try reference.write(toFile: path + "/ref.csv", atomically: true, encoding: .utf8)
            try current.write(toFile: path + "/cur.csv", atomically: true, encoding: .utf8)
        }

        func run(_ arguments: [String]) throws -> Binary.Result {
            try Binary.run(arguments, home: home, directory: path)
        }

        deinit {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: home)
        }
    }

    @Test func printsTheTableAndExitsZeroEvenWhenTheDatasetDrifts() throws {
        let result = try Workspace().run(["drift", "ref.csv", "cur.csv"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        #expect(lines[0] == "No dataset drift: 1 of 3 tested columns drifted (33%; drift at 50%).")
        #expect(lines.contains { $0.hasPrefix("charges  numeric      ks ") && $0.hasSuffix("drift") })
        #expect(lines.contains { $0.hasPrefix("tenure   numeric      ks ") && $0.hasSuffix("no drift") })
        // The drifted column's histogram: reference and current bars per bin.
        #expect(lines.contains { $0.hasPrefix("charges  ks 0.5000, p = ") })
        #expect(lines.contains { $0.contains(" ref ") } && lines.contains { $0.contains(" cur ") })
    }

    @Test func jsonFollowsTheContract() throws {
        let result = try Workspace().run([
            "drift", "ref.csv", "cur.csv", "--method", "psi", "--columns", "charges,plan", "--json",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let columns = try #require(object["columns"] as? [[String: Any]])
        #expect(columns.map { $0["column"] as? String } == ["charges", "plan"])
        #expect(columns.map { $0["method"] as? String } == ["psi", "psi"])
        #expect(columns.map { $0["drifted"] as? Bool } == [true, false])
        #expect(columns.allSatisfy { $0["p_value"] is NSNull && $0["threshold"] as? Double == 0.1 })
        #expect(object["drifted_columns"] as? Int == 1)
        #expect(object["share_drifted"] as? Double == 0.5)
        #expect(object["dataset_drift"] as? Bool == true)
    }

    @Test func badArgumentsExitTwoWithTheReason() throws {
        let workspace = try Workspace()
        let method = try workspace.run(["drift", "ref.csv", "cur.csv", "--method", "kss"])
        #expect(method.status == 2)
        #expect(method.stderr.contains("unknown drift method 'kss'. Did you mean 'ks'?"))
        let column = try workspace.run(["drift", "ref.csv", "cur.csv", "--columns", "charge"])
        #expect(column.status == 2)
        #expect(column.stderr.contains("no column 'charge' in ref.csv. Did you mean 'charges'?"))
        let missing = try workspace.run(["drift", "ref.csv", "nope.csv", "--json"])
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("\"error\""))
    }
}
