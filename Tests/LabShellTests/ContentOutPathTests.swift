import Course
import Foundation
import PipelineEngine
import Testing

@testable import LabShell

/// Commands in course content (`start:`, step `command` and `setup`, `wrong:` commands) write
/// only inside the sandbox: `lint` refuses an `--out` that is absolute, climbs out with `..`,
/// starts with `~` or names `.lab/`, and the lab refuses to run one when it runs content.
@Suite struct ContentOutPathTests {
    /// A copy of the `Clean` fixture course whose first lesson has `steps` as its steps file, and
    /// an outside folder beside it that content must never write into.
    struct Course {
        let base: String
        var root: String { base + "/course" }
        var outside: String { base + "/outside" }
        var lessonFolder: String { root + "/Lessons/01-sandbox-basics" }

        init(steps: String) throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-content-\(UUID())").path
            try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Fixtures.lint + "/Clean", toPath: root)
            try steps.write(toFile: lessonFolder + "/steps.yaml", atomically: true, encoding: .utf8)
        }

        func outsideIsEmpty() throws {
            #expect(try FileManager.default.contentsOfDirectory(atPath: outside) == [])
        }

        func remove() { try? FileManager.default.removeItem(atPath: base) }
    }

    static func steps(outside: String) -> String {
        """
        start:
          - export progress --format json --out start.json
        steps:
          - id: export-progress
            title: Export your progress
            instructions: Write your progress.
            command: export progress --format json --out \(outside)/progress.json
            setup: [sandbox generate churn --rows 50 --out ../../escape.csv]
            check:
              file_exists: progress.json
            hints: [Use `export progress`.]
            wrong:
              - why: the wrong place
                command: [train data/churn.csv --target churned --out ~/model.json]
              - why: the lab's own folder
                command: [pipeline export --format dvc --out=.lab/results]
              - why: a folder that climbs out and back
                command: [export progress --format json --out data/../../x.json]
              - why: inside, after a detour
                command: [export progress --format json --out data/../progress.json]

        """
    }

    @Test func lintRefusesEveryOutPathThatLeavesTheSandboxWithFileAndLine() throws {
        let course = try Course(steps: "")
        defer { course.remove() }
        try Self.steps(outside: course.outside).write(
            toFile: course.lessonFolder + "/steps.yaml", atomically: true, encoding: .utf8)
        let lab = try CapturedSession(environment: ["COLUMNS": "1000"])
        let status = lab.run("lint \(course.root)/Lessons")
        let text = (lab.out + lab.err).replacingOccurrences(of: course.root + "/", with: "")
            .replacingOccurrences(of: course.outside, with: "OUTSIDE")
        #expect(status == 1)
        let file = "error: Lessons/01-sandbox-basics/steps.yaml"
        let expected = [
            "\(file):7:14: `export progress --format json --out OUTSIDE/progress.json` is not a command the lab can run: --out must name a path inside the sandbox: 'OUTSIDE/progress.json' is an absolute path",
            "\(file):8:13: `sandbox generate churn --rows 50 --out ../../escape.csv` is not a command the lab can run: --out must name a path inside the sandbox: '../../escape.csv' climbs out with '..'",
            "\(file):14:19: `train data/churn.csv --target churned --out ~/model.json` is not a command the lab can run: --out must name a path inside the sandbox: '~/model.json' points into a home folder",
            "\(file):16:19: `pipeline export --format dvc --out=.lab/results` is not a command the lab can run: --out must name a path inside the sandbox: '.lab/results' is inside the lab's own .lab folder",
            "\(file):18:19: `export progress --format json --out data/../../x.json` is not a command the lab can run: --out must name a path inside the sandbox: 'data/../../x.json' climbs out with '..'",
        ]
        // `start.json` and `data/../progress.json` stay inside: they are fine.
        #expect(
            text == expected.joined(separator: "\n")
                + "\n\nLessons: 2 lessons, 3 steps, 3 questions, 2 concepts; 5 problems.\n")
        try course.outsideIsEmpty()
    }

    @Test func playRefusesAStepCommandThatWritesOutsideAndWritesNothingThere() throws {
        let course = try Course(steps: "")
        defer { course.remove() }
        let steps = """
            steps:
              - id: export-progress
                title: Export your progress
                instructions: Write your progress.
                command: export progress --format json --out \(course.outside)/progress.json
                check:
                  file_exists: progress.json
                hints: [Use `export progress`.]

            """
        try steps.write(toFile: course.lessonFolder + "/steps.yaml", atomically: true, encoding: .utf8)
        var player = StepPlayer(contentRoot: course.root, environment: [:])
        player.homesDirectory = course.base
        let lesson = try LessonParser.parse(
            String(contentsOfFile: course.lessonFolder + "/lesson.md", encoding: .utf8),
            file: "lesson.md", directory: course.lessonFolder)
        let result = player.play(
            StepPlayer.Script(lesson: lesson, steps: try StepLoader.load(path: lesson.stepsFile), file: "steps.yaml"))
        #expect(!result.passed)
        let step = result.steps.first
        #expect(
            step?.detail
                == "the command `export progress --format json --out \(course.outside)/progress.json` was refused as bad usage or input"
        )
        #expect(
            step?.output?.contains(
                "error: `export progress --format json --out \(course.outside)/progress.json` is course content: --out must name a path inside the sandbox: '\(course.outside)/progress.json' is an absolute path"
            ) == true, "\(step?.output ?? "")")
        try course.outsideIsEmpty()
    }

    @Test func aLessonWhoseStartWritesOutsideIsNotMade() throws {
        let course = try Course(steps: "")
        defer { course.remove() }
        let original = try String(
            contentsOfFile: Fixtures.lint + "/Clean/Lessons/01-sandbox-basics/steps.yaml", encoding: .utf8)
        try ("start:\n  - export progress --format json --out ../../escape.json\n" + original)
            .write(toFile: course.lessonFolder + "/steps.yaml", atomically: true, encoding: .utf8)
        var options = GlobalOptions()
        options.content = course.root
        let lab = try CapturedSession(options: options)
        let status = lab.run("lesson sandbox-basics")
        #expect(status == 2, "\(lab.out)\(lab.err)")
        #expect(
            lab.err.contains("`export progress --format json --out ../../escape.json` ended with status 2"),
            "\(lab.err)")
        #expect(!FileManager.default.fileExists(atPath: lab.home + "/lesson-sandboxes/escape.json"))
        #expect(!FileManager.default.fileExists(atPath: lab.home + "/lesson-sandboxes/default/escape.json"))
    }
}
