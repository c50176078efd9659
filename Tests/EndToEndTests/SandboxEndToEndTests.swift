import Foundation
import Testing

@Suite struct SandboxEndToEndTests {
    @Test func pathPrintsOnlyTheWorkspaceAndCreatesItPrivately() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run(["--content", Binary.fixtureContent, "sandbox", "path"], home: home)
        #expect(result.status == 0)
        #expect(result.stdout == home + "/sandboxes/default\n")
        let mode =
            try FileManager.default.attributesOfItem(atPath: home + "/sandboxes/default/.lab/state.sqlite")[
                .posixPermissions] as? Int
        #expect(mode == 0o600)
        // Template copies are private too, whatever mode the installed templates have.
        for file in try FileManager.default.subpathsOfDirectory(atPath: Binary.fixtureContent + "/Sandbox") {
            let copy = home + "/sandboxes/default/" + file
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: copy, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            let copied = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int
            #expect(copied == 0o600, "\(file)")
        }
    }

    /// Content installed with symlinks (`Sandbox -> /usr/share/...`) still gives real files.
    @Test func symlinkedTemplatesAreCopiedAsFiles() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let content = home + "/content"
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: content + "/Sandbox", withDestinationPath: Binary.fixtureContent + "/Sandbox")
        try FileManager.default.createSymbolicLink(
            atPath: content + "/Lessons", withDestinationPath: Binary.fixtureContent + "/Lessons")
        let result = try Binary.run(["--content", content, "sandbox", "init"], home: home + "/lab")
        #expect(result.status == 0, "\(result.stderr)")
        let workspace = home + "/lab/sandboxes/default"
        let kind = try FileManager.default.attributesOfItem(atPath: workspace)[.type] as? FileAttributeType
        #expect(kind == .typeDirectory)
        #expect(FileManager.default.fileExists(atPath: workspace + "/.lab/state.sqlite"))
        let readme =
            try FileManager.default.attributesOfItem(atPath: workspace + "/README.txt")[.type] as? FileAttributeType
        #expect(readme == .typeRegular)
    }

    @Test func resetKeepsProgressAndClearsTheWorkspace() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        _ = try Binary.run(["profiles", "create", "ann"], home: home)
        let workspace = try Binary.run(["--content", Binary.fixtureContent, "sandbox", "path"], home: home).stdout
            .trimmingCharacters(in: .newlines)
        try "scratch".write(toFile: workspace + "/mine.txt", atomically: true, encoding: .utf8)
        let reset = try Binary.run(["--content", Binary.fixtureContent, "sandbox", "reset"], home: home)
        #expect(reset.status == 0)
        #expect(!FileManager.default.fileExists(atPath: workspace + "/mine.txt"))
        #expect(try Binary.run(["profiles"], home: home).stdout.contains("ann"))
    }

    @Test func anUnknownRegistryVersionIsBadInput() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run(
            ["--content", Binary.fixtureContent, "registry", "alias", "champion", "v1"], home: home)
        #expect(result.status == 2)
        #expect(result.stderr == "error: no model version 'v1' in the registry (it is empty)\n")
        let listed = try Binary.run(["--content", Binary.fixtureContent, "registry", "list", "--json"], home: home)
        #expect(listed.stdout == "[\n\n]\n")
    }
}

@Suite struct SandboxGenerateEndToEndTests {
    @Test func generatingTheTemplateSizeAndSeedReproducesTheTemplateByteForByte() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run(
            [
                "--content", Binary.fixtureContent, "sandbox", "generate", "churn",
                "--rows", "2000", "--seed", "7", "--out", "churn.csv",
            ], home: home, directory: home)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let template = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sandbox/data/churn.csv")
        #expect(try Data(contentsOf: URL(fileURLWithPath: home + "/churn.csv")) == Data(contentsOf: template))
    }

    @Test func anUnknownDataSetIsBadInputWithASuggestion() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run(["--content", Binary.fixtureContent, "sandbox", "generate", "chrun"], home: home)
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: unknown data set 'chrun'. Did you mean 'churn'? (data sets: churn, credit, reviews)\n")
    }
}
