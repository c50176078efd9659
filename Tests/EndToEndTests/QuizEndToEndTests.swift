import Course
import Foundation
import Testing

/// Quizzes and review driven through standard input, checked in the progress store.
@Suite struct QuizEndToEndTests {
    func store(_ home: String) throws -> ProgressStore {
        try ProgressStore(path: home + "/progress.sqlite")
    }

    @Test func answersHintsAndSkipsAreStoredWithTheirPointsAndCards() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        // With seed 1 the first three questions are: easy single (answer b after shuffling),
        // medium multiple, hard order.
        let result = try Binary.run(
            ["--content", Binary.fixtureContent, "quiz", "--seed", "1", "--count", "3"],
            stdin: "hint\nb\nskip\nzz\n2 1 4 3\n", home: home)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Hint: Think of what can change without anyone touching the code."))
        #expect(result.stdout.contains("I couldn't read `zz`"))
        #expect(result.stdout.contains("Score: 3.5 of 6 points"))
        let answers = try store(home).answers(profile: "default")
        #expect(answers.map(\.question) == ["three-artifacts-what-changes", "model-tests-kinds", "gate-order"])
        #expect(answers.map(\.correct) == [true, false, true])
        #expect(answers.map(\.hinted) == [true, false, false])
        #expect(answers.map(\.skipped) == [false, true, false])
        #expect(answers.map(\.points) == [0.5, 0, 3])
        let cards = try store(home).cards(profile: "default")
        #expect(cards.count == 3)
        #expect(Set(cards.map(\.questionId)) == Set(answers.map(\.question)))
    }

    @Test func reviewStatsCountTheCardsTheQuizMade() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        _ = try Binary.run(["--content", Binary.fixtureContent, "quiz", "--seed", "1", "--count", "2"],
                           stdin: "a\nskip\n", home: home)
        let stats = try Binary.run(["--content", Binary.fixtureContent, "review", "--stats", "--json"], home: home)
        let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        #expect(object?["cards"] as? Int == 2)
        #expect(object?["due_today"] as? Int == 2)
    }

    @Test(arguments: [1, 3])
    func killingTheProcessAfterTheKthAnswerLeavesKAnswers(k: Int) throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let live = try LiveProcess(["--content", Binary.fixtureContent, "quiz", "--seed", "5", "--count", "5"], home: home)
        for answered in 1...k {
            live.send("skip")
            let seen = live.wait { $0.components(separatedBy: "Skipped.").count - 1 >= answered }
            #expect(seen, "no feedback for answer \(answered); output so far: \(live.text)")
        }
        live.kill()
        let store = try store(home)
        #expect(try store.answers(profile: "default").count == k)
        #expect(try store.cards(profile: "default").count == k)
        #expect(try store.integrityCheck() == "ok")
    }
}
