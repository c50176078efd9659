import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// Training-serving skew is the drift engine's per-column comparison of the training data with
/// what serving sends: equal to an independent recomputation (References/serving_skew_reference.py).
@Suite struct ServingSkewTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sandbox/data").path

    /// churn-test.csv as a serving path with a unit bug would send it: monthly_charges in cents.
    static func servedInCents() throws -> DataTable {
        let text = try String(contentsOfFile: data + "/churn-test.csv", encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let column = try #require(header.firstIndex(of: "monthly_charges"))
        for index in lines.indices.dropFirst() {
            var cells = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let dollars = try #require(Double(cells[column]))
            cells[column] = FixedDecimal.format(dollars * 100, decimals: 2)
            lines[index] = cells.joined(separator: ",")
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("skew-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return try StageData.table(at: path, named: "served.csv")
    }

    @Test func skewPerFeatureIsPSIOverTheTrainingDataDecilesAndFlagsOnlyTheBrokenFeature() throws {
        let skew = ServingSkew(
            trainingFile: "data/churn.csv",
            training: try StageData.table(at: Self.data + "/churn.csv", named: "churn.csv"),
            features: ["tenure", "monthly_charges", "total_charges", "contract", "plan", "support_calls", "region"])
        let results = try skew.skew(served: try Self.servedInCents(), method: .psi, threshold: nil)
        let reference: [(String, Double)] = [
            ("tenure", 0.01887608179163334),
            ("monthly_charges", 8.283096862558825),
            ("total_charges", 0.030654685496828187),
        ]
        for (column, psi) in reference {
            let result = try #require(results.first { $0.column == column })
            #expect(abs(result.statistic - psi) < 1e-12, "\(column): \(result.statistic) against \(psi)")
            #expect(result.method == .psi)
            #expect(result.threshold == 0.1)
        }
        #expect(results.map(\.column) == skew.features)
        #expect(results.filter(\.drifted).map(\.column) == ["monthly_charges"])
    }

    @Test func healthyServedDataIsNotSkewed() throws {
        let skew = ServingSkew(
            trainingFile: "data/churn.csv",
            training: try StageData.table(at: Self.data + "/churn.csv", named: "churn.csv"),
            features: ["tenure", "monthly_charges", "total_charges", "contract", "plan", "support_calls", "region"])
        let results = try skew.skew(
            served: try StageData.table(at: Self.data + "/churn-test.csv", named: "churn-test.csv"), method: .psi,
            threshold: nil)
        #expect(results.count == 7)
        #expect(results.allSatisfy { !$0.drifted && $0.statistic < 0.05 })
    }
}
