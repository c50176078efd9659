/// How `drift` reads a column: the column types of Evidently 0.7's `DataDriftPreset`.
///
/// Evidently infers each column's type from the current data (the report's first dataset,
/// `Context.data_definition` in `src/evidently/core/report.py`, used by `ValueDrift` in
/// `src/evidently/metrics/column_statistics.py`) with `infer_column_type` in
/// `src/evidently/core/datasets.py` (0.7.21):
/// - a float column is numeric;
/// - an integer column is categorical when it has at most `INTEGER_CARDINALITY_LIMIT` (10)
///   distinct values, numeric otherwise. pandas reads an integer column with a missing value
///   as float, so only an integer column without nulls can be categorical;
/// - a text column is text when more than half its non-null values are distinct, else
///   categorical;
/// - a boolean column is categorical.
enum DriftColumnKind {
    /// Evidently's `INTEGER_CARDINALITY_LIMIT`.
    static let integerCardinalityLimit = 10

    /// The kind of a column both of whose sides hold values of a comparable type, read from
    /// `current` as Evidently does.
    static func of(current: Column) -> DriftFeatureKind {
        switch current.storage {
        case .double: return .numeric
        case .integer(let values):
            guard current.nullCount == 0 else { return .numeric }
            var seen = Set<Int64>()
            for value in values {
                seen.insert(value)
                if seen.count > integerCardinalityLimit { return .numeric }
            }
            return .categorical
        case .boolean: return .categorical
        case .string(let codes, let dictionary):
            var used = [Bool](repeating: false, count: dictionary.count)
            var count = 0
            var distinct = 0
            for code in codes where code >= 0 {
                count += 1
                if !used[Int(code)] {
                    used[Int(code)] = true
                    distinct += 1
                }
            }
            // `nunique() > count() * 0.5`, with nunique and count over the non-null values.
            return Double(distinct) > Double(count) * 0.5 ? .text : .categorical
        }
    }
}
