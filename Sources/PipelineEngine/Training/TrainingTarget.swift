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
                throw LabError("train.target_not_numeric",
                               "target '\(name)' holds \(column.type.rawValue) values, but --model \(kind.rawValue) predicts a number; pick a numeric target or a classifier (logistic, knn, naive-bayes)")
            }
            return .values((0..<column.count).map { column.double(at: $0)! })
        }
        if case .double(let values) = column.storage, let fractional = values.first(where: { $0 != $0.rounded() }) {
            throw LabError("train.continuous_target",
                           "target '\(name)' holds continuous numbers (such as \(formatDouble(fractional))), but --model \(kind.rawValue) predicts classes; use --model linear for a number")
        }
        let text = (0..<column.count).map { column.text(at: $0)! }
        let classes = LabelOrder.sorted(text)
        guard classes.count >= 2 else {
            throw LabError("train.single_class",
                           "target '\(name)' has a single class ('\(classes.first ?? "")') in the \(text.count) training rows of \(source.isEmpty ? "the data" : source); a classifier needs at least two classes")
        }
        var index: [String: Int] = [:]
        for (i, label) in classes.enumerated() { index[label] = i }
        return .classes(labels: text.map { index[$0]! }, classes: classes)
    }
}
