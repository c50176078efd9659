import Foundation
import Testing

/// Messages through the real binary that say what actually happened (issue #18, item 24).
@Suite struct ClearMessagesEndToEndTests {
    func run(_ files: [String: String], _ arguments: [String]) throws -> Binary.Result {
        let folder = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return try Binary.run(arguments, home: folder, directory: folder)
    }

    @Test func driftSaysAColumnIsEmptyInTheCurrentFile() throws {
        let result = try run(
            ["ref.csv": "x,plan\n1,a\n2,b\n3,a\n", "cur.csv": "x,plan\n,a\n,b\n"], ["drift", "ref.csv", "cur.csv"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("  x: no non-null values in the current data: cannot test"), "\(result.stdout)")
        #expect(!result.stdout.contains("string values in the current data"))
    }

    @Test func anInfiniteChiSquareIsInfInJSON() throws {
        let result = try run(
            ["ref.csv": "plan\na\na\nb\n", "cur.csv": "plan\na\nc\na\na\n"],
            ["drift", "ref.csv", "cur.csv", "--method", "chisquare", "--json"])
        #expect(result.stdout.contains("\"statistic\" : \"inf\""), "\(result.stdout)")
        #expect(
            result.stdout.contains("\"reason\" : \"'c' never seen in the reference: chi-square is infinite, p = 0\""))
    }

    @Test func evaluateCitesTheTextValueAndItsLine() throws {
        var train = "engine,mpg\n"
        for i in 0..<30 { train += "\([4, 6, 8][i % 3]),\(i % 2)\n" }
        let result = try run(
            ["train.csv": train, "test.csv": "engine,mpg\n6,1\n8,0\nrotary,1\n"],
            ["train", "train.csv", "--target", "mpg", "--test", "test.csv", "--out", "m.json"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: feature 'engine' was numeric when the model was trained but holds text in test.csv: 'rotary' on line 4 is not a number\n"
        )
    }
}
