import Foundation
import Testing

/// Every YAML file the lab reads refuses an alias inside a mapping key at once, naming the
/// file and line, instead of hashing the expanded key for hours (the fuzz corpus's
/// `alias-key-bomb` files cover the kinds it has; these cover the lock and deploy settings).
@Suite struct YAMLAliasEndToEndTests {
    /// Ten levels of `? &aN [*aM, ...]`, 542 bytes.
    static let bomb: Data = {
        var text = "? &a0 [x, x, x, x, x, x, x, x, x]\n: v\n"
        for level in 1..<10 {
            text += "? &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n: v\n"
        }
        return Data(text.utf8)
    }()

    static let refusal =
        "the alias *a0 is used in a mapping key; write the key out in full (aliases are not allowed in keys)"

    @Test(arguments: [
        ("pipeline.lock", ["pipeline", "status"]),
        ("pipeline.lock", ["pipeline", "run"]),
        ("deploy.yaml", ["traffic"]),
        ("pipeline.yaml", ["pipeline", "dag"]),
        ("params.yaml", ["pipeline", "run"]),
    ])
    func anAliasKeyIsRefusedWithFileAndLine(file: String, arguments: [String]) throws {
        let lab = try FuzzCorpusEndToEndTests.Lab()
        defer { lab.remove() }
        try lab.write(file, Self.bomb)
        let run = try BoundedRun(
            ["--content", FuzzCorpusEndToEndTests.content] + arguments, home: lab.home, directory: lab.workspace,
            timeout: 10)
        #expect(run.problem == nil, "\(run.problem ?? "")")
        #expect(run.status == 2)
        #expect(run.stderr == "error: \(file):3:8: \(Self.refusal)\n")
    }
}
