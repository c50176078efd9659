import Foundation
import Testing

/// Paths written inside sandbox files (pipelines, gate configs, scenarios) never leave the workspace: `..`,
/// absolute paths and symlinks pointing out are refused with file and line before anything
/// runs, and nothing outside is read or written.
///
/// "Not read" is proven with a named pipe (FIFO) outside the workspace: opening one for reading
/// blocks until a writer comes, so a lab that read it would hang, and `timeout` would end it
/// with status 124 instead of the refusal.
@Suite struct ConfinementEndToEndTests {

    /// A fresh home with a sandbox, and a folder beside it holding a FIFO and a sentinel file.
    struct Lab {
        let home: String
        let workspace: String
        let outside: String

        init() throws {
            home = try Binary.temporaryHome()
            outside = home + "/outside"
            try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
            #expect(mkfifo(outside + "/pipe.csv", 0o600) == 0)
            try "kept\n".write(toFile: outside + "/sentinel.txt", atomically: true, encoding: .utf8)
            let path = try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: home)
            workspace = path.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Runs the lab from inside the workspace, ended after 30 s if it hangs on the FIFO.
        func run(_ arguments: [String]) throws -> Binary.Result {
            try Binary.run(
                ["30", Binary.path, "--content", Binary.repository] + arguments, home: home,
                directory: workspace, executable: "/usr/bin/timeout")
        }

        func edit(_ file: String, _ old: String, _ new: String) throws {
            let path = workspace + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(old), "\(file) has no \(old)")
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        }

        /// The outside folder holds exactly what it was given, unchanged.
        func outsideIsUntouched() throws {
            let names = try FileManager.default.contentsOfDirectory(atPath: outside).sorted()
            #expect(names == ["pipe.csv", "sentinel.txt"])
            #expect(try String(contentsOfFile: outside + "/sentinel.txt", encoding: .utf8) == "kept\n")
        }

        func remove() { try? FileManager.default.removeItem(atPath: home) }
    }

    /// An edit of the template pipeline, and the refusal it must produce.
    static let pipelineEscapes: [(old: String, new: String, message: String)] = [
        (
            "    data: data/churn.csv\n    suite", "    data: ../../outside/pipe.csv\n    suite",
            "error: pipeline.yaml:9:11: '../../outside/pipe.csv' climbs out with '..'; paths in sandbox files must stay inside the workspace"
        ),
        (
            "suite: suites/churn.yaml", "suite: /etc/passwd",
            "error: pipeline.yaml:10:12: '/etc/passwd' is an absolute path; paths in sandbox files must stay inside the workspace"
        ),
        (
            "outs: [models/candidate.json]", "outs: [../../outside/model.json]",
            "error: pipeline.yaml:18:12: '../../outside/model.json' climbs out with '..'; paths in sandbox files must stay inside the workspace"
        ),
        (
            "gates: gates.yaml", "gates: ~/gates.yaml",
            "error: pipeline.yaml:27:12: '~/gates.yaml' points into a home folder; paths in sandbox files must stay inside the workspace"
        ),
        (
            "data: data/churn-test.csv", "data: data/out/pipe.csv",
            "error: pipeline.yaml:22:11: 'data/out/pipe.csv' goes through a symlink that points outside; paths in sandbox files must stay inside the workspace"
        ),
    ]

    @Test(arguments: pipelineEscapes)
    func aPipelineThatNamesAPathOutsideIsRefusedBeforeAnythingRuns(old: String, new: String, message: String) throws {
        let lab = try Lab()
        defer { lab.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: lab.workspace + "/data/out", withDestinationPath: lab.outside)
        try lab.edit("pipeline.yaml", old, new)
        for command in [["pipeline", "run"], ["pipeline", "status"], ["pipeline", "dag"]] {
            let result = try lab.run(command)
            #expect(result.status == 2, "\(command): \(result.stdout)\(result.stderr)")
            #expect(result.stderr == message + "\n", "\(command)")
        }
        // Nothing ran: no run was recorded, no model was written.
        #expect(try lab.run(["pipeline", "runs"]).stdout.contains("#1") == false)
        #expect(!FileManager.default.fileExists(atPath: lab.workspace + "/models/candidate.json"))
        try lab.outsideIsUntouched()
    }

    @Test func aGateConfigThatNamesDataOutsideIsRefused() throws {
        let lab = try Lab()
        defer { lab.remove() }
        _ = try lab.run(["train", "data/churn.csv", "--target", "churned", "--out", "models/m.json"])
        try FileManager.default.createSymbolicLink(
            atPath: lab.workspace + "/data/out", withDestinationPath: lab.outside)
        let cases = [
            ("data: ../outside/pipe.csv", "'../outside/pipe.csv' climbs out with '..'"),
            ("data: \(lab.outside)/pipe.csv", "'\(lab.outside)/pipe.csv' is an absolute path"),
            ("data: data/out/pipe.csv", "'data/out/pipe.csv' goes through a symlink that points outside"),
        ]
        let gates = try String(contentsOfFile: lab.workspace + "/gates.yaml", encoding: .utf8)
        for (line, why) in cases {
            try (line + "\n" + gates).write(toFile: lab.workspace + "/gates.yaml", atomically: true, encoding: .utf8)
            let result = try lab.run(["gate", "check", "models/m.json", "--config", "gates.yaml"])
            #expect(result.status == 2, "\(line): \(result.stderr)")
            #expect(
                result.stderr
                    == "error: gates.yaml:1: \(why); paths in sandbox files must stay inside the workspace\n")
        }
        try lab.outsideIsUntouched()
    }

    /// A symlink planted where the pipeline writes its model is not written through.
    @Test func anOutputThatIsASymlinkOutIsNotWrittenThrough() throws {
        let lab = try Lab()
        defer { lab.remove() }
        try FileManager.default.createDirectory(atPath: lab.workspace + "/models", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: lab.workspace + "/models/candidate.json", withDestinationPath: lab.outside + "/sentinel.txt")
        let result = try lab.run(["pipeline", "run"])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("goes through a symlink that points outside"), "\(result.stderr)")
        try lab.outsideIsUntouched()
    }

    /// A scenario in the workspace that would write files (`workspace:`) or generate data
    /// (`data:`) outside it is refused before it writes anything, and does not start.
    @Test(arguments: [
        (
            "workspace:\n  ../../outside/evil.txt: \"written\"\n",
            "error: scenarios/evil.yaml:5: '../../outside/evil.txt' climbs out with '..'; paths in sandbox files must stay inside the workspace"
        ),
        (
            "workspace:\n  pipeline.yaml: \"name: mine\"\n  data/out/evil.txt: \"written\"\n",
            "error: scenarios/evil.yaml:6: 'data/out/evil.txt' goes through a symlink that points outside; paths in sandbox files must stay inside the workspace"
        ),
        (
            "data:\n  - path: /tmp/evil.csv\n    dataset: churn\n    seed: 1\n    rows: 10\n",
            "error: scenarios/evil.yaml:5: '/tmp/evil.csv' is an absolute path; paths in sandbox files must stay inside the workspace"
        ),
    ])
    func aScenarioThatWritesOutsideIsRefusedBeforeItWrites(body: String, message: String) throws {
        let lab = try Lab()
        defer { lab.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: lab.workspace + "/data/out", withDestinationPath: lab.outside)
        let pipeline = try String(contentsOfFile: lab.workspace + "/pipeline.yaml", encoding: .utf8)
        try ("title: Evil\nstory: It tries to leave.\ndataset: churn\n" + body)
            .write(toFile: lab.workspace + "/scenarios/evil.yaml", atomically: true, encoding: .utf8)
        let result = try lab.run(["scenario", "start", "evil"])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr == message + "\n")
        // Nothing was written, inside or out, and the scenario did not start.
        #expect(try String(contentsOfFile: lab.workspace + "/pipeline.yaml", encoding: .utf8) == pipeline)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/evil.csv"))
        #expect(!(try lab.run(["scenario", "list"]).stdout.contains("*  evil")))
        try lab.outsideIsUntouched()
    }
}
