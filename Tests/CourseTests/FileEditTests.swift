import Foundation
import PipelineEngine
import Testing

@testable import Course
@testable import LabSupport

/// A step's `solution`: the learner's own edits, written down for `lint --play`, read with
/// their text exactly as written and applied only inside the workspace.
@Suite struct FileEditTests {
    static func steps(solution: String) -> String {
        """
        steps:
          - id: add-a-gate
            title: Add a gate
            instructions: Add a latency gate.
            solution:
        \(solution)
            command: pipeline run
            check: {file_contains: {path: gates.yaml, text: latency}}
            hints: [h]
        """
    }

    @Test func readsEditsKeepingIndentationAndFinalNewline() throws {
        let yaml = Self.steps(
            solution: """
                    - file: gates.yaml
                      append: |
                        - type: latency
                          p95_ms: 5
                    - {file: data/a.csv, replace: ",basic,", with: ",,"}
                    - {file: notes.txt, write: "done"}
                """)
        let result = StepLoader.parse(yaml, file: "steps.yaml")
        #expect(result.problems.isEmpty)
        let step = try #require(result.steps.first)
        #expect(step.solution.map(\.path) == ["gates.yaml", "data/a.csv", "notes.txt"])
        #expect(
            step.solution.map(\.change) == [
                .append("- type: latency\n  p95_ms: 5\n"), .replace(",basic,", with: ",,"), .write("done"),
            ])
        #expect(step.solution[0].location == SourceLocation(file: "steps.yaml", line: 6, column: 7))
    }

    static let badEdits: [(yaml: String, message: String)] = [
        (
            "      - {file: ../outside.txt, write: x}",
            #"steps.yaml:6:16: `file` "../outside.txt" leaves the sandbox; write a path relative to the workspace"#
        ),
        (
            "      - {file: a.txt, write: x, append: y}",
            "steps.yaml:6:9: a solution edit needs exactly one of `write`, `append` or `replace`"
        ),
        (
            "      - {file: a.txt, replace: x}",
            "steps.yaml:6:9: a `replace` edit needs `with`, the text that takes its place"
        ),
        ("      - {write: x}", "steps.yaml:6:9: a solution edit needs `file`"),
        (
            "      - {file: a.txt, writ: x}",
            #"steps.yaml:6:23: unknown key "writ" in a solution edit; did you mean "write"?"#
        ),
    ]

    @Test(arguments: badEdits)
    func aBadEditIsReportedWhereItIsWritten(yaml: String, message: String) {
        let result = StepLoader.parse(Self.steps(solution: yaml), file: "steps.yaml")
        #expect(result.problems.map(\.description) == [message])
    }

    @Test func appliesEachKindOfEditInsideTheWorkspace() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("edit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/data", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "id,plan\n1,basic\n2,basic\n".write(toFile: root + "/data/a.csv", atomically: true, encoding: .utf8)
        try "gates:\n  - type: schema".write(toFile: root + "/gates.yaml", atomically: true, encoding: .utf8)
        let at = SourceLocation(file: "steps.yaml", line: 3, column: 9)
        try FileEdit(path: "data/a.csv", change: .replace(",basic", with: ","), location: at).apply(inWorkspace: root)
        try FileEdit(path: "gates.yaml", change: .append("  - type: latency\n"), location: at).apply(inWorkspace: root)
        try FileEdit(path: "new/notes.txt", change: .write("hello\n"), location: at).apply(inWorkspace: root)
        #expect(try String(contentsOfFile: root + "/data/a.csv", encoding: .utf8) == "id,plan\n1,\n2,\n")
        #expect(
            try String(contentsOfFile: root + "/gates.yaml", encoding: .utf8)
                == "gates:\n  - type: schema\n  - type: latency\n")
        #expect(try String(contentsOfFile: root + "/new/notes.txt", encoding: .utf8) == "hello\n")
        #expect(throws: LabError.self) {
            try FileEdit(path: "data/a.csv", change: .replace("premium", with: "x"), location: at)
                .apply(inWorkspace: root)
        }
        do {
            try FileEdit(path: "data/a.csv", change: .replace("premium", with: "x"), location: at).apply(
                inWorkspace: root)
        } catch let error as LabError {
            #expect(
                error.description
                    == #"steps.yaml:3: the solution replaces "premium" in "data/a.csv", which does not contain it"#)
        }
    }

    @Test func aSymlinkOutOfTheWorkspaceIsNotWrittenThrough() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("edit-\(UUID().uuidString)").path
        let root = base + "/workspace"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        try "secret\n".write(toFile: base + "/outside.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: root + "/link.txt", withDestinationPath: base + "/outside.txt")
        let at = SourceLocation(file: "steps.yaml", line: 3, column: 9)
        #expect(throws: LabError.self) {
            try FileEdit(path: "link.txt", change: .append("more\n"), location: at).apply(inWorkspace: root)
        }
        #expect(try String(contentsOfFile: base + "/outside.txt", encoding: .utf8) == "secret\n")
    }
}
