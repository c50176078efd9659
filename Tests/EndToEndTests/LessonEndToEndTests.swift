import Course
import Foundation
import Testing

/// Reading a lesson in the real REPL, quitting in the middle, and coming back to the same page.
@Suite struct LessonEndToEndTests {
    /// The fixture lessons written for the reader's tests (not course content).
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("LabShellTests/Fixtures").path
    static let environment = ["COLUMNS": "80"]

    func lab(_ script: String, home: String) throws -> Binary.Result {
        try Binary.run(["--content", Self.content], stdin: script, home: home, environment: Self.environment)
    }

    func lessons(home: String) throws -> [[String: Any]] {
        let result = try Binary.run(
            ["lessons", "--json", "--content", Self.content], home: home,
            environment: Self.environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    @Test func quittingMidLessonAndReopeningReturnsToTheSamePage() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }

        let first = try lab("lesson 1\nnext\nquit\n", home: home)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.hasPrefix("Reading basics (fixture) · page 1 of 3 · about 5 minutes\n"))
        #expect(first.stdout.contains("Reading basics (fixture) · page 2 of 3 · about 5 minutes\n"))

        // The rows as stored: page 2 (index 1) is current, two pages read, time counted, and
        // the reading clock stopped when the REPL closed.
        let store = try ProgressStore(path: home + "/progress.sqlite")
        let stored = try #require(try store.lessonProgress(profile: "default")["reading-basics"])
        #expect(stored.currentPage == 1)
        #expect(stored.pagesRead == 2)
        #expect(stored.secondsSpent > 0)
        #expect(!stored.completed)
        #expect(try store.pagesRead(profile: "default", lesson: "reading-basics") == [0, 1])
        #expect(
            try store.readingPosition(profile: "default")
                == ReadingPosition(lessonID: "reading-basics", page: 1, viewedAt: nil))

        var rows = try lessons(home: home)
        #expect(rows[0]["id"] as? String == "reading-basics")
        #expect(rows[0]["pages_read"] as? Int == 2)
        #expect(rows[0]["status"] as? String == "in progress")
        #expect(rows[0]["current"] as? Bool == true)
        #expect((rows[0]["seconds_spent"] as? Double ?? 0) > 0)
        #expect(rows[1]["pages_read"] as? Int == 0)

        let reopened = try lab("lesson\nquit\n", home: home)
        #expect(
            reopened.stdout.hasPrefix("Reading basics (fixture) · page 2 of 3 · about 5 minutes\n\nTables and code\n"))

        let onward = try lab("next\n", home: home)
        #expect(onward.stdout.hasPrefix("Reading basics (fixture) · page 3 of 3 · about 5 minutes\n"))
        rows = try lessons(home: home)
        #expect(rows[0]["pages_read"] as? Int == 3)
    }

    @Test func oneShotCommandsShareThePositionWithTheREPL() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let opened = try Binary.run(
            ["lesson", "paging-onward", "--content", Self.content], home: home,
            environment: Self.environment)
        #expect(opened.status == 0)
        #expect(opened.stdout.contains("Tip: `lesson reading-basics`"))
        let next = try lab("next\nnext\n", home: home)
        #expect(next.stdout.hasPrefix("Paging onward (fixture) · page 2 of 2"))
        #expect(
            next.stdout.hasSuffix(
                "You have read all 2 pages of Paging onward (fixture). Lesson complete.\n\n"
                    + "That was the last lesson; `lessons` shows your progress.\n"))
        let rows = try lessons(home: home)
        #expect(rows[1]["status"] as? String == "done")
    }

    @Test func badInputExitsTwo() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run(["lesson", "9", "--content", Self.content], home: home)
        #expect(result.status == 2)
        #expect(result.stderr == "error: no lesson '9' in \(Self.content)/Lessons; `lessons` lists them\n")
    }
}
