import Foundation
import Testing

/// Failures a person can act on, through the real binary: each names the file (and line) and
/// says in plain words what was found and what was expected; no framework text
/// (`Error Domain=NSCocoaErrorDomain`, `NSError 514`) and no `internal` code reaches the user.
@Suite struct ClearErrorsEndToEndTests {
    /// A lab home with the fuzz course's sandbox (data, suites, a pipeline), removed at the end.
    struct Lab {
        let home: String
        let workspace: String

        init() throws {
            home = try Binary.temporaryHome()
            workspace = try Binary.run(["--content", KillLoopEndToEndTests.content, "sandbox", "path"], home: home)
                .stdout.trimmingCharacters(in: .newlines)
        }

        func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Binary.Result {
            try Binary.run(
                ["--content", KillLoopEndToEndTests.content] + arguments, home: home,
                environment: environment, directory: workspace)
        }

        func write(_ relative: String, _ text: String) throws {
            try text.write(toFile: workspace + "/" + relative, atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(atPath: home) }
    }

    @Test func aStageNameTooLongForAFileNameIsRefusedAtLoad() throws {
        let lab = try Lab()
        defer { lab.remove() }
        let name = String(repeating: "a", count: 300)
        try lab.write(
            "long.yaml",
            "stages:\n  \(name):\n    kind: validate\n    data: data/train.csv\n    suite: suites/train.yaml\n")
        for command in ["run", "dag", "status"] {
            let run = try lab.run(["pipeline", command, "long.yaml"])
            #expect(run.status == 2)
            #expect(
                run.stderr
                    == "error: long.yaml:2:3: stage name \"aaaaaaaaaa…aaaaaaaaaa (300 characters)\" is too long; expected at most 100 characters\n"
            )
        }
        #expect(!FileManager.default.fileExists(atPath: lab.workspace + "/long.lock"))
    }

    @Test func theWorkspaceFolderAsDataIsAFolderNotAnAbsolutePath() throws {
        let lab = try Lab()
        defer { lab.remove() }
        try lab.write("dot.yaml", "stages:\n  a:\n    kind: validate\n    data: .\n    suite: suites/train.yaml\n")
        let run = try lab.run(["pipeline", "run", "dot.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: dot.yaml:4:11: '.' is the workspace folder itself; expected a file\n")
        try lab.write(
            "gates-dot.yaml", "data: data/..\ngates:\n  - type: threshold\n    metric: accuracy\n    min: 0.5\n")
        #expect(try lab.run(["train", "data/train.csv", "--target", "churned", "--out", "model.json"]).status == 0)
        let gate = try lab.run(["gate", "check", "model.json", "--config", "gates-dot.yaml"])
        #expect(gate.status == 2)
        #expect(gate.stderr == "error: gates-dot.yaml:1: 'data/..' is the workspace folder itself; expected a file\n")
    }

    @Test(arguments: [
        ["train", "data/train.csv", "--target", "churned", "--out"], ["sandbox", "generate", "churn", "--out"],
        ["export", "progress", "--out"],
    ])
    func outNamingAFolderAsksForAFilePath(command: [String]) throws {
        let lab = try Lab()
        defer { lab.remove() }
        for folder in ["/tmp", "data", "new-folder/"] {
            let run = try lab.run(command + [folder])
            #expect(run.status == 2)
            #expect(run.stderr == "error: \(folder): --out names a folder; give a file path\n")
        }
        #expect(!FileManager.default.fileExists(atPath: lab.workspace + "/new-folder"))
    }

    @Test func aWriteIntoAFolderThatCannotExistSaysWhyInPlainWords() throws {
        let lab = try Lab()
        defer { lab.remove() }
        let train = ["train", "data/train.csv", "--target", "churned", "--out", "/proc/nope/m.json"]
        let text = try lab.run(train)
        #expect(text.status == 2)
        #expect(text.stderr == "error: /proc/nope/m.json: cannot write it: no such folder\n")
        let json = try lab.run(["--json"] + train)
        #expect(json.status == 2)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let error = object?["error"] as? [String: Any]
        #expect(error?["code"] as? String == "file.write_failed")
        #expect(error?["message"] as? String == "cannot write it: no such folder")
        #expect(error?["file"] as? String == "/proc/nope/m.json")
    }

    /// Whatever the file system says, the user reads the path and the reason in plain words,
    /// with exit status 2, as text and as JSON; never framework text.
    @Test(arguments: [
        ("/proc/nope/m.json", "cannot write it: no such folder"),
        ("/etc/hostname/m.json", "cannot write it: a part of the path is a file, not a folder"),
    ])
    func aRefusedOutNamesThePathAndTheReason(out: String, message: String) throws {
        let lab = try Lab()
        defer { lab.remove() }
        let train = ["train", "data/train.csv", "--target", "churned", "--out", out]
        let text = try lab.run(train)
        #expect(text.status == 2)
        #expect(text.stderr == "error: \(out): \(message)\n")
        let json = try lab.run(["--json"] + train)
        #expect(json.status == 2)
        #expect(json.stdout.contains("\"message\" : \"\(message)\""), "\(json.stdout)")
        for output in [text.stdout, text.stderr, json.stdout, json.stderr] {
            #expect(
                !output.contains("Domain") && !output.contains("NSError") && !output.contains("internal"), "\(output)")
        }
    }

    @Test func aDanglingModelsSymlinkIsNamed() throws {
        let lab = try Lab()
        defer { lab.remove() }
        try FileManager.default.createSymbolicLink(atPath: lab.workspace + "/models", withDestinationPath: "gone")
        let run = try lab.run(["pipeline", "run"])
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "error: pipeline.yaml:12:12: 'models/candidate.json' goes through 'models', a symbolic link to 'gone', which does not exist; remove the link or make it a folder\n"
        )
        #expect(!run.stdout.contains("Domain"))
    }

    @Test func aFolderWhereTheLockFileShouldBeIsNamed() throws {
        let lab = try Lab()
        defer { lab.remove() }
        try FileManager.default.createDirectory(
            atPath: lab.workspace + "/pipeline.lock", withIntermediateDirectories: false)
        for command in ["run", "status"] {
            let run = try lab.run(["pipeline", command])
            #expect(run.status == 2)
            #expect(run.stderr == "error: pipeline.lock: is a folder, not a regular file\n")
        }
    }

    /// A device where data should be is named for what it is (not "the file is empty").
    @Test func aDeviceAsDataIsNamed() throws {
        let lab = try Lab()
        defer { lab.remove() }
        let run = try lab.run(["data", "profile", "/dev/urandom"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: /dev/urandom: is a character device; expected a CSV file\n")
    }

    @Test func xdgDataHomeNamingAFileSaysSo() throws {
        let folder = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data().write(to: URL(fileURLWithPath: folder + "/file"))
        let run = try Binary.run(["profiles"], environment: ["XDG_DATA_HOME": folder + "/file"])
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "error: cannot create the lab home \(folder)/file/cicdlab: \(folder)/file is a file, not a folder; point XDG_DATA_HOME at a folder, or choose a home with --home DIR\n"
        )
    }

    /// The XDG Base Directory specification: a relative path in `XDG_DATA_HOME` is invalid
    /// and ignored, so the home falls back to `~/.local/share/cicdlab`.
    @Test func aRelativeXdgDataHomeIsIgnored() throws {
        let folder = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Binary.run(
            ["--json", "doctor"], environment: ["XDG_DATA_HOME": "relative/data", "HOME": folder],
            directory: folder)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["home"] as? String == folder + "/.local/share/cicdlab")
        #expect(!FileManager.default.fileExists(atPath: folder + "/relative"))
    }

    /// The damaged-database question is asked once at REPL start; the line typed after the
    /// answer runs as a command.
    @Test func theDamagedProgressQuestionIsAskedOnceAndEatsNoCommand() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try Data(repeating: 0x41, count: 5000).write(to: URL(fileURLWithPath: home + "/progress.sqlite"))
        // `script` gives the REPL a terminal (so it asks) and passes our lines to it.
        let run = try Binary.run(
            ["-qec", "'\(Binary.path)'", "/dev/null"], stdin: "n\nhelp quit\nquit\n", home: home,
            executable: "/usr/bin/script")
        // The line editor wraps the long question at the terminal's width with " \r".
        let screen = run.stdout.replacingOccurrences(of: " \r", with: "")
        #expect(
            screen.components(separatedBy: "Keep it aside under another name and start fresh? [y/N]").count == 2,
            "asked other than once: \(screen)")
        #expect(screen.contains("OVERVIEW: Leave the lab (Ctrl-D does the same)."), "\(screen)")
    }

    /// `doctor` checks every database it owns: progress and each sandbox's `state.sqlite`.
    @Test func doctorReportsADamagedWorkspaceDatabaseByPath() throws {
        let lab = try Lab()
        defer { lab.remove() }
        let healthy = try lab.run(["doctor"])
        #expect(
            healthy.stdout.contains("state.sqlite     \(lab.workspace)/.lab/state.sqlite\n  integrity      ok\n"),
            "\(healthy.stdout)")
        let lesson = lab.home + "/lesson-sandboxes/default/some-lesson/.lab"
        try FileManager.default.createDirectory(atPath: lesson, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 5000).write(to: URL(fileURLWithPath: lesson + "/state.sqlite"))
        let state = lab.workspace + "/.lab/state.sqlite"
        try? FileManager.default.removeItem(atPath: state + "-wal")
        try Data(repeating: 0x42, count: 5000).write(to: URL(fileURLWithPath: state))

        let run = try lab.run(["doctor"])
        #expect(run.status == 1)
        #expect(
            run.stdout.contains("state.sqlite     \(state)\n  integrity      it is damaged (file is not a database)\n"),
            "\(run.stdout)")
        #expect(
            run.stdout.contains(
                "state.sqlite     \(lesson)/state.sqlite\n  integrity      it is damaged (file is not a database)\n"),
            "\(run.stdout)")
        #expect(run.stdout.hasSuffix("Something needs attention (see above).\n"))
        let json = try lab.run(["--json", "doctor"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["healthy"] as? Bool == false)
        #expect((object?["workspace_databases"] as? [[String: Any]])?.count == 2)
    }
}

/// A full disk and a read-only home, made real with a small tmpfs (only root may mount one).
@Suite(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount")))
struct FullAndReadOnlyDiskEndToEndTests {
    /// A tmpfs of `size` mounted on a fresh folder; `body` runs with its path, then it is unmounted.
    private func withTmpfs(size: String, _ body: (String) throws -> Void) throws {
        let mountPoint = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: mountPoint) }
        try #require(
            try Binary.run(["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", mountPoint], executable: "/bin/mount").status
                == 0)
        defer { _ = try? Binary.run([mountPoint], executable: "/bin/umount") }
        try body(mountPoint)
    }

    @Test func aFullDiskSaysTheDiskIsFull() throws {
        try withTmpfs(size: "200k") { disk in
            let run = try Binary.run(["--json", "profiles", "create", "ann"], home: disk + "/home")
            #expect(run.status == 2)
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            let error = object?["error"] as? [String: Any]
            // Whether the disk fills while SQLite opens the file or while the schema is written
            // depends on the schema's size; either way the learner is told the disk is full.
            let code = error?["code"] as? String
            let message = error?["message"] as? String ?? ""
            #expect(code == "store.failed" || code == "store.unreadable")
            #expect(message.hasSuffix("the disk is full; free some space and try again"), "\(message)")
            #expect(!message.contains("I/O"))
        }
    }

    /// Opening a database on a full disk fails in SQLite as "disk I/O error": it says the disk is full.
    @Test func aHomeOnAFullDiskSaysTheDiskIsFull() throws {
        try withTmpfs(size: "2m") { disk in
            let home = disk + "/home"
            #expect(try Binary.run(["profiles", "create", "ann"], home: home).status == 0)
            _ = FileManager.default.createFile(atPath: disk + "/filler", contents: nil)
            let filler = try #require(FileHandle(forWritingAtPath: disk + "/filler"))
            while (try? filler.write(contentsOf: Data(count: 64 * 1024))) != nil {}
            try? filler.close()
            let run = try Binary.run(["profiles"], home: home)
            #expect(run.status == 2)
            #expect(
                run.stderr
                    == "error: cannot open \(home)/progress.sqlite: the disk is full; free some space and try again\n")
        }
    }

    @Test func aReadOnlyHomeSaysSo() throws {
        try withTmpfs(size: "4m") { disk in
            let home = disk + "/home"
            #expect(try Binary.run(["profiles", "create", "ann"], home: home).status == 0)
            try #require(try Binary.run(["-o", "remount,ro", disk], executable: "/bin/mount").status == 0)
            let run = try Binary.run(["profiles"], home: home)
            #expect(run.status == 2)
            #expect(
                run.stderr
                    == "error: cannot open \(home)/progress.sqlite: the folder \(home) is on a read-only file system; the lab needs to write there\n"
            )
            let fresh = try Binary.run(["profiles"], home: disk + "/other")
            #expect(fresh.stderr == "error: cannot create the lab home \(disk)/other: read-only file system\n")
        }
    }
}
