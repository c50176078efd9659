import Foundation
import Testing

/// Data the peers (pandas, Great Expectations) read one way, read the same way through the
/// binary; and exports that keep a hostile pipeline file name one shell word.
@Suite struct PeerParityEndToEndTests {
    /// A folder to run in with its own lab home; removed by `remove()`.
    struct Folder {
        let path: String
        let home: String

        init() throws {
            path = try Binary.temporaryHome()
            home = try Binary.temporaryHome()
        }

        func write(_ name: String, _ text: String) throws {
            try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
        }

        func run(_ arguments: [String]) throws -> Binary.Result {
            try Binary.run(arguments, home: home, directory: path)
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: home)
        }
    }

    /// 40 rows as R writes them: `NA` in a numeric feature and in the 0/1 target.
    static let rStyle =
        "age,plan,churned\n"
        + (0..<40).map { i in
            "\(i % 7 == 3 ? "NA" : String(20 + i)),\(["basic", "pro"][i % 2]),\(i % 11 == 4 ? "NA" : String(i * 7 % 3 % 2))"
        }.joined(separator: "\n") + "\n"

    @Test func anRStyleFileIsProfiledWithItsMissingWordsAndTrainsOnTwoClasses() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("r.csv", Self.rStyle)
        let profile = try folder.run(["data", "profile", "r.csv"])
        #expect(profile.status == 0, "\(profile.stderr)")
        #expect(profile.stdout.contains("age      integer  6 (15%)"))
        #expect(
            profile.stdout.hasSuffix(
                "\nage: missing: 6 (read from 'NA' ×6)\nchurned: missing: 4 (read from 'NA' ×4)\n"))
        let train = try folder.run(["train", "r.csv", "--target", "churned", "--out", "m.json"])
        #expect(train.status == 0, "\(train.stderr)")
        let model = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/m.json")))
                as? [String: Any])
        #expect(model["classes"] as? [String] == ["0", "1"])
    }

    @Test func thirtyDigitIdsStayDistinctInValidation() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("ids.csv", "id\n123456789012345678901234567890\n123456789012345678901234567891\n")
        try folder.write(
            "s.yaml",
            "expectations:\n  - expect: unique\n    column: id\n  - expect: in_set\n    column: id\n"
                + "    values: ['123456789012345678901234567890']\n")
        let result = try folder.run(["data", "validate", "ids.csv", "--suite", "s.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("✓ unique id"))
        #expect(result.stdout.contains("1 of 2 expectations passed · 1 failed"))
        let profile = try folder.run(["data", "profile", "ids.csv"])
        #expect(
            profile.stdout.hasSuffix(
                "\nid: text: 2 integers beyond 64 bits, kept exact as text (pandas: object dtype)\n"))
    }

    @Test func aPipelineFileNamedLikeACommandIsExportedAsOneQuotedWord() throws {
        let lab = try PipelineEndToEndTests.Lab()
        defer { lab.remove() }
        let name = "p;touch PWNED;$(id)'q.yaml"
        try lab.write(name, PipelineEndToEndTests.pipeline)
        let export = try lab.run(["pipeline", "export", "--format", "dvc", lab.workspace + "/" + name])
        #expect(export.status == 0, "\(export.stderr)")
        let dvc = try String(contentsOfFile: lab.workspace + "/dvc.yaml", encoding: .utf8)
        #expect(dvc.contains("cmd: cicdlab pipeline run 'p;touch PWNED;$(id)'\\''q.yaml' --stage validate --only\n"))

        let hostile = "p;touch${IFS}PWNED;$(id).yaml"
        try lab.write(hostile, PipelineEndToEndTests.pipeline)
        let refused = try lab.run(["pipeline", "export", "--format", "github-actions", lab.workspace + "/" + hostile])
        #expect(refused.status == 2)
        #expect(
            refused.stderr
                == "error: \(hostile): cannot export to github-actions: the pipeline file name '\(hostile)' holds '${', "
                + "which GitHub Actions and DVC would expand; expected text without '${' or control characters "
                + "(rename it and export again)\n")
        #expect(!FileManager.default.fileExists(atPath: lab.workspace + "/PWNED"))
    }
}
