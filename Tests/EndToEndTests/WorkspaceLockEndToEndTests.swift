import Foundation
import Testing

/// One pipeline run (or deploy, or clock advance) at a time per workspace: a second process is
/// refused at once with exit 2, naming the run in progress, and records nothing, so one run's
/// deploy stage can never ship another run's model through the shared `challenger` alias.
@Suite struct WorkspaceLockEndToEndTests {
    typealias Lab = ConfinementEndToEndTests.Lab

    static let busy =
        "is running in this workspace; wait for it to finish, then try again (one pipeline run, deploy or clock advance at a time)"

    @Test func whileAnotherProcessHoldsTheLockRunsDeploysAndClockAdvancesAreRefused() throws {
        let lab = try Lab()
        defer { lab.remove() }
        #expect(try lab.run(["pipeline", "run"]).status == 0)
        // Stand in for a run in progress: hold the lock as a run would, saying who holds it.
        let fd = open(lab.workspace + "/.lab/workspace.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let holder = Data("pipeline run #12 (pid 4242)".utf8)
        _ = ftruncate(fd, 0)
        _ = holder.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        for command in [
            ["pipeline", "run", "--force"], ["deploy", "v1", "--strategy", "direct"], ["clock", "advance", "1d"],
            ["registry", "alias", "challenger", "v1"], ["promote"], ["rollback"],
        ] {
            let result = try lab.run(command)
            #expect(result.status == 2, "\(command): \(result.stdout)\(result.stderr)")
            #expect(result.stderr == "error: another pipeline run #12 (pid 4242) \(Self.busy)\n", "\(command)")
            #expect(result.stdout == "", "\(command)")
        }
        #expect(try runIDs(lab) == [1], "a refused run records nothing")
        flock(fd, LOCK_UN)
        close(fd)
        let next = try lab.run(["pipeline", "run", "--force"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try runIDs(lab) == [1, 2])
    }

    @Test func twoRunsStartedAtOnceDoNotRunTogether() async throws {
        let lab = try Lab()
        defer { lab.remove() }
        let results = try await withThrowingTaskGroup(of: Binary.Result.self) { group in
            for _ in 0..<3 {
                group.addTask { try lab.run(["pipeline", "run", "--force"]) }
            }
            var all: [Binary.Result] = []
            for try await result in group { all.append(result) }
            return all
        }
        let passed = results.filter { $0.status == 0 }
        let refused = results.filter { $0.status != 0 }
        #expect(!passed.isEmpty)
        for result in refused {
            #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
            #expect(result.stderr.hasPrefix("error: another pipeline run #"), "\(result.stderr)")
            #expect(result.stderr.hasSuffix("\(Self.busy)\n"), "\(result.stderr)")
            #expect(result.stdout == "", "a refused run prints nothing else")
        }
        // Only the runs that ran were recorded, each passed, and the champion is the model the
        // last of them trained and deployed.
        let runs = try lab.run(["pipeline", "runs", "--json"])
        let list = try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(list.count == passed.count)
        #expect(list.allSatisfy { $0["status"] as? String == "passed" })
        let registry = try lab.run(["registry", "list", "--json"])
        let versions = try JSONSerialization.jsonObject(with: Data(registry.stdout.utf8)) as? [[String: Any]] ?? []
        let champion = versions.first { ($0["aliases"] as? [String])?.contains("champion") == true }
        let lineage = champion?["lineage"] as? [String: Any]
        #expect(lineage?["run_id"] as? Int == list.compactMap { $0["id"] as? Int }.max())
    }

    private func runIDs(_ lab: Lab) throws -> [Int] {
        let runs = try lab.run(["pipeline", "runs", "--json"])
        let list = try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [[String: Any]] ?? []
        return list.compactMap { $0["id"] as? Int }.sorted()
    }
}
