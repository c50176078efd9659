import Foundation
import Testing

/// A command started in a folder that was deleted under the shell (as `sandbox reset` does to
/// a shell inside the sandbox) works again when the folder was made afresh, and otherwise
/// stops with a clear error; it never crashes.
@Suite struct DeletedFolderEndToEndTests {
    /// Runs `cicdlab ARGS` through `sh` from `folder`, deleted (and made again when `recreate`).
    static func runFromDeleted(_ folder: String, recreate: Bool, home: String, _ arguments: String) throws
        -> Binary.Result
    {
        let again = recreate ? " && mkdir '\(folder)'" : ""
        let script =
            "mkdir -p '\(folder)' && cd '\(folder)' && rmdir '\(folder)'\(again) && exec '\(Binary.path)' --content '\(Binary.repository)' \(arguments)"
        return try Binary.run(
            ["-c", script], home: home, environment: ["PWD": folder], executable: "/bin/sh")
    }

    @Test func aDeletedFolderThatIsBackIsUsedAgain() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let folder = home + "/again"
        let result = try Self.runFromDeleted(folder, recreate: true, home: home, "pipeline run missing.yaml")
        #expect(result.status == 2)
        #expect(result.stderr == "error: there is no pipeline file 'missing.yaml' in \(folder)\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/.lab"), "nothing is created for a missing file")
    }

    @Test func aDeletedFolderThatIsGoneStopsWithAnError() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let folder = home + "/gone"
        let result = try Self.runFromDeleted(folder, recreate: false, home: home, "pipeline run pipeline.yaml")
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: the folder this command was started in (\(folder)) no longer exists; `cd` into a folder that does (`cicdlab sandbox path` prints your sandbox's)\n"
        )
    }
}
