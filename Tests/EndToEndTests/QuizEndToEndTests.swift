import Course
import Foundation
import GRDB
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
        _ = try Binary.run(
            ["--content", Binary.fixtureContent, "quiz", "--seed", "1", "--count", "2"],
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
        let live = try LiveProcess(
            ["--content", Binary.fixtureContent, "quiz", "--seed", "5", "--count", "5"], home: home)
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

@Suite struct ProgressEndToEndTests {
    @Test func exportWritesTheContractedJSONAndOneCSVRowPerAnswer() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let content = Binary.fixtureContent
        _ = try Binary.run(
            ["--content", content, "quiz", "--seed", "1", "--count", "2"], stdin: "b\nskip\n", home: home)
        let json = try Binary.run(["--content", content, "export", "progress", "--format", "json"], home: home)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["profile"] as? String == "default")
        let lessons = object?["lessons"] as? [[String: Any]]
        #expect(lessons?.first?["id"] as? String == "fixture-lesson")
        #expect(
            lessons?.first.map { Set($0.keys).isSuperset(of: ["id", "status", "pages_read", "steps_done"]) } == true)
        let answers = object?["answers"] as? [[String: Any]]
        #expect(answers?.count == 2)
        #expect(
            answers?.first.map {
                Set($0.keys).isSuperset(of: ["question", "lesson", "correct", "points", "hinted", "answered_at"])
            } == true)
        let cards = object?["cards"] as? [[String: Any]]
        #expect(
            cards?.first.map { Set($0.keys).isSuperset(of: ["question", "state", "due", "stability", "difficulty"]) }
                == true)

        let csv = try Binary.run(["--content", content, "export", "progress", "--format", "csv"], home: home)
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first == "profile,lesson,question,correct,skipped,hinted,points,max_points,seconds,answered_at")
        #expect(rows.count == 3)
        #expect(rows[1].hasPrefix("default,fixture-lesson,three-artifacts-what-changes,1,0,0,1,1,"))

        let bad = try Binary.run(["--content", content, "export", "progress", "--format", "xml"], home: home)
        #expect(bad.status == 2)
        #expect(bad.stderr == "error: --format is 'xml'; expected json or csv\n")
    }

    @Test func progressShowsScoreStreakAndMastery() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let content = Binary.fixtureContent
        _ = try Binary.run(["--content", content, "quiz", "--seed", "1", "--count", "1"], stdin: "b\n", home: home)
        let result = try Binary.run(["--content", content, "progress"], home: home)
        #expect(result.stdout.contains("quiz score     1 of 1 points (100%) over 1 answer\n"))
        #expect(result.stdout.contains("streak         1 day"))
        #expect(result.stdout.contains("  three-artifacts  1/1 right  recall chance tomorrow 98%\n"))
    }

    /// A new profile has no score yet; a concept only ever answered wrong shows its count and
    /// no recall figure (FSRS alone would say 77 % a day after a wrong answer).
    @Test func progressSaysWhatANewOrWrongAnsweringLearnerHasDone() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let content = Binary.fixtureContent
        let fresh = try Binary.run(["--content", content, "progress"], home: home)
        #expect(fresh.stdout.contains("  quiz score     no questions answered yet\n"))
        #expect(!fresh.stdout.contains("Mastery by concept"))
        for _ in 0..<2 {
            _ = try Binary.run(["--content", content, "quiz", "--seed", "1", "--count", "1"], stdin: "a\n", home: home)
        }
        let wrong = try Binary.run(["--content", content, "progress"], home: home)
        #expect(wrong.stdout.contains("  quiz score     0 of 2 points (0%) over 2 answers\n"))
        #expect(wrong.stdout.contains("  three-artifacts  0/2 right  not yet recalled\n"))
        #expect(wrong.stdout.contains("Practise: `quiz three-artifacts`"))
    }

    /// The course's own lesson 1, "Why CI/CD for ML is not ordinary CI/CD", keeps its slashes
    /// in both JSON outputs.
    @Test func jsonOutputsLeaveSlashesUnescaped() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let content = Binary.repository
        for arguments in [["progress", "--json"], ["export", "progress", "--format", "json"]] {
            let result = try Binary.run(["--content", content] + arguments, home: home)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.contains("\"title\" : \"Why CI/CD for ML is not ordinary CI/CD\""))
            #expect(!result.stdout.contains("\\/"))
        }
    }

    /// Answers given in `review` belong to an attempt (scope `review`), exported with its id,
    /// and JSON leaves slashes unescaped.
    @Test func reviewAnswersAreExportedWithTheirAttempt() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let content = Binary.fixtureContent
        _ = try Binary.run(["--content", content, "quiz", "--seed", "1", "--count", "1"], stdin: "a\n", home: home)
        // `review` asks what is due by the wall clock: the card made by the quiz is due now.
        try ProgressStore(path: home + "/progress.sqlite").pool.write { db in
            try db.execute(sql: "UPDATE review_card SET due = ?", arguments: [Date().addingTimeInterval(-60)])
        }
        let review = try Binary.run(["--content", content, "review"], stdin: "b\n", home: home)
        #expect(review.status == 0, "stderr: \(review.stderr)")
        let answers = try ProgressStore(path: home + "/progress.sqlite").answers(profile: "default")
        #expect(answers.count == 2)
        #expect(answers.map(\.attemptId) == [1, 2])
        let export = try Binary.run(["--content", content, "export", "progress", "--format", "json"], home: home)
        #expect(export.stdout.contains("\"attempt_id\" : 2,"))
        #expect(!export.stdout.contains("\\/"))
    }
}
