import Foundation
import Testing

/// `edit FILE`: the learner's editor on a sandbox file, for steps that ask for a change.
@Suite struct EditEndToEndTests {

    @Test func withoutATerminalItSaysWhereTheFileIs() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        _ = try Binary.run(["--content", Binary.repository, "sandbox", "init"], home: home)
        let result = try Binary.run(["--content", Binary.repository], stdin: "edit gates.yaml\n", home: home)
        #expect(
            result.stderr.contains(
                "error: `edit` needs a terminal; open \(home)/sandboxes/default/gates.yaml in your editor instead"),
            "\(result.stderr)")
    }

    /// `script` gives the command a terminal; the "editor" is `sed`, which edits as a person would.
    @Test func inATerminalItRunsTheEditorOnTheWorkspaceFile() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let workspace = try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: home).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let command = "'\(Binary.path)' --content '\(Binary.repository)' edit gates.yaml"
        let result = try Binary.run(
            ["-qec", command, "/dev/null"], home: home,
            environment: ["EDITOR": "sed -i s/0.75/0.95/", "VISUAL": ""], directory: workspace,
            executable: "/usr/bin/script")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let gates = try String(contentsOfFile: workspace + "/gates.yaml", encoding: .utf8)
        #expect(gates.contains("min: 0.95"))
        #expect(!gates.contains("min: 0.75"))
    }
}
