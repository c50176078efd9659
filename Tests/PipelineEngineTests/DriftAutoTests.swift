import Testing

@testable import PipelineEngine

/// `auto` against Evidently 0.7's current default, `DataDriftPreset` (0.7.21).
///
/// The comparison runs on ten columns of every kind, with a reference of 600 rows (tests) and of 3000 rows (distances); see
/// References/drift_references.py, section `auto`. `rating`, an integer column with 7 distinct
/// values, is categorical there (the legacy `DataDriftTable` tested it with KS and Wasserstein).
@Suite struct DriftAutoTests {
    enum Kind {
        case normal(DriftTestData.Spec, DriftTestData.Spec)
        case drawn(ColumnType, [String], [Double], [Double])
    }

    /// The columns of `auto_tables` in the reference script.
    static func columns(refRows: Int, curRows: Int, seed s: UInt64) -> (DataTable, DataTable) {
        let specs: [(String, Kind)] = [
            ("score", .normal((s + 1, refRows, 0.0, 1.0, 1024.0), (s + 2, curRows, 0.1, 1.0, 1024.0))),
            ("income", .normal((s + 3, refRows, 50.0, 10.0, 16.0), (s + 4, curRows, 53.0, 10.0, 16.0))),
            ("visits", .drawn(.integer, ["0", "1", "2"], [5, 3, 2], [4, 4, 2])),
            ("churned", .drawn(.integer, ["0", "1"], [8, 2], [7, 3])),
            (
                "rating",
                .drawn(.integer, ["1", "2", "3", "4", "5", "6", "7"], [1, 2, 3, 4, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1])
            ),
            ("tier", .drawn(.double, ["0.5", "1.5", "2.5", "3.5", "4.5"], [1, 1, 1, 1, 1], [1, 1, 1, 1, 2])),
            ("plan", .drawn(.string, ["basic", "plus", "pro"], [6, 3, 1], [5, 3, 2])),
            ("region", .drawn(.string, ["north", "south"], [1, 1], [1, 1])),
            ("active", .drawn(.boolean, ["false", "true"], [3, 7], [4, 6])),
            (
                "device",
                .drawn(
                    .string, ["ios", "android", "web", "tv", "car", "watch"], [5, 5, 4, 1, 1, 1], [5, 5, 4, 1, 1, 1])
            ),
        ]
        var ref: [Column] = []
        var cur: [Column] = []
        for (index, (name, kind)) in specs.enumerated() {
            switch kind {
            case .normal(let r, let c):
                ref.append(DriftTestData.doubleColumn(name, DriftTestData.normal(r)))
                cur.append(DriftTestData.doubleColumn(name, DriftTestData.normal(c)))
            case .drawn(let type, let values, let refWeights, let curWeights):
                let seed = s + 5 + 2 * UInt64(index - 2)
                // The script draws the reference from the values with non-zero weight only.
                let refValues = zip(values, refWeights).filter { $0.1 > 0 }
                ref.append(
                    column(
                        name, type,
                        DriftTestData.categories(
                            seed: seed, count: refRows, names: refValues.map(\.0), weights: refValues.map(\.1))))
                cur.append(
                    column(
                        name, type,
                        DriftTestData.categories(
                            seed: seed + 1, count: curRows, names: values, weights: curWeights)))
            }
        }
        return (DataTable(columns: ref), DataTable(columns: cur))
    }

    static func column(_ name: String, _ type: ColumnType, _ values: [String]) -> Column {
        switch type {
        case .integer: DriftTestData.integerColumn(name, values.map { Int64($0) })
        case .double: DriftTestData.doubleColumn(name, values.map { Double($0) })
        case .boolean: DriftTestData.booleanColumn(name, values.map { $0 == "true" })
        case .string: DriftTestData.stringColumn(name, values)
        }
    }

    // Rows: (column, Evidently's method, drift score, drifted).
    typealias Expected = (String, DriftMethod, Double, Bool)

    static let smallReference: [Expected] = [
        ("score", .ks, 0.02576089128490194, true),
        ("income", .ks, 7.27840358227667e-06, true),
        ("visits", .chisquare, 2.3761080504060305e-05, true),
        ("churned", .ztest, 1.427004144138877e-05, true),
        ("rating", .chisquare, 0, true),
        ("tier", .chisquare, 8.912500520798273e-10, true),
        ("plan", .chisquare, 7.090264897630989e-08, true),
        ("region", .ztest, 0.7999674327768163, false),
        ("active", .ztest, 5.0458670640463055e-05, true),
        ("device", .chisquare, 0.0020048440749782033, true),
    ]

    static let largeReference: [Expected] = [
        ("score", .wasserstein, 0.1497575113767804, true),
        ("income", .wasserstein, 0.2988873318662522, true),
        ("visits", .jensenshannon, 0.0815794415357141, false),
        ("churned", .jensenshannon, 0.08895105575143933, false),
        ("rating", .jensenshannon, 0.43434999186608536, true),
        ("tier", .jensenshannon, 0.11096293845401935, true),
        ("plan", .jensenshannon, 0.09753668203034213, false),
        ("region", .jensenshannon, 0.022299296448241274, false),
        ("active", .jensenshannon, 0.07664950157338102, false),
        ("device", .jensenshannon, 0.02932953350786792, false),
    ]

    @Test(arguments: [(600, 500, 100 as UInt64, smallReference, 9, true), (3000, 2500, 200, largeReference, 4, false)])
    func picksTheSameMethodAndVerdictAsEvidently(_ c: (Int, Int, UInt64, [Expected], Int, Bool)) throws {
        let (ref, cur) = Self.columns(refRows: c.0, curRows: c.1, seed: c.2)
        let report = try DriftDetector.compare(reference: ref, current: cur)
        for (name, method, score, drifted) in c.3 {
            let result = try #require(DriftTestData.result(report, name))
            #expect(
                result.method == method, "\(name): picked \(result.method?.rawValue ?? "none"), Evidently \(method)")
            let ours = method.isTest ? result.pValue : result.statistic
            #expect(DriftTestData.close(ours, score, relative: 1e-8), "\(name): \(ours ?? .nan) vs Evidently \(score)")
            #expect(result.drifted == drifted, "\(name): drifted \(result.drifted), Evidently \(drifted)")
        }
        #expect(report.driftedColumns == c.4 && report.testedColumns == 10)
        #expect(report.datasetDrift == c.5)
    }
}
