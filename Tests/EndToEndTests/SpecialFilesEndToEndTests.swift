import Foundation
import Testing

/// A FIFO where a data file or suite should be is named, never waited on (reading one blocks
/// until a writer comes, which here is never).
@Suite struct SpecialFilesEndToEndTests {
    @Test func aFIFOInPlaceOfDataOrASuiteIsNamedNotWaitedOn() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let workspace = try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: home).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        for file in ["data/churn.csv", "suites/churn.yaml"] {
            let saved = try Data(contentsOf: URL(fileURLWithPath: workspace + "/" + file))
            try FileManager.default.removeItem(atPath: workspace + "/" + file)
            #expect(mkfifo(workspace + "/" + file, 0o600) == 0)
            for command in [["sandbox", "status"], ["pipeline", "status"], ["pipeline", "run"]] {
                let run = try BoundedRun(["--content", Binary.repository] + command, home: home, timeout: 30)
                #expect(!run.hung && !run.signalled, "\(command) with a FIFO at \(file)")
                if command == ["pipeline", "run"] || file == "data/churn.csv" && command == ["sandbox", "status"] {
                    #expect(run.status != 0)
                    #expect(
                        (run.stdout + run.stderr).contains("\(workspace)/\(file): is a FIFO (named pipe), not a regular file"),
                        "\(command): \(run.stdout)\(run.stderr)")
                }
            }
            try FileManager.default.removeItem(atPath: workspace + "/" + file)
            try saved.write(to: URL(fileURLWithPath: workspace + "/" + file))
        }
    }
}
