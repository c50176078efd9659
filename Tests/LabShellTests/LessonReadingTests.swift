import Course
import Foundation
import Testing

@testable import LabShell

/// `lesson`, `next` and `back` over the fixture lessons, in process, at 80 columns.
@Suite struct LessonReadingTests {
    static let environment = ["COLUMNS": "80"]

    func lab(home: String? = nil) throws -> CapturedSession {
        try CapturedSession(options: Fixtures.options, environment: Self.environment, home: home)
    }

    /// Runs `line`, expecting success, and returns what it printed.
    func output(_ lab: CapturedSession, _ line: String) -> String {
        lab.out = ""
        lab.err = ""
        let status = lab.run(line)
        #expect(status == 0, "`\(line)` failed: \(lab.err)")
        return lab.out
    }

    @Test func aLessonOpensAtItsFirstPageWithHeaderAndFooter() throws {
        let lab = try lab()
        #expect(
            output(lab, "lesson paging-onward") == """
                Paging onward (fixture) · page 1 of 2 · about 3 minutes
                Tip: `lesson reading-basics` (Reading basics (fixture)) comes before this one
                and is not done yet.

                First of two
                ────────────

                This lesson suggests Reading basics first but does not insist.

                Type `next` for page 2 of 2.

                """)
        #expect(lab.session.currentLesson == "paging-onward")
    }

    @Test func theFooterNamesOnlyCommandsThatExist() throws {
        let lab = try lab()
        let page = output(lab, "lesson 1")
        #expect(page.hasPrefix("Reading basics (fixture) · page 1 of 3 · about 5 minutes\n\nWhat a page is\n"))
        #expect(page.contains("  • Pages are read in order.\n  • Steps come after the pages.\n"))
        #expect(page.contains("`steps`") == (CommandTable.command(named: "steps") != nil))
        #expect(!page.contains("`back`"))
        let footer =
            CommandTable.command(named: "steps") == nil
            ? "Type `next` for page 3 of 3 or `back` for page 1.\n"
            : "Type `next` for page 3 of 3, `back` for page 1 or `steps` for the hands-on part.\n"
        #expect(output(lab, "next").hasSuffix(footer))
    }

    @Test func nextAndBackPageThroughAndBackStopsAtTheFirstPage() throws {
        let lab = try lab()
        _ = output(lab, "lesson reading-basics")
        #expect(output(lab, "next").hasPrefix("Reading basics (fixture) · page 2 of 3"))
        #expect(output(lab, "next").contains("│ A quote to finish with."))
        #expect(output(lab, "back").contains("  Stage     Status  Seconds\n"))
        #expect(output(lab, "back").hasPrefix("Reading basics (fixture) · page 1 of 3"))
        #expect(output(lab, "back") == "This is the first page of Reading basics (fixture); `next` goes on.\n")
    }

    @Test func theTipIsShownOnOpeningOnlyAndGoesOnceThePrerequisiteIsDone() throws {
        let lab = try lab()
        #expect(output(lab, "lesson 2 --section 2").contains("Tip:"))
        #expect(!output(lab, "back").contains("Tip:"))
        let store = try lab.session.store()
        for page in 0..<3 {
            try store.recordPageView(
                profile: "default", lesson: "reading-basics", page: page, pageCount: 3, stepCount: 0)
        }
        #expect(!output(lab, "lesson 2").contains("Tip:"))
    }

    @Test func pastTheLastPageNextSaysWhatComesAfter() throws {
        let lab = try lab()
        _ = output(lab, "lesson 2")
        _ = output(lab, "next")
        #expect(
            output(lab, "next") == """
                You have read all 2 pages of Paging onward (fixture). Lesson complete.

                That was the last lesson; `lessons` shows your progress.

                """)
        let rows = try JSONSerialization.jsonObject(with: Data(output(lab, "lessons --json").utf8)) as? [[String: Any]]
        #expect(rows?.first { $0["id"] as? String == "paging-onward" }?["status"] as? String == "done")
    }

    @Test func skippedPagesAreNamedWhenTheEndIsReached() throws {
        let lab = try lab()
        _ = output(lab, "lesson 1 --section 3")
        let end = output(lab, "next")
        #expect(
            end.hasPrefix(
                """
                That was the last page of Reading basics (fixture); 2 pages are still unread:
                `lesson reading-basics --section 1`, `lesson reading-basics --section 2`.
                """))
        #expect(end.hasSuffix("`lesson paging-onward` (Paging onward (fixture)).\n"))
        #expect(end.contains("`quiz") == (CommandTable.command(named: "quiz") != nil))
    }

    @Test func aLessonReopensWhereItWasLeftAndSectionJumps() throws {
        let lab = try lab()
        _ = output(lab, "lesson 1")
        _ = output(lab, "next")
        _ = output(lab, "lesson 2")
        #expect(output(lab, "lesson 01-reading-basics").hasPrefix("Reading basics (fixture) · page 2 of 3"))
        #expect(output(lab, "lesson 1 --section 1").hasPrefix("Reading basics (fixture) · page 1 of 3"))
    }

    @Test func aNewSessionResumesTheSameLessonAndPage() throws {
        let first = try lab()
        _ = output(first, "lesson 1")
        _ = output(first, "next")
        let second = try lab(home: first.home)
        second.session.restoreReadingPosition()
        #expect(second.session.currentLesson == "reading-basics")
        #expect(Repl(session: second.session).prompt() == "cicdlab (default: reading-basics)> ")
        #expect(output(second, "lesson").hasPrefix("Reading basics (fixture) · page 2 of 3"))
        #expect(output(second, "next").hasPrefix("Reading basics (fixture) · page 3 of 3"))
    }

    @Test func eachProfileKeepsItsOwnPlace() throws {
        let lab = try lab()
        _ = output(lab, "lesson 1")
        _ = output(lab, "profiles create bob")
        _ = output(lab, "profiles switch bob")
        #expect(lab.session.currentLesson == nil)
        #expect(lab.run("next") == 2)
        _ = output(lab, "profiles switch default")
        #expect(lab.session.currentLesson == "reading-basics")
    }

    @Test(arguments: [
        ("next", "error: no lesson is open yet; `lessons` lists them and `lesson ID` opens one\n"),
        ("lesson", "error: no lesson is open yet; `lessons` lists them and `lesson ID` opens one\n"),
        (
            "lesson reading-basic",
            "error: no lesson 'reading-basic' in \(Fixtures.content)/Lessons. Did you mean 'reading-basics'?\n"
        ),
        ("lesson zzz", "error: no lesson 'zzz' in \(Fixtures.content)/Lessons; `lessons` lists them\n"),
        ("lesson 1 --section 4", "error: lesson 'reading-basics' has 3 pages; --section takes 1 to 3, not 4\n"),
    ])
    func mistakesAreExplained(line: String, message: String) throws {
        let lab = try lab()
        #expect(lab.run(line) == 2)
        #expect(lab.errorMessages == message)
    }

    @Test func missingContentIsReported() throws {
        var options = GlobalOptions()
        options.content = "/nonexistent-cicdlab-content"
        let lab = try CapturedSession(options: options)
        #expect(lab.run("lesson 1") == 2)
        #expect(lab.err == "error: no lessons folder at /nonexistent-cicdlab-content/Lessons\n")
    }

    @Test func jsonGivesThePageAndTheListGivesDesignsKeys() throws {
        let lab = try lab()
        let page = try JSONSerialization.jsonObject(with: Data(output(lab, "lesson 1 --json").utf8)) as? [String: Any]
        #expect(page?["lesson"] as? String == "reading-basics")
        #expect(page?["page"] as? Int == 1)
        #expect(page?["pages"] as? Int == 3)
        #expect(page?["page_title"] as? String == "What a page is")
        #expect(page?["pages_read"] as? Int == 1)
        let rows = try JSONSerialization.jsonObject(with: Data(output(lab, "lessons --json").utf8)) as? [[String: Any]]
        #expect(rows?.map { $0["id"] as? String } == ["reading-basics", "paging-onward"])
        for key in ["id", "title", "status", "concepts", "steps", "questions"] {
            #expect(rows?.allSatisfy { $0[key] != nil } == true, "missing \(key)")
        }
        #expect(rows?[0]["steps"] as? Int == 2)
        #expect(rows?[0]["questions"] as? Int == 3)
        #expect(rows?[0]["status"] as? String == "in progress")
        #expect(rows?[0]["concepts"] as? [String] == ["fixture-pages"])
        #expect(rows?[1]["steps"] as? Int == 0)
        #expect(rows?[1]["questions"] as? Int == 0)
        #expect(rows?[1]["status"] as? String == "not started")
        #expect(rows?.map { $0["number"] as? Int } == [1, 2])
    }

    @Test func theListMarksTheLessonBeingRead() throws {
        let lab = try lab()
        _ = output(lab, "lesson 2")
        #expect(
            output(lab, "lessons") == """
                   #  LESSON          TITLE                     STATUS       PROGRESS
                   1  reading-basics  Reading basics (fixture)  not started  [          ] 0%
                *  2  paging-onward   Paging onward (fixture)   in progress  [█████     ] 50%

                * marks the lesson you are reading; `lesson` or `next` goes on where you left
                off.

                """)
    }

    @Test func beforeAnyLessonIsOpenTheListSaysHowToBegin() throws {
        let lab = try lab()
        #expect(
            output(lab, "lessons").hasSuffix(
                "\nType `lesson 1` to begin, or `lesson N` (a number or id) for another.\n"))
    }

    @Test func lessonIdsAndTheSectionOptionComplete() throws {
        let lab = try lab()
        let completer = Completer(session: lab.session, baseDirectory: "/")
        // In course order, as `lessons` lists them, not alphabetically.
        #expect(completer.complete("lesson ").candidates == ["reading-basics", "paging-onward"])
        #expect(completer.complete("lesson re").candidates == ["reading-basics"])
        #expect(completer.complete("lesson --s").candidates == ["--section"])
    }

    @Test func doctorSaysWhereTheContentWasFound() throws {
        let lab = try lab()
        let report = try JSONSerialization.jsonObject(with: Data(output(lab, "doctor --json").utf8)) as? [String: Any]
        #expect(report?["content"] as? String == Fixtures.content)
        #expect(report?["content_found_by"] as? String == "--content")
        #expect(report?["lessons"] as? Int == 2)
    }
}
