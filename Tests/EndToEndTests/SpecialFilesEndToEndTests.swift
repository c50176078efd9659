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
                        (run.stdout + run.stderr).contains(
                            "\(workspace)/\(file): is a FIFO (named pipe), not a regular file"),
                        "\(command): \(run.stdout)\(run.stderr)")
                }
            }
            try FileManager.default.removeItem(atPath: workspace + "/" + file)
            try saved.write(to: URL(fileURLWithPath: workspace + "/" + file))
        }
    }

    /// `--out` onto a FIFO or a symbolic link is refused, and both stay as they were (writing
    /// through a temporary file would have replaced them with a regular file).
    @Test func outputOntoAFIFOOrASymlinkIsRefused() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let fifo = home + "/out.csv"
        let link = home + "/link.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: home + "/elsewhere.csv")
        for (target, kind) in [(fifo, "a FIFO (named pipe)"), (link, "a symbolic link")] {
            for command in [
                ["sandbox", "generate", "churn", "--rows", "10", "--out", target],
                ["export", "progress", "--format", "csv", "--out", target],
            ] {
                let run = try BoundedRun(["--content", Binary.repository] + command, home: home, timeout: 30)
                #expect(!run.hung && run.status == 2, "\(command): \(run.stderr)")
                #expect(
                    run.stderr.contains("\(target): is \(kind); the lab writes only new files or regular ones"),
                    "\(run.stderr)")
            }
        }
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == home + "/elsewhere.csv")
        #expect(!FileManager.default.fileExists(atPath: home + "/elsewhere.csv"))
    }
}
