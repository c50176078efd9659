import Dispatch
import Foundation
import LabSupport

/// What to compare and how: the method, the columns and the thresholds.
package struct DriftOptions: Sendable {
    /// The method for every column; `auto` picks one per column.
    package var method: DriftMethod
    /// The columns to compare, in this order; nil compares every column of the reference.
    package var columns: [String]?
    /// Overrides the method's default threshold (p-value for tests, distance otherwise).
    package var threshold: Double?
    /// The share of drifted columns at which the dataset counts as drifted.
    package var driftShare: Double

    package init(
        method: DriftMethod = .auto, columns: [String]? = nil, threshold: Double? = nil,
        driftShare: Double = 0.5
    ) {
        self.method = method
        self.columns = columns
        self.threshold = threshold
        self.driftShare = driftShare
    }
}

/// Compares a current table with a reference table and says which columns drifted.
///
/// Column kinds, methods, thresholds and the `auto` choice follow Evidently 0.7's current
/// default, `DataDriftPreset`:
/// - Kinds are read from the current data as Evidently's `infer_column_type` does (see
///   ``DriftColumnKind``): doubles are numeric, integers without nulls with at most 10 distinct
///   values categorical (more: numeric), booleans categorical, strings text when more than half
///   their non-null values are distinct, else categorical.
/// - `auto` (`_get_default_stattest` in Evidently's `legacy/calculations/stattests/registry.py`),
///   with n the distinct values of both sides together and nulls left out: a reference of at
///   most 1000 values gets `ks` for numbers with n > 5, otherwise `chisquare` (n > 2) or
///   `ztest`, and categories `chisquare` (n > 2) or `ztest`; a larger reference gets
///   `wasserstein` for numbers with n > 5, otherwise `jensenshannon`.
/// - A test drifts when p ≤ threshold (0.05); a distance when it is at least the threshold
///   (0.1). The dataset drifts when at least `driftShare` of the tested columns do.
///
/// Differences from Evidently, on purpose: PSI and Jensen-Shannon cut numbers at the
/// reference's deciles (DESIGN.md) where Evidently uses Sturges bins over both sides, and PSI
/// counts an empty bin at 0.0001 always (Evidently goes lower when a non-empty bin is below
/// that); every test drifts at p ≤ threshold (Evidently's chi-square and z-test use <, which
/// differs only at p exactly 0.05); text is measured on lengths and words rather than with
/// Evidently's domain classifier; a column Evidently would refuse (empty, all-null, wrong kind
/// for the method) is reported as skipped with the reason, and left out of the share.
package enum DriftDetector {
    package static func compare(
        reference: consuming DataTable, current: consuming DataTable,
        options: DriftOptions = DriftOptions()
    ) throws -> DriftReport {
        let start = WallClock.instant()
        let referenceColumns = reference.columnsByName()
        let currentColumns = current.columnsByName()
        let names: [String]
        if let requested = options.columns {
            for name in requested where referenceColumns[name] == nil { _ = try reference.requireColumn(name) }
            names = requested
        } else {
            names = reference.columnNames
        }
        let (referenceRows, currentRows) = (reference.rowCount, current.rowCount)
        // The tables are given up to the slots, so that a column taken out of them is the only
        // owner of its values and is sorted in place rather than copied first.
        let slots = ColumnSlots(reference: referenceColumns, current: currentColumns, names: names)
        _ = consume reference
        _ = consume current
        _ = consume referenceColumns
        _ = consume currentColumns
        let perColumn = concurrentMap(names.count) { index -> [DriftColumnResult] in
            let name = names[index]
            let (ref, cur) = slots.take(name)
            guard let ref else { return [.skipped(name, "missing in the reference", kind: nil)] }
            guard let cur else { return [.skipped(name, "missing in the current data", kind: nil)] }
            return compareColumn(ref, cur, options: options)
        }
        try Interruption.check()
        let results = perColumn.flatMap { $0 }
        var tested: Set<String> = []
        var drifted: Set<String> = []
        for result in results where result.verdict != .skipped {
            tested.insert(result.column)
            if result.drifted { drifted.insert(result.column) }
        }
        let share = tested.isEmpty ? 0 : Double(drifted.count) / Double(tested.count)
        return DriftReport(
            columns: results, driftedColumns: drifted.count, testedColumns: tested.count,
            shareDrifted: share, datasetDrift: !tested.isEmpty && share >= options.driftShare,
            driftShare: options.driftShare, referenceRows: referenceRows, currentRows: currentRows,
            seconds: WallClock.seconds(since: start))
    }

    /// The results for one column present on both sides.
    static func compareColumn(
        _ reference: consuming Column, _ current: consuming Column, options: DriftOptions
    ) -> [DriftColumnResult] {
        let name = reference.name
        // A column with no values on one side reads as text whatever it held on the other: say
        // it is empty rather than that its type changed.
        if reference.nullCount == reference.count || current.nullCount == current.count {
            let referenceEmpty = reference.nullCount == reference.count
            let kind: DriftFeatureKind? = referenceEmpty ? nil : (reference.isNumeric ? .numeric : .categorical)
            var result = DriftColumnResult.skipped(
                name, "no non-null values in \(referenceEmpty ? "the reference" : "the current data"): cannot test",
                kind: kind)
            result.referenceCount = reference.count - reference.nullCount
            result.currentCount = current.count - current.nullCount
            return [result]
        }
        let sample: DriftSample
        switch (reference.isNumeric, current.isNumeric) {
        case (true, true) where DriftColumnKind.of(current: current) == .numeric:
            sample = .numeric(
                reference: DriftSample.finiteNumbers(reference),
                current: DriftSample.finiteNumbers(current))
        case (true, true):
            sample = .categorical(
                reference: DriftSample.categoryCounts(reference), current: DriftSample.categoryCounts(current))
        case (false, false):
            if reference.type == .string, current.type == .string, DriftColumnKind.of(current: current) == .text {
                sample = .text(reference: DriftSample.strings(reference), current: DriftSample.strings(current))
            } else {
                sample = .categorical(
                    reference: DriftSample.categoryCounts(reference),
                    current: DriftSample.categoryCounts(current))
            }
        default:
            return [
                .skipped(
                    name,
                    "holds \(reference.type.rawValue) values in the reference but "
                        + "\(current.type.rawValue) values in the current data", kind: nil)
            ]
        }
        // The sample holds the values now; the columns let go of them.
        _ = consume reference
        _ = consume current
        if sample.referenceCount == 0 || sample.currentCount == 0 {
            let side = sample.referenceCount == 0 ? "the reference" : "the current data"
            var result = DriftColumnResult.skipped(
                name, "no non-null values in \(side): cannot test", kind: sample.kind)
            result.referenceCount = sample.referenceCount
            result.currentCount = sample.currentCount
            return [result]
        }
        switch consume sample {
        case .numeric(let r, let c):
            return [
                NumericDrift.compare(
                    name: name, reference: NumericSample(r), current: NumericSample(c), options: options)
            ]
        case .categorical(let r, let c):
            return [CategoricalDrift.compare(name: name, reference: r, current: c, options: options)]
        case .text(let r, let c):
            return TextDrift.compare(name: name, reference: r, current: c, options: options)
        }
    }

    /// Both tables' columns by name, each handed out once (then forgotten), or as a copy when
    /// a name is asked for more than once.
    final class ColumnSlots: @unchecked Sendable {
        private let lock = NSLock()
        private var reference: [String: Column]
        private var current: [String: Column]
        private var wanted: [String: Int] = [:]

        init(reference: [String: Column], current: [String: Column], names: [String]) {
            self.reference = reference
            self.current = current
            for name in names { wanted[name, default: 0] += 1 }
        }

        func take(_ name: String) -> (Column?, Column?) {
            lock.lock()
            defer { lock.unlock() }
            wanted[name, default: 0] -= 1
            guard wanted[name] == 0 else { return (reference[name], current[name]) }
            return (reference.removeValue(forKey: name), current.removeValue(forKey: name))
        }
    }

    /// `body(0..<count)` on all cores, results in order.
    static func concurrentMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        // Each iteration writes only its own slot.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results[index] = body(index)
        }
        return results.compactMap { $0 }
    }
}

extension DriftColumnResult {
    /// A column that could not be tested, and why.
    static func skipped(_ column: String, _ reason: String, kind: DriftFeatureKind?) -> DriftColumnResult {
        DriftColumnResult(
            column: column, aspect: nil, kind: kind, method: nil, statistic: nil, pValue: nil,
            threshold: nil, verdict: .skipped, effectSize: nil, reason: reason,
            referenceCount: 0, currentCount: 0, histogram: nil)
    }
}
