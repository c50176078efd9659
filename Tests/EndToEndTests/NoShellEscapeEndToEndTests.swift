import Foundation
import Testing

/// Nothing in lesson content can run code: a step's `command` and `setup` are lab commands,
/// split into words and run through the lab's own command table, never handed to a shell.
///
/// Each step below would create a marker file (or delete a folder) if a shell ever saw its
/// text. The steps are played (`lint --play` runs setup and commands) and checked in the
/// REPL; afterwards no marker exists and the folder is intact.
@Suite struct NoShellEscapeEndToEndTests {
    /// Step texts that a shell would obey, each naming `MARK` where it would write.
    static let attempts = [
        "sandbox init; touch MARK",
        "sandbox init && touch MARK",
        "sandbox init | tee MARK",
        "sandbox init > MARK",
        "`touch MARK`",
        "$(touch MARK)",
        "export progress --format json --out \"$(touch MARK)\"",
        "sandbox init\ntouch MARK",
        "touch MARK",
        "sh -c 'touch MARK'",
        "edit MARK",
    ]

    @Test func stepCommandsAndSetupNeverReachAShell() throws {
        let root = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let victim = root + "/victim"
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: victim + "/file.txt"))

        // One lesson per attempt: `lint --play` stops a lesson at its first refused step, and
        // every attempt should be played.
        let content = root + "/content"
        try FileManager.default.createDirectory(atPath: content + "/Sandbox", withIntermediateDirectories: true)
        try Data("A sandbox.\n".utf8).write(to: URL(fileURLWithPath: content + "/Sandbox/README.txt"))
        var markers: [String] = []
        for (index, attempt) in Self.attempts.enumerated() {
            let marker = root + "/marker-\(index)"
            markers.append(marker)
            let command = attempt.replacingOccurrences(of: "MARK", with: marker)
            let steps = """
                steps:
                  - id: step-\(index)
                    title: Attempt \(index)
                    instructions: Nothing here may run a shell.
                    setup: \(yamlString(command))
                    command: [\(yamlString(command)), \(yamlString("sandbox init; rm -rf \(victim)"))]
                    check:
                      file_exists: \(yamlString("$(touch \(marker))"))
                    hints: [\(yamlString("`touch \(marker)`"))]

                """
            let lesson = content + "/Lessons/\(10 + index)-attempt"
            try FileManager.default.createDirectory(atPath: lesson, withIntermediateDirectories: true)
            try Data(steps.utf8).write(to: URL(fileURLWithPath: lesson + "/steps.yaml"))
            let front = GeneratedInput.frontMatter.replacingOccurrences(of: "fuzz-lesson", with: "attempt-\(index)")
            try Data((front + "## Page\n\nText.\n").utf8).write(to: URL(fileURLWithPath: lesson + "/lesson.md"))
            try Data(GeneratedInput.soundQuiz.replacingOccurrences(of: "fuzz-question", with: "question-\(index)").utf8)
                .write(to: URL(fileURLWithPath: lesson + "/quiz.yaml"))
        }

        let home = root + "/home"
        // EDITOR is a shell's business; make sure `edit` could not reach one either.
        let environment = ["EDITOR": "touch \(root)/marker-editor", "VISUAL": "touch \(root)/marker-editor"]
        let play = try Binary.run(["--content", content, "lint", "--play"], home: home, environment: environment)
        #expect(play.status != 0, "lint --play passed steps that are not lab commands")
        for index in Self.attempts.indices {
            #expect(
                play.stdout.contains("✗ step-\(index): setup command `"),
                "attempt \(index) was not played: \(play.stdout)")
        }
        var script = ""
        for index in Self.attempts.indices {
            script += "lesson attempt-\(index)\nsteps\ncheck step-\(index)\nhint step-\(index)\n"
        }
        let repl = try Binary.run(["--content", content], stdin: script, home: home, environment: environment)
        #expect(repl.status == 0, "the REPL: \(repl.stderr)")
        for index in Self.attempts.indices {
            #expect(repl.stdout.contains("Attempt \(index)"), "the REPL did not show attempt \(index)")
        }

        for marker in markers + [root + "/marker-editor"] {
            #expect(!FileManager.default.fileExists(atPath: marker), "\(marker) was created: a shell ran")
        }
        #expect(FileManager.default.fileExists(atPath: victim + "/file.txt"), "the folder was removed: a shell ran")
    }

    /// A YAML double-quoted string holding `text` exactly.
    private func yamlString(_ text: String) -> String {
        "\""
            + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
