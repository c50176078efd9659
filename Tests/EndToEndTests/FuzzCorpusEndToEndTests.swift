import Foundation
import Testing

/// Hostile inputs through the real binary: each run ends with exit 0, 1 or 2 and a clean
/// message (exit 2 for bad input), never a crash or a hang.
///
/// The corpus is `Fixtures/fuzz/KIND/` (hand-written cases and what libFuzzer found, see
/// `fuzz/`) plus inputs too large to commit, made here the same way every time. A file
/// named `ok-…` is valid input, however odd; `fails-…` is well-formed but fails the run (exit
/// 1, and the failed stage says why); every other file must be refused with exit 2.
@Suite struct FuzzCorpusEndToEndTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz").path
    /// A course with a quiz, steps and a pipeline-ready sandbox.
    static let content = KillLoopEndToEndTests.content

    /// The corpus files of `kind`, then the generated inputs of that kind.
    static func cases(_ kind: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: corpus + "/" + kind)) ?? []
        return files.filter { !$0.hasPrefix(".") }.sorted() + GeneratedInput.names(kind)
    }

    static func bytes(_ kind: String, _ name: String) throws -> Data {
        if let generated = GeneratedInput.bytes(kind, name) { return generated }
        return try Data(contentsOf: URL(fileURLWithPath: corpus + "/" + kind + "/" + name))
    }

    /// A temporary lab home with the fuzz course's sandbox; removed by `remove()`.
    struct Lab {
        let home: String
        let workspace: String

        init() throws {
            home = try Binary.temporaryHome()
            workspace = try Binary.run(["--content", FuzzCorpusEndToEndTests.content, "sandbox", "path"], home: home)
                .stdout.trimmingCharacters(in: .newlines)
        }

        func run(_ arguments: [String], stdin: Data = Data(), content: String = FuzzCorpusEndToEndTests.content)
            throws -> BoundedRun
        {
            try BoundedRun(["--content", content] + arguments, stdin: stdin, home: home, directory: workspace)
        }

        func write(_ relative: String, _ data: Data) throws {
            let path = workspace + "/" + relative
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path))
        }

        func remove() { try? FileManager.default.removeItem(atPath: home) }
    }

    /// Checks a run: clean always, and exit 2 for bad input (or `allowed` for valid input).
    private func expectClean(
        _ run: BoundedRun, _ what: String, name: String, allowed: Set<Int32> = [0, 1]
    ) {
        #expect(run.problem == nil, "\(what) on \(name): \(run.problem ?? "")")
        if name.hasPrefix("ok-") || name.hasPrefix("fails-") {
            let allowed = name.hasPrefix("fails-") ? allowed.union([1]) : allowed
            #expect(
                allowed.contains(run.status), "\(what) on valid \(name) exited \(run.status): \(run.stderr.prefix(500))"
            )
        } else {
            #expect(run.status == 2, "\(what) on bad \(name) exited \(run.status), not 2: \(run.stdout.prefix(300))")
        }
    }

    @Test(arguments: cases("csv"))
    func csv(name: String) throws {
        let lab = try Lab()
        defer { lab.remove() }
        try lab.write("input.csv", try Self.bytes("csv", name))
        try lab.write("a.yaml", Data("expectations:\n  - expect: columns_exist\n    columns: [a]\n".utf8))
        expectClean(try lab.run(["data", "profile", "input.csv"]), "data profile", name: name, allowed: [0])
        expectClean(try lab.run(["data", "validate", "input.csv", "--suite", "a.yaml"]), "data validate", name: name)
        expectClean(try lab.run(["data", "diff", "data/test.csv", "input.csv"]), "data diff", name: name)
        expectClean(try lab.run(["drift", "input.csv", "input.csv"]), "drift", name: name, allowed: [0, 1, 2])
    }

    @Test(arguments: cases("suite"))
    func suite(name: String) throws {
        let lab = try Lab()
        defer { lab.remove() }
        try lab.write("suite.yaml", try Self.bytes("suite", name))
        try lab.write(
            "c.csv",
            Data("a,b,c\n1,x,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n2,y,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n".utf8))
        expectClean(try lab.run(["data", "validate", "c.csv", "--suite", "suite.yaml"]), "data validate", name: name)
    }

    @Test(arguments: cases("pipeline"))
    func pipeline(name: String) throws {
        let lab = try Lab()
        defer { lab.remove() }
        try lab.write("hostile.yaml", try Self.bytes("pipeline", name))
        expectClean(try lab.run(["pipeline", "run", "hostile.yaml"]), "pipeline run", name: name)
        expectClean(try lab.run(["pipeline", "dag", "hostile.yaml"]), "pipeline dag", name: name, allowed: [0])
        expectClean(try lab.run(["pipeline", "status", "hostile.yaml"]), "pipeline status", name: name, allowed: [0])
        #expect(!FileManager.default.fileExists(atPath: "/tmp/cicdlab-fuzz-out.json"))
    }

    @Test(arguments: cases("params"))
    func params(name: String) throws {
        let lab = try Lab()
        defer { lab.remove() }
        try lab.write("params.yaml", try Self.bytes("params", name))
        expectClean(try lab.run(["pipeline", "run"]), "pipeline run", name: name)
    }

    @Test(arguments: cases("gates"))
    func gates(name: String) throws {
        let lab = try Lab()
        defer { lab.remove() }
        let trained = try lab.run(["train", "data/train.csv", "--target", "churned", "--out", "model.json"])
        #expect(trained.status == 0, "\(trained.stderr)")
        let config = try Self.bytes("gates", name)
        try lab.write("hostile.yaml", config)
        // A configuration that names its data is run on it; the others on the test split.
        let data = String(decoding: config, as: UTF8.self).contains("data:") ? [] : ["--data", "data/test.csv"]
        expectClean(
            try lab.run(["gate", "check", "model.json", "--config", "hostile.yaml"] + data), "gate check", name: name)
    }

    /// A model file from the corpus, read by `evaluate`, `gate check` and a pipeline's evaluate
    /// stage: every crafted file is refused naming the file and the field, never read past.
    @Test(arguments: cases("model"))
    func model(name: String) throws {
        let lab = try Lab()
        defer { lab.remove() }
        try lab.write("models/hostile.json", try Self.bytes("model", name))
        let evaluate = try lab.run(["evaluate", "models/hostile.json", "data/test.csv"])
        expectClean(evaluate, "evaluate", name: name, allowed: [0])
        if !name.hasPrefix("ok-") {
            #expect(
                evaluate.stderr.contains("models/hostile.json: "), "evaluate on \(name): \(evaluate.stderr.prefix(300))"
            )
        }
        expectClean(
            try lab.run(["gate", "check", "models/hostile.json", "--config", "gates.yaml", "--data", "data/test.csv"]),
            "gate check", name: name)
        try lab.write(
            "evaluate.yaml",
            Data(
                "stages:\n  evaluate:\n    kind: evaluate\n    model: models/hostile.json\n    data: data/test.csv\n"
                    .utf8))
        let pipeline = try lab.run(["pipeline", "run", "evaluate.yaml"])
        #expect(pipeline.problem == nil, "pipeline run on \(name): \(pipeline.problem ?? "")")
        #expect(pipeline.status == (name.hasPrefix("ok-") ? 0 : 1), "pipeline run on \(name) exited \(pipeline.status)")
    }

    @Test(arguments: cases("scenario"))
    func scenario(name: String) throws {
        let lab = try Lab()
        defer { lab.remove() }
        try lab.write("scenarios/hostile.yaml", try Self.bytes("scenario", name))
        expectClean(try lab.run(["scenario", "start", "hostile"]), "scenario start", name: name, allowed: [0])
        for arguments in [["scenario", "list"], ["clock", "advance", "2d"]] {
            let run = try lab.run(arguments)
            #expect(run.problem == nil, "\(arguments.joined(separator: " ")) after \(name): \(run.problem ?? "")")
        }
    }

    /// Lesson content in a course of its own: `lesson.md`, `steps.yaml` or `quiz.yaml` from the
    /// corpus, the other two sound.
    ///
    /// Any command on it ends cleanly; `lint` refuses a bad file.
    @Test(
        arguments: cases("lesson").map { ("lesson", $0) } + cases("steps").map { ("steps", $0) }
            + cases("quiz").map { ("quiz", $0) })
    func lessonContent(kind: String, name: String) throws {
        let course = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: course) }
        let lesson = course + "/Lessons/01-fuzz"
        try FileManager.default.createDirectory(atPath: lesson, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: course + "/Sandbox", withIntermediateDirectories: true)
        try Data("A sandbox.\n".utf8).write(to: URL(fileURLWithPath: course + "/Sandbox/README.txt"))
        let sound = [
            "lesson.md": GeneratedInput.soundLesson, "steps.yaml": GeneratedInput.soundSteps,
            "quiz.yaml": GeneratedInput.soundQuiz,
        ]
        let file = ["lesson": "lesson.md", "steps": "steps.yaml", "quiz": "quiz.yaml"][kind] ?? ""
        for (fileName, text) in sound {
            let data = fileName == file ? try Self.bytes(kind, name) : Data(text.utf8)
            try data.write(to: URL(fileURLWithPath: lesson + "/" + fileName))
        }
        let lab = try Lab()
        defer { lab.remove() }
        let what = "\(kind)/\(name)"
        for arguments in [["lessons"], ["lesson", "fuzz-lesson"], ["steps"], ["quiz", "fuzz-lesson", "--count", "2"]] {
            let run = try lab.run(arguments, stdin: Data("skip\nskip\n".utf8), content: course)
            #expect(run.problem == nil, "\(arguments.joined(separator: " ")) on \(what): \(run.problem ?? "")")
        }
        let script =
            "lesson fuzz-lesson\nnext\nnext\nsteps\ncheck\nhint\nquiz fuzz-lesson --count 2\nskip\nskip\nprogress\n"
        let repl = try lab.run([], stdin: Data(script.utf8), content: course)
        #expect(repl.problem == nil, "the REPL on \(what): \(repl.problem ?? "")")
        let lint = try lab.run(["lint", course + "/Lessons"], content: course)
        #expect(lint.problem == nil, "lint on \(what): \(lint.problem ?? "")")
        if !name.hasPrefix("ok-") {
            #expect(lint.status != 0, "lint passed the bad \(what): \(lint.stdout.prefix(500))")
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/cicdlab-pwned"))
    }

    @Test(arguments: cases("answers"))
    func quizAnswers(name: String) throws {
        let lab = try Lab()
        defer { lab.remove() }
        let run = try lab.run(["quiz", "--seed", "3", "--count", "6"], stdin: try Self.bytes("answers", name))
        #expect(run.problem == nil, "quiz answers \(name): \(run.problem ?? "")")
        #expect(run.status == 0, "quiz answers \(name) exited \(run.status)")
    }

    @Test(arguments: cases("repl"))
    func replLines(name: String) throws {
        let lab = try Lab()
        defer { lab.remove() }
        let run = try lab.run([], stdin: try Self.bytes("repl", name))
        #expect(run.problem == nil, "REPL lines \(name): \(run.problem ?? "")")
    }
}
