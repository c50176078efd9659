import Foundation
import Testing

/// `sandbox reset` is atomic, locked and confined: resets at once, or a killed reset, leave a
/// whole workspace (old or new), never a half-deleted one or framework error text, and the delete
/// never follows a symlink out of the workspace.
@Suite struct SandboxResetEndToEndTests {
    typealias Lab = ConfinementEndToEndTests.Lab

    /// Fills the workspace with `count` learner files, so deleting it takes a while.
    static func addFiles(_ count: Int, to workspace: String) throws {
        let folder = workspace + "/data/many"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for index in 0..<count {
            try "row\n".write(toFile: "\(folder)/f\(index).csv", atomically: false, encoding: .utf8)
        }
    }

    /// The workspace is a whole, fresh sandbox: every template present and unchanged.
    static func isWhole(_ lab: Lab) throws {
        let status = try lab.run(["sandbox", "status", "--json"])
        #expect(status.status == 0, "\(status.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        #expect((report?["missing"] as? [String]) == [], "\(status.stdout)")
        #expect((report?["modified"] as? [String]) == [], "\(status.stdout)")
    }

    @Test func resetsStartedAtOnceAllSucceedAndLeaveAWholeWorkspace() async throws {
        let lab = try Lab()
        defer { lab.remove() }
        for _ in 0..<3 {
            try Self.addFiles(400, to: lab.workspace)
            let results = try await withThrowingTaskGroup(of: Binary.Result.self) { group in
                for _ in 0..<4 {
                    group.addTask { try lab.run(["sandbox", "reset", "--yes"]) }
                }
                var all: [Binary.Result] = []
                for try await result in group { all.append(result) }
                return all
            }
            for result in results {
                #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
                #expect(!result.stderr.contains("Error Domain"), "\(result.stderr)")
            }
            try Self.isWhole(lab)
        }
        try lab.outsideIsUntouched()
        let parent = (lab.workspace as NSString).deletingLastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains(".reset-") }
        #expect(leftovers == [])
    }

    @Test func aKilledResetLeavesAWholeWorkspaceAndTheNextResetClearsItsLeftovers() throws {
        let lab = try Lab()
        defer { lab.remove() }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<6 {
            try Self.addFiles(600, to: lab.workspace)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Binary.path)
            process.arguments = ["--content", Binary.repository, "sandbox", "reset", "--yes"]
            var env = ProcessInfo.processInfo.environment
            env["CICDLAB_HOME"] = lab.home
            process.environment = env
            process.currentDirectoryURL = URL(fileURLWithPath: lab.workspace)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 20_000...250_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Old or new, never a mix: the learner's files are all there or all gone.
            let left = (try? FileManager.default.contentsOfDirectory(atPath: lab.workspace + "/data/many"))?.count ?? 0
            #expect(left == 0 || left == 600, "a killed reset left \(left) of 600 files")
            #expect(FileManager.default.fileExists(atPath: lab.workspace + "/.lab/state.sqlite"))
            // Old or new, the workspace opens and runs.
            let status = try lab.run(["sandbox", "status"])
            #expect(status.status == 0, "\(status.stdout)\(status.stderr)")
        }
        let reset = try lab.run(["sandbox", "reset", "--yes"])
        #expect(reset.status == 0, "\(reset.stderr)")
        try Self.isWhole(lab)
        let parent = (lab.workspace as NSString).deletingLastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains(".reset-") }
        #expect(leftovers == [])
        try lab.outsideIsUntouched()
    }

    @Test func aLeftoverWithALinkOutIsDeletedWithoutFollowingIt() throws {
        let lab = try Lab()
        defer { lab.remove() }
        let parent = (lab.workspace as NSString).deletingLastPathComponent
        let name = (lab.workspace as NSString).lastPathComponent
        let leftover = "\(parent)/.\(name).reset-1-2"
        try FileManager.default.createDirectory(atPath: leftover + "/data", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: leftover + "/data/out", withDestinationPath: lab.outside)
        try FileManager.default.createSymbolicLink(
            atPath: lab.workspace + "/data/out", withDestinationPath: lab.outside)
        let reset = try lab.run(["sandbox", "reset", "--yes"])
        #expect(reset.status == 0, "\(reset.stderr)")
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: lab.workspace + "/data/out")) == nil)
        try lab.outsideIsUntouched()
    }

    @Test func aResetIsRefusedWhileARunHoldsTheWorkspace() throws {
        let lab = try Lab()
        defer { lab.remove() }
        let fd = open(lab.workspace + "/.lab/workspace.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let holder = Data("pipeline run #3 (pid 4242)".utf8)
        _ = holder.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        try "mine\n".write(toFile: lab.workspace + "/data/mine.csv", atomically: true, encoding: .utf8)
        let refused = try lab.run(["sandbox", "reset", "--yes"])
        #expect(refused.status == 2)
        #expect(
            refused.stderr
                == "error: another pipeline run #3 (pid 4242) is running in this workspace; wait for it to finish, then try again (one pipeline run, deploy or clock advance at a time)\n"
        )
        #expect(FileManager.default.fileExists(atPath: lab.workspace + "/data/mine.csv"), "nothing was deleted")
        flock(fd, LOCK_UN)
        close(fd)
        #expect(try lab.run(["sandbox", "reset", "--yes"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: lab.workspace + "/data/mine.csv"))
    }

    /// The leftovers of a killed reset are deleted by the next command that opens the
    /// workspace, without following the links inside them.
    @Test func theNextCommandDeletesAKilledResetsLeftovers() throws {
        let lab = try Lab()
        defer { lab.remove() }
        let parent = (lab.workspace as NSString).deletingLastPathComponent
        let name = (lab.workspace as NSString).lastPathComponent
        let leftover = "\(parent)/.\(name).reset-7-8"
        try FileManager.default.createDirectory(atPath: leftover + "/.lab", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: leftover + "/.lab/out", withDestinationPath: lab.outside)
        let status = try lab.run(["sandbox", "status"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(!FileManager.default.fileExists(atPath: leftover))
        try lab.outsideIsUntouched()
    }
}
