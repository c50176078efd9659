import Foundation
import PipelineEngine
import Testing

@Suite struct GateEndToEndTests {
    static let sandboxData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sandbox/data").path

    @Test func aRequiredFairnessGateBlocksTheBiasedCreditModel() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        var request = TrainingRequest(
            train: try CSVReader.read(file: Self.sandboxData + "/credit.csv"),
            target: "approved", dataHash: "e2e")
        request.test = try CSVReader.read(file: Self.sandboxData + "/credit-test.csv")
        try Trainer.train(request).model.save(to: home + "/credit-model.json")
        try """
        data: credit-test.csv
        gates:
          - name: accuracy-floor
            type: threshold
            metric: accuracy
            min: 0.75
          - name: four-fifths
            type: fairness
            slice: zip_group
            min_parity_ratio: 0.8
        """.write(toFile: home + "/gates.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            atPath: Self.sandboxData + "/credit-test.csv", toPath: home + "/credit-test.csv")

        let result = try Binary.run(
            [
                "--content", Binary.fixtureContent, "gate", "check", "credit-model.json",
                "--config", "gates.yaml",
            ], home: home, directory: home)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("✓ passed   accuracy-floor  accuracy 0."))
        #expect(result.stdout.contains("✗ failed   four-fifths     demographic parity ratio across zip_group 0."))
        #expect(result.stdout.contains("Blocked by 'four-fifths': this model does not ship."))

        let json = try Binary.run(
            [
                "--content", Binary.fixtureContent, "gate", "check", "credit-model.json",
                "--config", "gates.yaml", "--json",
            ], home: home, directory: home)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let gates = (object?["gates"] as? [String: Any])?["results"] as? [[String: Any]]
        #expect(gates?.map { $0["status"] as? String } == ["passed", "failed"])
    }

    @Test func aConfigThatNamesDataOutsideItsFolderIsRefused() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try "gates:\n  - type: memory\n    max_mb: 10\ndata: ../../etc/passwd\n".write(
            toFile: home + "/gates.yaml", atomically: true, encoding: .utf8)
        try "{}".write(toFile: home + "/m.json", atomically: true, encoding: .utf8)
        let result = try Binary.run(
            ["--content", Binary.fixtureContent, "gate", "check", "m.json", "--config", "gates.yaml"],
            home: home, directory: home)
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: gates.yaml:4: '../../etc/passwd' climbs out with '..'; paths in sandbox files must stay inside the workspace\n"
        )
    }
}
