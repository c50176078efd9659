import LabSupport

/// The target column of the training rows, as class indices or as numbers.
enum TrainingTarget {
    /// Class indices into `classes`, which are in label order.
    case classes(labels: [Int], classes: [String])
    case values([Double])

    /// Reads the target of a `kind` model from `column`, whose rows are all non-null.
    static func read(_ column: Column, for kind: ModelKind, source: String) throws -> TrainingTarget {
        let name = column.name
        if kind.task == .regression {
            guard column.isNumeric else {
                throw LabError(
                    .trainTargetNotNumeric,
                    "target '\(name)' holds \(column.type.rawValue) values, but --model \(kind.rawValue) predicts a number; pick a numeric target or a classifier (logistic, knn, naive-bayes)"
                )
            }
            return .values((0..<column.count).compactMap { column.double(at: $0) })
        }
        if case .double(let values) = column.storage, let fractional = values.first(where: { $0 != $0.rounded() }) {
            throw LabError(
                .trainContinuousTarget,
                "target '\(name)' holds continuous numbers (such as \(formatDouble(fractional))), but --model \(kind.rawValue) predicts classes; use --model linear for a number"
            )
        }
        // Distinct values first, then one text label per class rather than one per row.
        let (codes, names) = distinctCodes(column)
        var used = [Bool](repeating: false, count: names.count)
        for code in codes { used[code] = true }
        let classes = LabelOrder.sorted(names.indices.filter { used[$0] }.map { names[$0] })
        guard classes.count >= 2 else {
            throw LabError(
                .trainSingleClass,
                "target '\(name)' has a single class ('\(classes.first ?? "")') in the \(column.count) training rows of \(source.isEmpty ? "the data" : source); a classifier needs at least two classes"
            )
        }
        var index: [CodePoints: Int] = [:]
        for (i, label) in classes.enumerated() { index[CodePoints(label)] = i }
        let classOfCode = names.map { index[CodePoints($0)] ?? -1 }
        return .classes(labels: codes.map { classOfCode[$0] }, classes: classes)
    }

    /// Per row an index into a list of the column's values as text (which may hold values no
    /// row uses, such as a string column's dictionary after a split).
    private static func distinctCodes(_ column: Column) -> (codes: [Int], names: [String]) {
        switch column.storage {
        case .string(let codes, let dictionary):
            return (codes.map { Int($0) }, dictionary)
        case .boolean(let values):
            return (values.map { $0 ? 1 : 0 }, ["false", "true"])
        case .integer(let values):
            return encode(Array(values)) { String($0) }
        case .double(let values):
            return encode(values) { formatDouble($0) }
        }
    }

    private static func encode<T: Hashable>(_ values: [T], _ text: (T) -> String) -> (codes: [Int], names: [String]) {
        var index: [T: Int] = [:]
        var names: [String] = []
        let codes = values.map { value -> Int in
            if let code = index[value] { return code }
            index[value] = names.count
            names.append(text(value))
            return names.count - 1
        }
        return (codes, names)
    }
}
