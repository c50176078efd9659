import Foundation
import PipelineEngine
import Testing

@testable import LabSupport

/// `pipeline diff` through the binary on the real churn sandbox: a data change shows up as a
/// changed dependency even when no param changed.
@Suite struct PipelineDiffEndToEndTests {

    @Test func editingTheTrainingDataShowsInTheDiffWithOldAndNewHashes() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        func lab(_ arguments: [String]) throws -> Binary.Result {
            try Binary.run(["--content", Binary.repository] + arguments, home: home)
        }
        let workspace = try lab(["sandbox", "path"]).stdout.trimmingCharacters(in: .newlines)
        func hash(_ path: String) throws -> String { try ContentHash.hex(fileAt: workspace + "/" + path) }

        let first = try lab(["pipeline", "run", "--stage", "gate"])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let (oldData, oldModel) = (try hash("data/churn.csv"), try hash("models/candidate.json"))

        // Drop the last row: the file changes, params.yaml does not.
        let text = try String(contentsOfFile: workspace + "/data/churn.csv", encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast(2)
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: workspace + "/data/churn.csv", atomically: true, encoding: .utf8)
        let second = try lab(["pipeline", "run", "--stage", "gate"])
        #expect(second.status == 0, "stderr: \(second.stderr)")
        let (newData, newModel) = (try hash("data/churn.csv"), try hash("models/candidate.json"))
        #expect(oldData != newData && oldModel != newModel)

        let diff = try lab(["pipeline", "diff"])
        #expect(diff.status == 0, "stderr: \(diff.stderr)")
        #expect(
            diff.stdout.hasPrefix(
                """
                DEPENDENCY             #1            #2            READ BY
                data/churn.csv         \(oldData.prefix(12))  \(newData.prefix(12))  train, validate
                models/candidate.json  \(oldModel.prefix(12))  \(newModel.prefix(12))  evaluate, gate

                No params changed between #1 and #2.

                METRIC
                """), "\(diff.stdout)")

        let json = try lab(["pipeline", "diff", "1", "2", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let deps = object?["deps"] as? [[String: Any]] ?? []
        #expect(deps.map { $0["path"] as? String } == ["data/churn.csv", "models/candidate.json"])
        #expect(deps.first?["old"] as? String == oldData)
        #expect(deps.first?["new"] as? String == newData)
        #expect(deps.first?["stages"] as? [String] == ["train", "validate"])
        #expect(object?["params"] as? [Any] != nil && (object?["params"] as? [Any])?.isEmpty == true)
    }
}
