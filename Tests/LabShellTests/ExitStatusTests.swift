import Testing

@testable import LabShell
@testable import LabSupport
@testable import PipelineEngine

/// The shell, not the engine, decides how the process ends.
@Suite struct ExitStatusTests {
    @Test func badInputExitsWithTwo() {
        #expect(ExitStatus.of(LabError("csv.ragged_row", "m")) == 2)
        #expect(
            ExitStatus.of(LabError("file.write_failed", "cannot write it: no such folder", file: "/proc/nope/m.json"))
                == 2)
    }

    @Test func aFailedCheckExitsWithOne() {
        #expect(ExitStatus.of(LabError("deploy.bad_model", "m", kind: .failed)) == 1)
    }

    @Test func ctrlCExitsWith130() {
        #expect(ExitStatus.of(Interruption.error) == 130)
    }

    @Test func theShellReturnsTheStatusOfTheError() throws {
        let captured = try CapturedSession()
        #expect(captured.run("train missing.csv --target y") == 2)
        #expect(captured.errorMessages.contains("missing.csv"), "\(captured.errorMessages)")
    }
}
