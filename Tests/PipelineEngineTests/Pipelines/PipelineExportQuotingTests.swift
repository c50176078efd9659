import Foundation
import Testing
import Yams

@testable import LabSupport
@testable import PipelineEngine

/// A pipeline file named like a shell command stays one word in every export: quoted for `sh`
/// in run lines and DVC commands, escaped inside GitHub's `hashFiles('...')`; text that GitHub
/// or DVC would expand (`${`) or that would end a comment line is refused.
@Suite struct PipelineExportQuotingTests {
    static let hostileName = "p;touch PWNED;$(id)'q.yaml"
    static let quotedName = "'p;touch PWNED;$(id)'\\''q.yaml'"

    /// The fixture pipeline saved under `name` in a sandbox.
    func sandbox(savedAs name: String) throws -> (PipelineSandbox, PipelineDefinition) {
        let sandbox = try PipelineSandbox(
            pipeline: try String(contentsOfFile: PipelineExportTests.fixtures + "/pipeline.yaml", encoding: .utf8))
        try sandbox.write(name, try #require(sandbox.read("pipeline.yaml")))
        return (sandbox, try sandbox.load(name))
    }

    func export(_ format: PipelineExport.Format, _ pipeline: PipelineDefinition) throws -> [ExportedFile] {
        try PipelineExport.files(format, pipeline: pipeline, paramsText: nil, version: "0.1.0")
    }

    /// Runs `line` with `sh -c` in a fresh folder where `cicdlab` only records its arguments,
    /// one a line; returns them and the folder's files.
    func runInShell(_ line: String) throws -> (arguments: [String], files: [String]) {
        let dir = try TemporaryDirectory("export-shell")
        defer { dir.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "cicdlab() { printf '%s\\n' \"$@\" > arguments.txt; }\n" + line]
        process.currentDirectoryURL = URL(fileURLWithPath: dir.path)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let recorded = try String(contentsOfFile: dir.path + "/arguments.txt", encoding: .utf8)
        return (
            recorded.split(separator: "\n").map(String.init),
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        )
    }

    @Test func githubActionsQuotesTheFileNameInRunLinesArtifactsAndPathFilters() throws {
        let (sandbox, pipeline) = try sandbox(savedAs: Self.hostileName)
        defer { sandbox.cleanUp() }
        let text = try export(.githubActions, pipeline)[0].contents
        let workflow = try #require(try Yams.load(yaml: text) as? [String: Any])
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let validate = try #require(jobs["validate"] as? [String: Any])
        let steps = try #require(validate["steps"] as? [[String: Any]])
        let run = try #require(steps.first { $0["name"] as? String == "Run stage validate alone" }?["run"] as? String)
        #expect(run == "mkdir -p .lab\ncicdlab pipeline run \(Self.quotedName) --stage validate --only\n")
        let upload = try #require(
            steps.first { ($0["uses"] as? String)?.hasPrefix("actions/upload-artifact@") == true })
        let with = try #require(upload["with"] as? [String: Any])
        #expect((with["path"] as? String)?.hasPrefix(Self.hostileName + "\n") == true, "the file is named as it is")
        let on = try #require(workflow["on"] as? [String: Any])
        let push = try #require(on["push"] as? [String: Any])
        #expect((push["paths"] as? [String])?.first == Self.hostileName)
        let shell = try runInShell(run)
        #expect(shell.arguments == ["pipeline", "run", Self.hostileName, "--stage", "validate", "--only"])
        #expect(shell.files == [".lab", "arguments.txt"], "no PWNED file, no other command ran")
    }

    /// GitHub reads `paths:` filters and upload paths as globs: a file name's glob characters
    /// are escaped so each matches only that file.
    @Test func globCharactersInNamesMatchOnlyThemselves() {
        #expect(ExportText.filterPattern("data/a*[1]+b?!.csv") == #"data/a\*\[1\]\+b\?\!.csv"#)
        #expect(ExportText.filterPattern("data/plain name.csv") == "data/plain name.csv")
        #expect(ExportText.artifactPath("data/a*[1]?.csv") == "data/a[*][[]1][?].csv")
        #expect(ExportText.artifactPath("!data.csv") == "[!]data.csv")
    }

    @Test func dvcQuotesTheFileNameInItsCommands() throws {
        let (sandbox, pipeline) = try sandbox(savedAs: Self.hostileName)
        defer { sandbox.cleanUp() }
        let text = try export(.dvc, pipeline)[0].contents
        let project = try #require(try Yams.load(yaml: text) as? [String: Any])
        let stages = try #require(project["stages"] as? [String: Any])
        let train = try #require(stages["train"] as? [String: Any])
        let command = try #require(train["cmd"] as? String)
        #expect(command == "cicdlab pipeline run \(Self.quotedName) --stage train --only")
        #expect((train["deps"] as? [String])?.first == Self.hostileName)
        let shell = try runInShell(command)
        #expect(shell.arguments == ["pipeline", "run", Self.hostileName, "--stage", "train", "--only"])
        #expect(shell.files == ["arguments.txt"], "no PWNED file, no other command ran")
    }

    @Test func textGitHubOrDVCWouldExpandIsRefusedNamingIt() throws {
        let (sandbox, pipeline) = try sandbox(savedAs: "p;touch${IFS}PWNED;$(id).yaml")
        defer { sandbox.cleanUp() }
        for format in PipelineExport.Format.allCases {
            #expect(
                throws: LabError(
                    "export.unsafe_text",
                    "cannot export to \(format.rawValue): the pipeline file name 'p;touch${IFS}PWNED;$(id).yaml' "
                        + "holds '${', which GitHub Actions and DVC would expand; "
                        + "expected text without '${' or control characters (rename it and export again)",
                    file: "p;touch${IFS}PWNED;$(id).yaml")
            ) { try export(format, pipeline) }
        }
    }

    @Test func aNewlineThatWouldEndTheHeaderCommentIsRefused() throws {
        let (sandbox, pipeline) = try sandbox(savedAs: "p\non: x.yaml")
        defer { sandbox.cleanUp() }
        #expect(
            throws: LabError(
                "export.unsafe_text",
                "cannot export to dvc: the pipeline file name 'p\\u{a}on: x.yaml' holds the control character U+000A; "
                    + "expected text without '${' or control characters (rename it and export again)",
                file: "p\non: x.yaml")
        ) { try export(.dvc, pipeline) }
    }

    @Test func plainNamesStayBareSoReviewedExportsDoNotChange() {
        #expect(ExportText.shellWord("pipelines/churn-v2.yaml") == "pipelines/churn-v2.yaml")
        #expect(ExportText.shellWord("my pipeline.yaml") == "'my pipeline.yaml'")
        #expect(ExportText.shellWord("") == "''")
        #expect(ExportText.expressionString("it's") == "'it''s'")
    }
}
