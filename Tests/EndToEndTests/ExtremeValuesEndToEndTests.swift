import Foundation
import Testing

/// Values near ±1.8e308 through the real binary: `drift`, `data diff` and `train` print no NaN
/// and say why a figure cannot be computed (issue #18, item 7).
@Suite struct ExtremeValuesEndToEndTests {
    static let reference =
        "x,label\n" + (0..<40).map { "\([1e308, -1e308, 5e307, -3e307, 1e307][$0 % 5]),\($0 % 2)\n" }.joined()
    static let current = "x,label\n" + (0..<40).map { "\([1e308, -1e308, 2e307][$0 % 3]),\($0 % 2)\n" }.joined()

    func run(_ arguments: [String]) throws -> Binary.Result {
        let folder = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.reference.write(toFile: folder + "/ref.csv", atomically: true, encoding: .utf8)
        try Self.current.write(toFile: folder + "/cur.csv", atomically: true, encoding: .utf8)
        let target = "y,x\n" + (0..<40).map { "\([1e308, -1e308, 5e307][$0 % 3]),\($0)\n" }.joined()
        try target.write(toFile: folder + "/target.csv", atomically: true, encoding: .utf8)
        return try Binary.run(arguments, home: folder, directory: folder)
    }

    @Test(arguments: ["auto", "ks", "wasserstein", "psi", "jensenshannon", "chisquare"])
    func driftPrintsNoNaN(method: String) throws {
        for json in [false, true] {
            let result = try run(["drift", "ref.csv", "cur.csv", "--method", method] + (json ? ["--json"] : []))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.lowercased().contains("nan"), "\(result.stdout)")
        }
        let table = try run(["drift", "ref.csv", "cur.csv", "--method", method]).stdout
        #expect(table.contains("d +0.04 negligible"), "\(table)")
    }

    @Test func dataDiffPrintsNoNaN() throws {
        let result = try run(["data", "diff", "ref.csv", "cur.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.lowercased().contains("nan"), "\(result.stdout)")
        #expect(result.stdout.contains("6.000e+306 → 9.000e+306"), "\(result.stdout)")
    }

    @Test func trainRefusesWeightsThatOverflowNamingTheColumn() throws {
        let result = try run(["train", "target.csv", "--target", "y", "--model", "linear", "--out", "m.json"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: training on 'target.csv' produced weights that are not finite numbers: 'y' holds values as large as 1e+308 (beyond about 1.3e154, squares overflow a double); rescale it (for example to thousands or millions)\n"
        )
        let json = try run(["train", "target.csv", "--target", "y", "--model", "linear", "--out", "m.json", "--json"])
        #expect(json.stdout.contains("\"code\" : \"train.overflow\""), "\(json.stdout)")
    }
}
