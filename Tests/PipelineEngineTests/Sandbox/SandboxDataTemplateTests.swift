import Foundation
import Testing

@testable import PipelineEngine

/// The committed `Sandbox/data/` files are exactly what the generator draws from their recipes.
///
/// To regenerate them after changing a generator on purpose:
/// `CICDLAB_WRITE_SANDBOX_DATA=1 swift test --filter SandboxDataTemplateTests`.
@Suite struct SandboxDataTemplateTests {
    static let sandbox = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sandbox")
    static let rewriting = ProcessInfo.processInfo.environment["CICDLAB_WRITE_SANDBOX_DATA"] == "1"

    @Test(arguments: SandboxDataTemplates.files)
    func committedFileEqualsGeneratorOutput(_ file: SandboxDataFile) throws {
        let url = Self.sandbox.appendingPathComponent(file.path)
        let expected = try file.generate().csv
        if Self.rewriting {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(expected.utf8).write(to: url)
        }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(
            committed == expected,
            "\(file.path) differs from \(file.dataset) rows \(file.startRow)..<\(file.startRow + file.rows) of seed \(file.seed); regenerate it (see the suite's doc comment)"
        )
    }

    @Test(arguments: SandboxDataTemplates.files)
    func committedFileIsSmall(_ file: SandboxDataFile) throws {
        let size = try Data(contentsOf: Self.sandbox.appendingPathComponent(file.path)).count
        #expect(size < 500_000, "\(file.path) is \(size) bytes")
    }

    @Test func testSetsFollowTheirTrainingSets() {
        for file in SandboxDataTemplates.files where file.path.hasSuffix("-test.csv") {
            let training = SandboxDataTemplates.files.first {
                $0.path == file.path.replacingOccurrences(of: "-test", with: "")
            }
            #expect(training?.seed == file.seed)
            #expect(training.map { $0.startRow + $0.rows } == file.startRow)
        }
    }
}
