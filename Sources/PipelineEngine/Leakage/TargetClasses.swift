import LabSupport

/// The classes of the target in the training file, in scikit-learn's order.
///
/// Labels compare as text; rows whose target is null take part in no check. scikit-learn sorts
/// the classes (numerically for a number column, by code point for text) and takes the last as
/// the positive class of `roc_auc_score`.
struct TargetClasses {
    /// Each row's label, or nil where the target is null.
    let labels: [String?]
    /// The distinct labels, sorted as scikit-learn sorts them.
    let classes: [String]

    /// The classes of `column`; an error when there are fewer than two.
    init(_ column: Column, source: String) throws {
        labels = (0..<column.count).map { column.text(at: $0) }
        let distinct = Set(labels.compactMap { $0 })
        if column.isNumeric || column.type == .boolean {
            var valueOf: [String: Double] = [:]
            for row in 0..<column.count {
                if let text = labels[row], let value = column.double(at: row) { valueOf[text] = value }
            }
            classes = distinct.sorted { (valueOf[$0] ?? 0) < (valueOf[$1] ?? 0) }
        } else {
            classes = distinct.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        }
        guard classes.count >= 2 else {
            let found = classes.first.map { "one class ('\($0)')" } ?? "no values"
            throw LabError(
                .leakageTargetNotBinary,
                "the target '\(column.name)' has \(found) in \(source); expected two classes to look for leakage")
        }
    }

    /// Whether the target has exactly two classes, as the AUC check needs.
    var isBinary: Bool { classes.count == 2 }

    /// The positive class of `roc_auc_score`: the last in sorted order.
    var positiveClass: String { classes[classes.count - 1] }
}
