import Course
import Foundation
import Testing

/// Two lab processes on one profile at the same time, as with two terminals.
@Suite struct ConcurrencyEndToEndTests {
    @Test func twoQuizzesAtOnceOnOneProfileLoseNothing() async throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let rounds = 4
        let results = try await withThrowingTaskGroup(of: Binary.Result.self) { group in
            for seed in [11, 12] {
                group.addTask {
                    var last = Binary.Result(status: 0, stdout: "", stderr: "")
                    for round in 0..<rounds {
                        // A fresh home on the first round makes both processes create and migrate
                        // the database at the same moment.
                        last = try Binary.run(
                            [
                                "--content", Binary.fixtureContent, "quiz", "--seed", "\(seed * 100 + round)",
                                "--count", "3",
                            ],
                            stdin: "skip\nskip\nskip\n", home: home)
                        if last.status != 0 { return last }
                    }
                    return last
                }
            }
            var all: [Binary.Result] = []
            for try await result in group { all.append(result) }
            return all
        }
        for result in results {
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(!result.stderr.contains("locked"))
        }
        let store = try ProgressStore(path: home + "/progress.sqlite")
        #expect(try store.answers(profile: "default").count == 2 * rounds * 3)
        #expect(try store.integrityCheck() == "ok")
    }
}
