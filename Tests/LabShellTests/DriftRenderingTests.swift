import Foundation
import PipelineEngine
import Testing

@testable import LabShell

/// How `drift` draws a report for a person: verdict, table, notes, histograms of drifted columns.
@Suite struct DriftRenderingTests {
    static func report() throws -> DriftReport {
        let ref = DataTable(columns: [
            Column(name: "tenure", storage: .double((0..<40).map { Double($0 % 10) + 0.5 })),
            Column(
                name: "plan", storage: .string(codes: (0..<40).map { Int32($0 % 2) }, dictionary: ["basic", "pro"])),
            Column(name: "age", storage: .integer([1, 2]), nulls: [false, false]),
        ])
        let cur = DataTable(columns: [
            Column(name: "tenure", storage: .double((0..<30).map { Double($0 % 10) + 4.5 })),
            Column(
                name: "plan", storage: .string(codes: (0..<30).map { Int32($0 % 2) }, dictionary: ["basic", "pro"])),
            Column(name: "age", storage: .integer([0, 0]), nulls: [true, true]),
        ])
        return try DriftDetector.compare(reference: ref, current: cur)
    }

    @Test func drawsTheVerdictTableNotesAndHistogram() throws {
        let lines = try Self.report().render(.plain).components(separatedBy: "\n")
        let expected = [
            "Dataset drift: 1 of 2 tested columns drifted (50%; drift at 50%).",
            "reference 40 rows · current 30 rows",
            "",
            "COLUMN  KIND         METHOD  STATISTIC  P-VALUE  THRESHOLD  EFFECT               VERDICT",
            "tenure  numeric      ks         0.4000   0.0060  p ≤ 0.05   d +1.39 large        drift",
            "plan    categorical  ztest           0   1.0000  p ≤ 0.05   tvd 0.00 negligible  no drift",
            "age     numeric      —               —        —  —          —                    skipped",
            "",
            "Notes",
            "  age: no non-null values in the current data: cannot test",
            "",
            "tenure  ks 0.4000, p = 0.0060",
            "  0.5–1.8    ref ████████████████████████████████████████  20.0%",
            "             cur                                            0.0%",
            "  1.8–3.1    ref ████████████████████                      10.0%",
            "             cur                                            0.0%",
            "  3.1–4.4    ref ████████████████████                      10.0%",
            "             cur                                            0.0%",
            "  4.4–5.7    ref ████████████████████████████████████████  20.0%",
            "             cur ████████████████████████████████████████  20.0%",
            "  5.7–7      ref ████████████████████                      10.0%",
            "             cur ████████████████████                      10.0%",
            "  7–8.3      ref ████████████████████                      10.0%",
            "             cur ████████████████████                      10.0%",
            "  8.3–9.6    ref ████████████████████████████████████████  20.0%",
            "             cur ████████████████████████████████████████  20.0%",
            "  9.6–10.9   ref                                            0.0%",
            "             cur ████████████████████                      10.0%",
            "  10.9–12.2  ref                                            0.0%",
            "             cur ████████████████████                      10.0%",
            "  12.2–13.5  ref                                            0.0%",
            "             cur ████████████████████████████████████████  20.0%",
        ]
        #expect(lines == expected)
    }
}
