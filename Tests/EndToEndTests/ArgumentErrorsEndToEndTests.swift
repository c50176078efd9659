import Foundation
import Testing

/// What ArgumentParser refuses is said in the lab's own style: `error: ...`, the command's
/// usage as a hint, exit 2; a negative value is named as such, not as a missing argument.
@Suite struct ArgumentErrorsEndToEndTests {
    static let cases: [(arguments: [String], message: String)] = [
        (
            ["clock", "advance", "-1d"],
            "'-1d' is negative; `clock advance` takes no negative values. Usage: cicdlab clock advance <duration> [--force] (`help clock advance` explains it)"
        ),
        (
            ["clock", "advance"],
            "missing expected argument '<duration>'. Usage: cicdlab clock advance <duration> [--force] (`help clock advance` explains it)"
        ),
        (
            ["audit", "--limit", "-3"],
            "'-3' is negative; `audit` takes no negative values. Usage: cicdlab audit [--limit <n>] [--action <prefix>] (`help audit` explains it)"
        ),
        (
            ["sandbox", "generate", "churn", "--rows", "many"],
            "the value 'many' is invalid for '--rows <rows>'. Usage: cicdlab sandbox generate <name> [--rows <rows>] [--seed <seed>] [--out <out>] (`help sandbox generate` explains it)"
        ),
        (
            ["profiles", "create"],
            "missing expected argument '<name>'. Usage: cicdlab profiles create <name> (`help profiles create` explains it)"
        ),
    ]

    @Test(arguments: 0..<cases.count)
    func anArgumentParserRefusalIsALabError(index: Int) throws {
        let (arguments, message) = Self.cases[index]
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run(arguments, home: home)
        #expect(result.status == 2)
        #expect(result.stderr == "error: \(message)\n")
        #expect(!result.stderr.contains("Error:") && !result.stderr.contains("Help:"))
    }

    /// The same words typed in the REPL get the same answer, and the REPL goes on.
    @Test func theREPLAnswersTheSameWay() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run([], stdin: "clock advance -1d\nclock now\n", home: home)
        #expect(result.status == 0)
        #expect(result.stderr == "error: \(Self.cases[0].message)\n")
        #expect(result.stdout.contains("Simulated time:"))
    }

    /// With `--json`, the refusal is the usual error envelope.
    @Test func withJSONTheRefusalIsAnErrorEnvelope() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run(["--json", "clock", "advance", "-1d"], home: home)
        #expect(result.status == 2)
        let envelope = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let error = envelope?["error"] as? [String: Any]
        #expect(error?["code"] as? String == "usage.arguments")
        #expect(error?["message"] as? String == Self.cases[0].message)
    }
}
